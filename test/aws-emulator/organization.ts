// An AWS Organization behind one endpoint: the management account (the emulator's scenario) and member accounts,
// each its own World, built on first use so a thousand-account organization costs only what a test touches.
// A request is answered by the world of the account its access key belongs to; STS AssumeRole into a member's
// OrganizationAccountAccessRole hands out session keys that belong to that member.
import { createHash } from 'node:crypto';
import { ApiError } from './errors.js';
import { readFile } from 'node:fs/promises';
import { parseScenario, type Scenario } from './scenario.js';
import { buildWorld, type Caller, type World } from './world.js';

export interface OrgMember {
  id: string;
  name: string;
  email?: string;
  /** Default ACTIVE. A SUSPENDED account is listed and cannot be entered. */
  status?: 'ACTIVE' | 'SUSPENDED';
  /** The member account's content; default: the organization's `memberScenario`. Its account id is replaced by `id`. */
  scenario?: Scenario | string;
  /** Roles the management account may assume here. Default: `OrganizationAccountAccessRole`. */
  roles?: string[];
  /** IAM Identity Center permission sets the signed-in user has here. Default: all of the organization's `sso`. */
  permissionSets?: string[];
}

export interface OrgPolicy {
  name: string;
  /** The SCP's document. */
  content: unknown;
  /** `root`, OU ids or account ids it is attached to. */
  targets: string[];
  /** AWS's own FullAWSAccess. */
  awsManaged?: boolean;
}

export interface OrganizationOptions {
  members: OrgMember[];
  /** What a member without its own scenario holds. Default: the empty-account scenario. */
  memberScenario?: Scenario | string;
  policies?: OrgPolicy[];
  delegatedAdministrators?: { accountId: string; servicePrincipal: string }[];
  /** IAM Identity Center: the access token `aws sso login` cached, and the permission sets there are. */
  sso?: { accessToken: string; permissionSets: string[] };
}

export const ROOT_ID = 'r-exam';
export const DEFAULT_MEMBER_ROLE = 'OrganizationAccountAccessRole';
const DEFAULT_MEMBER_SCENARIO = new URL('./scenarios/empty-account.json', import.meta.url).pathname;

const hex = (...parts: string[]): string => createHash('sha256').update(parts.join('/')).digest('hex');

export interface OrganizationRuntime {
  readonly id: string;
  readonly management: World;
  readonly members: readonly OrgMember[];
  readonly policies: readonly (OrgPolicy & { id: string })[];
  readonly delegatedAdministrators: readonly { accountId: string; servicePrincipal: string }[];
  /** The world whose account the access key belongs to; undefined: the management account's (or unknown keys). */
  worldFor(accessKeyId: string | undefined): World | undefined;
  assumeRole(caller: Caller, roleArn: string, sessionName: string, now: Date): Record<string, unknown>;
  /** The SSO portal's GetRoleCredentials: `roleCredentials` for a permission set in an account. */
  ssoRoleCredentials(accessToken: string, accountId: string, permissionSet: string, now: Date): Record<string, unknown>;
}

