// The policies that apply to a principal, taken from an account snapshot: a user's inline and attached policies and
// those of its groups, a role's (for the role or any of its sessions), and the permissions boundary. A managed
// policy whose document the snapshot lacks (AWS-managed ones often are) is reported, never guessed.
import type { AccountSnapshot } from '../inventory/snapshot.js';
import type { Policy } from '../policy/types.js';
import { parsePrincipal, RequestError } from '../policy/eval/request.js';
import { InputError } from '../util/errors.js';
import { policyFromDocument } from './policy-input.js';

export interface SnapshotPolicies {
  readonly identity: Policy[];
  readonly boundary?: Policy;
  /** Managed policies attached (or set as boundary) whose documents are not in the snapshot. */
  readonly missing: string[];
}

interface Holder {
  readonly attachedPolicies: readonly { name: string; arn: string }[];
  readonly inlinePolicies: readonly { name: string; document: unknown }[];
}

export function policiesFromSnapshot(snapshot: AccountSnapshot, principalArn: string, file: string): SnapshotPolicies {
  let principal;
  try {
    principal = parsePrincipal(principalArn);
  } catch (err) {
    if (err instanceof RequestError) throw new InputError(`--principal: ${err.message}`);
    throw err;
  }
  const iam = snapshot.iam;
  if (!iam.users && !iam.roles) throw new InputError(`${file}: the snapshot has no IAM users or roles (was the identity area collected?)`);
  const managed = new Map((iam.policies ?? []).map((p) => [p.arn, p]));
  const identity: Policy[] = [];
  const missing: string[] = [];
  const managedPolicy = (arn: string, label: string): Policy | undefined => {
    const p = managed.get(arn);
    if (!p) {
      missing.push(arn);
      return undefined;
    }
    return policyFromDocument(p.document, `${label}:${p.name}`);
  };
  const take = (holder: Holder, label: string) => {
    for (const p of holder.inlinePolicies) identity.push(policyFromDocument(p.document, `inline:${label}/${p.name}`));
    for (const a of holder.attachedPolicies) {
      const p = managedPolicy(a.arn, 'managed');
      if (p) identity.push(p);
    }
  };

  let boundaryArn: string | null;
  if (principal.kind === 'user') {
    const user = iam.users?.find((u) => u.arn === principalArn);
    if (!user) throw new InputError(`${file}: no user ${principalArn} in the snapshot`);
    take(user, user.name);
    for (const name of user.groups) {
      const group = iam.groups?.find((g) => g.name === name);
      if (!group) throw new InputError(`${file}: user ${user.name} is in group ${name}, which the snapshot does not hold`);
      take(group, `group:${group.name}`);
    }
    boundaryArn = user.permissionsBoundaryArn;
  } else if (principal.kind === 'role' || principal.kind === 'role-session') {
    const role = iam.roles?.find((r) => r.arn.split(':')[4] === principal.account && r.arn.slice(r.arn.lastIndexOf('/') + 1) === principal.roleName);
    if (!role) throw new InputError(`${file}: no role ${principal.roleName} in the snapshot`);
    take(role, role.name);
    boundaryArn = role.permissionsBoundaryArn;
  } else {
    throw new InputError(`--principal with --snapshot must be a user, role or assumed-role session ARN, not ${principalArn}`);
  }
  const boundary = boundaryArn ? managedPolicy(boundaryArn, 'boundary') : undefined;
  return { identity, ...(boundary ? { boundary } : {}), missing };
}
