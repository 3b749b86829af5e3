// Between two snapshots, the identities that appeared or went away and the access keys that changed: the first
// things to look at after an incident (seed 002's attacker created users and keys).
import type { AccountSnapshot } from '../inventory/snapshot.js';

export type IdentityKind = 'user' | 'role' | 'group' | 'policy';

export interface IdentityChange {
  readonly kind: IdentityKind;
  readonly change: 'added' | 'removed';
  readonly name: string;
  readonly arn: string;
}

export interface AccessKeyChange {
  readonly user: string;
  readonly activeBefore: number;
  readonly activeAfter: number;
  /** Active keys whose creation (last rotation) date is not among the older snapshot's: keys made since. */
  readonly created: number;
}

export interface InventoryDiff {
  readonly identities: readonly IdentityChange[];
  readonly accessKeys: readonly AccessKeyChange[];
  /** Parts of the IAM inventory one of the two snapshots did not collect: nothing is said about them. */
  readonly notCompared: readonly IdentityKind[];
}

type Named = { name: string; arn: string };

function listsOf(s: AccountSnapshot): Partial<Record<IdentityKind, readonly Named[]>> {
  return {
    ...(s.iam.users ? { user: s.iam.users } : {}),
    ...(s.iam.roles ? { role: s.iam.roles } : {}),
    ...(s.iam.groups ? { group: s.iam.groups } : {}),
    ...(s.iam.policies ? { policy: s.iam.policies.filter((p) => !p.awsManaged) } : {}),
  };
}

const KINDS: readonly IdentityKind[] = ['user', 'role', 'group', 'policy'];

export function compareInventory(older: AccountSnapshot, newer: AccountSnapshot): InventoryDiff {
  const [a, b] = [listsOf(older), listsOf(newer)];
  const identities: IdentityChange[] = [];
  const notCompared: IdentityKind[] = [];
  for (const kind of KINDS) {
    const [then, now] = [a[kind], b[kind]];
    if (!then || !now) {
      notCompared.push(kind);
      continue;
    }
    const thenArns = new Set(then.map((x) => x.arn));
    const nowArns = new Set(now.map((x) => x.arn));
    for (const x of now) if (!thenArns.has(x.arn)) identities.push({ kind, change: 'added', name: x.name, arn: x.arn });
    for (const x of then) if (!nowArns.has(x.arn)) identities.push({ kind, change: 'removed', name: x.name, arn: x.arn });
  }
  return { identities, accessKeys: compareKeys(older, newer), notCompared };
}

function compareKeys(older: AccountSnapshot, newer: AccountSnapshot): AccessKeyChange[] {
  const thenRows = older.iam.credentialReport?.rows;
  const nowRows = newer.iam.credentialReport?.rows;
  if (!thenRows || !nowRows) return [];
  const thenByUser = new Map(thenRows.map((r) => [r.arn, r]));
  const out: AccessKeyChange[] = [];
  for (const row of nowRows) {
    const then = thenByUser.get(row.arn);
    const active = row.accessKeys.filter((k) => k.active);
    const activeBefore = then ? then.accessKeys.filter((k) => k.active).length : 0;
    const known = new Set((then?.accessKeys ?? []).map((k) => k.lastRotated));
    const created = active.filter((k) => !known.has(k.lastRotated)).length;
    if (created > 0 || active.length !== activeBefore) out.push({ user: row.user, activeBefore, activeAfter: active.length, created });
  }
  return out;
}