export async function buildOrganization(management: World, opts: OrganizationOptions, now: Date): Promise<OrganizationRuntime> {
  const org = management.logging.organization;
  if (!org) throw new Error('emulator: an organization needs a management scenario with `organization` set');
  // Scenarios are read (from files) up front, as text; each member's world is built from it on first use, with the
  // scenario's own account id replaced everywhere (ARNs in policies, callers) by the member's.
  const scenarios = new Map<unknown, { text: string; accountId: string }>();
  for (const s of [opts.memberScenario ?? DEFAULT_MEMBER_SCENARIO, ...opts.members.map((m) => m.scenario)]) {
    if (s === undefined || scenarios.has(s)) continue;
    const raw = typeof s === 'string' ? JSON.parse(await readFile(s, 'utf8')) : s;
    scenarios.set(s, { text: JSON.stringify(raw), accountId: parseScenario(raw, String(s)).account.id });
  }
  const byId = new Map(opts.members.map((m) => [m.id, m]));
  const worlds = new Map<string, World>([[management.account.id, management]]);
  const keyAccount = new Map<string, string>();

  function worldOf(member: OrgMember): World {
    let w = worlds.get(member.id);
    if (!w) {
      const { text, accountId } = scenarios.get(member.scenario ?? opts.memberScenario ?? DEFAULT_MEMBER_SCENARIO)!;
      const base = parseScenario(JSON.parse(text.replaceAll(accountId, member.id)), member.name);
      w = buildWorld({ ...base, account: { ...base.account, alias: null }, organization: org }, now);
      worlds.set(member.id, w);
    }
    return w;
  }

  /** Session keys that belong to the member: its world answers them from now on. */
  function issueSession(member: OrgMember, partition: string, roleName: string, sessionName: string, at: Date) {
    const world = worldOf(member);
    const digest = hex('session', member.id, roleName, sessionName, String(keyAccount.size)).toUpperCase();
    const keyId = `ASIA${digest.replace(/[^A-Z2-7]/g, '').padEnd(16, 'Q').slice(0, 16)}`;
    const roleId = `AROA${hex('role', member.id, roleName).toUpperCase().replace(/[^A-Z2-7]/g, '').padEnd(17, 'Q').slice(0, 17)}`;
    const arn = `arn:${partition}:sts::${member.id}:assumed-role/${roleName}/${sessionName}`;
    const userId = `${roleId}:${sessionName}`;
    world.callers.set(keyId, { arn, userId, account: member.id, userName: null, isRoot: false });
    keyAccount.set(keyId, member.id);
    return { keyId, arn, userId, secret: hex('secret', keyId).slice(0, 40), token: `FwoG${hex('token', keyId)}`, expiration: new Date(at.getTime() + 3600_000) };
  }

  return {
    id: org.id,
    management,
    members: opts.members,
    policies: (opts.policies ?? []).map((p) => ({ ...p, id: p.awsManaged ? 'p-FullAWSAccess' : `p-${hex('scp', p.name).slice(0, 8)}` })),
    delegatedAdministrators: opts.delegatedAdministrators ?? [],
    worldFor(accessKeyId) {
      const account = accessKeyId ? keyAccount.get(accessKeyId) : undefined;
      return account ? worlds.get(account) : undefined;
    },
    assumeRole(caller, roleArn, sessionName, at) {
      const [, partition, , , account, resource] = roleArn.split(':');
      const roleName = resource?.startsWith('role/') ? resource.split('/').pop() : undefined;
      const member = account ? byId.get(account) : undefined;
      const denied = () =>
        new ApiError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
      if (!member || !roleName || caller.account !== management.account.id) throw denied();
      if ((member.status ?? 'ACTIVE') !== 'ACTIVE' || !(member.roles ?? [DEFAULT_MEMBER_ROLE]).includes(roleName)) throw denied();
      const s = issueSession(member, partition ?? 'aws', roleName, sessionName, at);
      return {
        Credentials: { AccessKeyId: s.keyId, SecretAccessKey: s.secret, SessionToken: s.token, Expiration: s.expiration.toISOString() },
        AssumedRoleUser: { AssumedRoleId: s.userId, Arn: s.arn },
      };
    },
    ssoRoleCredentials(accessToken, accountId, permissionSet, at) {
      if (!opts.sso || accessToken !== opts.sso.accessToken) throw new ApiError('UnauthorizedException', 'Session token not found or invalid', 401);
      // The management account is reachable through Identity Center too (the caller's own profile).
      const member = accountId === management.account.id ? { id: accountId, name: 'management' } : byId.get(accountId);
      const sets = member?.permissionSets ?? opts.sso.permissionSets;
      if (!member || (member.status ?? 'ACTIVE') !== 'ACTIVE' || !sets.includes(permissionSet)) throw new ApiError('ForbiddenException', 'No access', 403);
      const s = issueSession(member, 'aws', `AWSReservedSSO_${permissionSet}_${hex('ps', permissionSet).slice(0, 16)}`, 'sso-user', at);
      return { roleCredentials: { accessKeyId: s.keyId, secretAccessKey: s.secret, sessionToken: s.token, expiration: s.expiration.getTime() } };
    },
  };
}
