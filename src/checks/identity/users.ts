// Who the identity checks look at. Credential facts come from the credential report's rows (not `<root_account>`),
// policies and groups from GetAccountAuthorizationDetails; the two are joined by user name. A section that is missing
// makes the whole check one UNKNOWN naming the calls that failed.
import {
  ROOT_ROW_USER,
  type AccountSnapshot,
  type CredentialRow,
  type IamGroup,
  type IamRole,
  type IamUser,
  type ManagedPolicy,
} from '../../inventory/snapshot.js';
import { accountResource, notApplicable, unknown } from '../support.js';
import type { Outcome, Remediation } from '../types.js';
import { userPolicies, type PolicyRef } from './permissions.js';

export const REPORT_OPERATIONS = ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'];
export const AUTHORIZATION_OPERATIONS = ['iam:GetAccountAuthorizationDetails'];

/** The collected sections a check reads. `authorization` is users, groups, roles and policies (one call fills all four). */
export type Need = 'report' | 'authorization';

export interface Authorization {
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  policies: ManagedPolicy[];
}

/**
 * The UNKNOWN (one, for the account) of a check that cannot run: it names the calls behind whichever of `needs` are
 * missing. Call it after finding one missing, e.g. `if (!auth) return [missing(snapshot, ['authorization'])]`.
 */
export function missing(snapshot: AccountSnapshot, needs: readonly Need[]): Outcome {
  const absent = needs.filter((n) => (n === 'report' ? !snapshot.iam.credentialReport : !authorization(snapshot)));
  const operations = (absent.length ? absent : needs).flatMap((n) => (n === 'report' ? REPORT_OPERATIONS : AUTHORIZATION_OPERATIONS));
  return unknown(snapshot, accountResource(snapshot), operations);
}

/** The four GetAccountAuthorizationDetails sections, or null if any is missing. */
export function authorization(snapshot: AccountSnapshot): Authorization | null {
  const { users, groups, roles, policies } = snapshot.iam;
  return users && groups && roles && policies ? { users, groups, roles, policies } : null;
}

/** The IAM users' rows of the credential report (root's row excluded); [] when there is no report. */
export const reportRows = (snapshot: AccountSnapshot): CredentialRow[] =>
  (snapshot.iam.credentialReport?.rows ?? []).filter((r) => r.user !== ROOT_ROW_USER);

export const effectivePolicies = (auth: Authorization, user: IamUser): PolicyRef[] => userPolicies(user, auth.groups, auth.policies);

/**
 * UNKNOWN for each user GetAccountAuthorizationDetails lists but the credential report does not (created after the
 * report was generated): their credentials are not known. [] when either section is missing.
 */
export function notInReport(snapshot: AccountSnapshot): Outcome[] {
  const report = snapshot.iam.credentialReport;
  if (!report || !snapshot.iam.users) return [];
  const reported = new Set(report.rows.map((r) => r.user));
  return snapshot.iam.users.filter((u) => !reported.has(u.name)).map((u) => notReported(u, report.generatedAt));
}

/** UNKNOWN for one resource whose data the account does not give (support.unknown is for failed calls). */
export const undetermined = (resource: string, message: string): Outcome => ({ status: 'UNKNOWN', resource, message });

export const notReported = (user: IamUser, generatedAt: string): Outcome =>
  undetermined(
    user.arn,
    `user ${user.name} is not in the credential report generated ${day(generatedAt)} (created after it?); regenerate it with iam:GenerateCredentialReport`,
  );

export const notAuthorized = (row: CredentialRow): Outcome =>
  undetermined(row.arn, `user ${row.user} is in the credential report but not in iam:GetAccountAuthorizationDetails (deleted since?)`);

/** The check's results, or one NOT_APPLICABLE for the account saying why there is nothing to judge. */
export const orNotApplicable = (snapshot: AccountSnapshot, outcomes: Outcome[], why: string): Outcome[] =>
  outcomes.length ? outcomes : [notApplicable(accountResource(snapshot), why)];

export type AccessKeyRow = CredentialRow['accessKeys'][number];

/** One of a user's two access key slots as the report gives it (no key id: the report has none). */
export interface KeySlot {
  number: number;
  /** `<user ARN>/access-key-1` or `-2`. */
  resource: string;
  key: AccessKeyRow;
}

/** The active keys of a row. */
export const activeKeys = (row: CredentialRow): KeySlot[] =>
  row.accessKeys.flatMap((key, i) => (key.active ? [{ number: i + 1, resource: `${row.arn}/access-key-${i + 1}`, key }] : []));

/** "access-key-1 (created 2026-01-05, last used 2026-06-14)"; the report's last_rotated is the creation date. */
export function describeKey(slot: KeySlot): string {
  const created = slot.key.lastRotated ? `created ${day(slot.key.lastRotated)}` : 'creation date unknown';
  const used = slot.key.lastUsedDate ? `last used ${day(slot.key.lastUsedDate)}` : 'never used';
  return `access-key-${slot.number} (${created}, ${used})`;
}

/** YYYY-MM-DD of an ISO date. */
export const day = (iso: string): string => iso.slice(0, 10);

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The remediation with `<placeholder>`s filled in, e.g. fill(r, { user: 'alice' }). */
export function fill(remediation: Remediation, values: Record<string, string>): Remediation {
  const sub = (text: string) => text.replace(/<([\w-]+)>/g, (whole, name: string) => values[name] ?? whole);
  return { summary: sub(remediation.summary), console: remediation.console.map(sub), cli: remediation.cli.map(sub) };
}

/** The command that takes a policy off a user, group or role: detach a managed one, delete an inline one. */
export function removeCommand(kind: 'user' | 'group' | 'role', principal: string, policy: { name: string; arn: string | null }): string {
  return policy.arn === null
    ? `aws iam delete-${kind}-policy --${kind}-name ${principal} --policy-name ${policy.name}`
    : `aws iam detach-${kind}-policy --${kind}-name ${principal} --policy-arn ${policy.arn}`;
}
