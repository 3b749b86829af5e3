// The request the evaluator decides on, and its prepared form: context keys folded to lower case (IAM key names are
// case-insensitive, values are not) and the principal's ARN read once into what the rules need.
import { memo } from './memo.js';

export interface EvalRequest {
  /** `service:Action`; matched case-insensitively. */
  readonly action: string;
  /** The resource ARN (or `*` for actions without a resource). */
  readonly resource: string;
  /** An IAM user, role or assumed-role session ARN, an account (`arn:aws:iam::123456789012:root` or the bare id),
   * a federated user ARN, or a service principal such as `ec2.amazonaws.com`. */
  readonly principal: string;
  /** Context keys as written (any case) -> values; several values make the key multi-valued. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** The account owning the resource; defaults to the ARN's account field, else the principal's account. */
  readonly resourceAccount?: string;
}

export type PrincipalKind = 'user' | 'role' | 'role-session' | 'root' | 'federated-user' | 'service';

export interface PrincipalInfo {
  readonly kind: PrincipalKind;
  /** The ARN as given (a service principal's name for services). */
  readonly arn: string;
  /** 12 digits; empty for service principals. */
  readonly account: string;
  readonly partition: string;
  /** Role name, for roles and their sessions (assumed-role ARNs carry no path, so roles are matched by name). */
  readonly roleName?: string;
  /** User name, for users. */
  readonly userName?: string;
}

export interface PreparedRequest {
  readonly action: string;
  readonly actionLower: string;
  readonly resource: string;
  readonly principal: PrincipalInfo;
  readonly resourceAccount: string;
  /** Lower-cased key -> values. */
  readonly context: ReadonlyMap<string, readonly string[]>;
}

/** A request the evaluator cannot read (an unrecognised principal); the CLI reports it as bad input. */
export class RequestError extends Error {
  override name = 'RequestError';
}

const ACCOUNT = /^\d{12}$/;

export const parsePrincipal = memo(readPrincipal);

function readPrincipal(text: string): PrincipalInfo {
  if (ACCOUNT.test(text)) return { kind: 'root', arn: `arn:aws:iam::${text}:root`, account: text, partition: 'aws' };
  if (/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(text)) return { kind: 'service', arn: text, account: '', partition: 'aws' };
  const m = /^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):(.+)$/.exec(text);
  if (!m) throw new RequestError(`principal "${text}" is not an IAM user, role, assumed-role session, account or service principal`);
  const [, partition = 'aws', service, account = '', rest = ''] = m;
  const base = { arn: text, account, partition };
  if (service === 'iam' && rest === 'root') return { ...base, kind: 'root' };
  if (service === 'iam' && rest.startsWith('user/')) return { ...base, kind: 'user', userName: lastSegment(rest) };
  if (service === 'iam' && rest.startsWith('role/')) return { ...base, kind: 'role', roleName: lastSegment(rest) };
  const session = /^assumed-role\/([^/]+)\/.+$/.exec(rest);
  if (service === 'sts' && session) return { ...base, kind: 'role-session', roleName: session[1]! };
  if (service === 'sts' && rest.startsWith('federated-user/')) return { ...base, kind: 'federated-user' };
  throw new RequestError(`principal "${text}" is not an IAM user, role, assumed-role session, account or service principal`);
}

const implicitKeysOf = memo((arn: string) => implicitKeys(parsePrincipal(arn)));

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The keys AWS puts in every request from this principal, unless the request gives them itself. */
function implicitKeys(p: PrincipalInfo): [string, string][] {
  if (p.kind === 'service') return [['aws:principalservicename', p.arn]];
  const principalArn = p.kind === 'role-session' ? `arn:${p.partition}:iam::${p.account}:role/${p.roleName}` : p.arn;
  const type = { user: 'User', role: 'AssumedRole', 'role-session': 'AssumedRole', root: 'Account', 'federated-user': 'FederatedUser' }[p.kind];
  const keys: [string, string][] = [
    ['aws:principalarn', principalArn],
    ['aws:principalaccount', p.account],
    ['aws:principaltype', type],
  ];
  if (p.userName !== undefined) keys.push(['aws:username', p.userName]);
  return keys;
}

/** The 5th colon-separated field of an ARN when it is an account id. */
function accountOfArn(arn: string): string | undefined {
  let start = 0;
  for (let field = 0; field < 4; field++) {
    start = arn.indexOf(':', start) + 1;
    if (start === 0) return undefined;
  }
  const end = arn.indexOf(':', start);
  return end - start === 12 && ACCOUNT.test(arn.slice(start, end)) ? arn.slice(start, end) : undefined;
}

export function prepareRequest(req: EvalRequest): PreparedRequest {
  const principal = parsePrincipal(req.principal);
  const context = new Map<string, readonly string[]>();
  for (const key in req.context) {
    const value = req.context[key]!;
    const lower = key.toLowerCase();
    const values = typeof value === 'string' ? [value] : value;
    const before = context.get(lower);
    context.set(lower, before ? [...before, ...values] : values);
  }
  for (const [key, value] of implicitKeysOf(req.principal)) if (!context.has(key)) context.set(key, [value]);
  return {
    action: req.action,
    actionLower: req.action.toLowerCase(),
    resource: req.resource,
    principal,
    resourceAccount: req.resourceAccount ?? accountOfArn(req.resource) ?? principal.account,
    context,
  };
}
