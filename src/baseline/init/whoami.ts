// Who runs `rampart init` and what the account looks like: the caller's kind, whether it is already an admin user,
// and a quick audit (the score and the critical/high failures).
import { auditSnapshot } from '../../audit.js';
import { isAdministrative, userPolicies } from '../../checks/identity/permissions.js';
import { rootAccessKeys } from '../../checks/root/root-access-keys.js';
import { rootMfa } from '../../checks/root/root-mfa.js';
import { DEFAULT_CHECK_OPTIONS, type Check } from '../../checks/types.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { summarize } from '../../report/summary.js';
import type { Caller } from '../types.js';

export type CallerKind = 'root' | 'admin-user' | 'user' | 'role' | 'other';

export interface WhoAmI {
  kind: CallerKind;
  /** One or two sentences for the person. */
  message: string;
}

export function whoAmI(snapshot: AccountSnapshot, caller: Caller): WhoAmI {
  const account = `account ${snapshot.account.id}${snapshot.account.alias ? ` (${snapshot.account.alias})` : ''}`;
  if (caller.isRoot) {
    return { kind: 'root', message: `You are root in ${account}: rampart will create your daily admin user, then you sign in as it.` };
  }
  if (caller.userName) {
    const user = snapshot.iam.users?.find((u) => u.name === caller.userName);
    const admin = user ? isAdministrative(userPolicies(user, snapshot.iam.groups ?? [], snapshot.iam.policies ?? [])) : false;
    return admin
      ? { kind: 'admin-user', message: `You are the IAM user ${caller.userName}, an admin of ${account}: rampart will not create another admin user.` }
      : { kind: 'user', message: `You are the IAM user ${caller.userName} in ${account}, without administrator access as far as rampart can see.` };
  }
  if (/:assumed-role\//.test(caller.arn)) {
    const role = caller.arn.split('/')[1] ?? caller.arn;
    return { kind: 'role', message: `You are signed in with the role ${role} in ${account}.` };
  }
  return { kind: 'other', message: `You are ${caller.arn} in ${account}.` };
}

export interface QuickAudit {
  score: number | null;
  critical: number;
  high: number;
}

export function quickAudit(snapshot: AccountSnapshot): QuickAudit {
  const summary = summarize(auditSnapshot(snapshot));
  return { score: summary.score, critical: summary.failedBySeverity.critical, high: summary.failedBySeverity.high };
}

export const formatScore = (score: number | null): string => (score === null ? 'n/a' : `${score}/100`);

/** The root items only a person can fix, as they are in `snapshot` (an identity-only one will do). */
export const ROOT_CHECKS: readonly Check[] = [rootMfa, rootAccessKeys];

export interface RootItem {
  check: Check;
  done: boolean;
  message: string;
}

export function rootItems(snapshot: AccountSnapshot): RootItem[] {
  const options = { ...DEFAULT_CHECK_OPTIONS, now: new Date(snapshot.collectedAt) };
  return ROOT_CHECKS.map((check) => {
    const results = check.evaluate(snapshot, options);
    const open = results.find((r) => r.status !== 'PASS' && r.status !== 'NOT_APPLICABLE');
    return { check, done: open === undefined, message: open?.message ?? results[0]?.message ?? check.title };
  });
}
