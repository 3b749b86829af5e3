// What a principal may do, read from its policy documents the simple way: enough for the identity checks to say
// "administrator". This is not the policy evaluator (src/policy/): no resource matching, no condition evaluation.
// Where it must guess it guesses "administrative": a false alarm costs a look, a missed administrator costs an account.
//
// Rules:
// - AdministratorAccess and IAMFullAccess (AWS managed, any partition) are administrative by ARN, whatever the snapshot
//   holds for their documents. IAMFullAccess counts because a principal that can write IAM can grant itself anything.
// - So is any Allow statement with Action `*`, `*:*` or `iam:*` on Resource `*`. Its conditions are ignored (an admin
//   behind an MFA or IP condition is still an admin). NotAction and NotResource statements never count here.
// - One unconditional Deny of `*` on `*` anywhere in the same set negates all of it. Conditional denies (force-MFA)
//   and narrower denies do not: the principal is still an administrator most of the time.
// - Permissions boundaries and SCPs are not considered (they can only narrow; see above about guessing).
// Element names are matched case-insensitively: AWS would reject a misspelled document, so reading leniently
// cannot hide a finding.
import type { ManagedPolicy } from '../../inventory/snapshot.js';

export type PolicyStatement = Record<string, unknown>;

/** One policy that reaches a principal, with where it comes from (for messages and remediation). */
export interface PolicyRef {
  kind: 'managed' | 'inline';
  name: string;
  /** The managed policy's ARN; null for inline policies. */
  arn: string | null;
  /** The group it reaches the user through; null when attached to the principal itself. */
  via: string | null;
  /** The policy document; undefined when a managed policy is not in the snapshot (its ARN still counts). */
  document: unknown;
}

/** A user, group or role as the snapshot gives it: attachments and inline policies. */
export interface PolicyHolder {
  attachedPolicies: { name: string; arn: string }[];
  inlinePolicies: { name: string; document: unknown }[];
}

export const ADMIN_POLICY_NAMES = ['AdministratorAccess', 'IAMFullAccess'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property by name, ignoring case. */
export function field(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
}

/** A policy element that may be a string or an array of strings, as a list. */
export function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** A policy document as the snapshot holds it (an object, or IAM's JSON text) as an object; undefined if it is neither. */
export function documentObject(document: unknown): Record<string, unknown> | undefined {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  return isObject(doc) ? doc : undefined;
}

/** The statements of a document (object or JSON text); Statement may be one object or an array. */
export function statementsOf(document: unknown): PolicyStatement[] {
  const doc = documentObject(document);
  if (!doc) return [];
  const statement = field(doc, 'Statement');
  return (Array.isArray(statement) ? statement : [statement]).filter(isObject);
}

export const effectIs = (s: PolicyStatement, effect: 'Allow' | 'Deny'): boolean =>
  String(field(s, 'Effect')).toLowerCase() === effect.toLowerCase();

const isStarAction = (a: string): boolean => a === '*' || a === '*:*';
const hasCondition = (s: PolicyStatement): boolean => {
  const c = field(s, 'Condition');
  return isObject(c) && Object.keys(c).length > 0;
};
/** Action (not NotAction) contains one of `wanted`, and Resource (not NotResource) contains `*`. */
function onEverything(s: PolicyStatement, actionMatches: (a: string) => boolean): boolean {
  if (field(s, 'NotAction') !== undefined || field(s, 'NotResource') !== undefined) return false;
  return asList(field(s, 'Action')).some(actionMatches) && asList(field(s, 'Resource')).includes('*');
}

/** CIS 2.15: some Allow statement grants `*` (or `*:*`) on Resource `*`, conditions or not. */
export function allowsStarOnStar(document: unknown): boolean {
  return statementsOf(document).some((s) => effectIs(s, 'Allow') && onEverything(s, isStarAction));
}

/** Some Allow statement grants `*` or `iam:*` on Resource `*`. */
export function allowsAdminActions(document: unknown): boolean {
  return statementsOf(document).some(
    (s) => effectIs(s, 'Allow') && onEverything(s, (a) => isStarAction(a) || a.toLowerCase() === 'iam:*'),
  );
}

/** An unconditional Deny of `*` on `*`: nothing the rest of the set allows survives it. */
export function deniesEverything(document: unknown): boolean {
  return statementsOf(document).some((s) => effectIs(s, 'Deny') && !hasCondition(s) && onEverything(s, isStarAction));
}

/** The AWS managed policy `name` in any partition, e.g. arn:aws-us-gov:iam::aws:policy/AdministratorAccess. */
export function isAwsPolicy(arn: string | null, name: string): boolean {
  if (arn === null) return false;
  const match = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn);
  return match?.[1] === name;
}

/** The first policy that makes the set administrative, or null (none does, or an unconditional deny-all negates it). */
export function adminGrant(policies: readonly PolicyRef[]): PolicyRef | null {
  if (policies.some((p) => deniesEverything(p.document))) return null;
  return (
    policies.find((p) => ADMIN_POLICY_NAMES.some((name) => isAwsPolicy(p.arn, name)) || allowsAdminActions(p.document)) ??
    null
  );
}

export const isAdministrative = (policies: readonly PolicyRef[]): boolean => adminGrant(policies) !== null;

/** The policies attached to or inline in one principal; managed documents resolved by ARN from `managed`. */
export function holderPolicies(holder: PolicyHolder, managed: readonly ManagedPolicy[], via: string | null = null): PolicyRef[] {
  const byArn = new Map(managed.map((p) => [p.arn, p]));
  return [
    ...holder.attachedPolicies.map((a): PolicyRef => ({ kind: 'managed', name: a.name, arn: a.arn, via, document: byArn.get(a.arn)?.document })),
    ...holder.inlinePolicies.map((i): PolicyRef => ({ kind: 'inline', name: i.name, arn: null, via, document: i.document })),
  ];
}

/** A user's effective policies: its own, then each of its groups' (groups not in `groups` are skipped). */
export function userPolicies(
  user: PolicyHolder & { groups: string[] },
  groups: readonly (PolicyHolder & { name: string })[],
  managed: readonly ManagedPolicy[],
): PolicyRef[] {
  const byName = new Map(groups.map((g) => [g.name, g]));
  return [
    ...holderPolicies(user, managed),
    ...user.groups.flatMap((name) => {
      const g = byName.get(name);
      return g ? holderPolicies(g, managed, name) : [];
    }),
  ];
}

/** "AdministratorAccess", "inline policy admin", "AdministratorAccess via group Admins". */
export function describePolicy(p: PolicyRef): string {
  return `${p.kind === 'inline' ? 'inline policy ' : ''}${p.name}${p.via === null ? '' : ` via group ${p.via}`}`;
}
