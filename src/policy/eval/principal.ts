// Matching a statement's Principal / NotPrincipal against the requester. How a principal was named matters to the
// same-account rules: a resource policy naming the user or the session itself grants on its own; naming the role
// grants past the identity policies but not past a permissions boundary or a session policy; naming the account
// only delegates to the account's identity policies.
import type { Principal } from '../types.js';
import type { PrincipalInfo } from './request.js';

/** How the principal was named: by its own ARN (or `*`), by its role, or by its account. */
export type PrincipalMatch = 'self' | 'role' | 'account';

const ACCOUNT = /^\d{12}$/;

function matchAws(id: string, p: PrincipalInfo): PrincipalMatch | undefined {
  if (id === '*') return p.kind === 'role-session' ? 'role' : 'self';
  if (p.kind === 'service') return undefined;
  if (ACCOUNT.test(id)) return id === p.account ? 'account' : undefined;
  if (id === p.arn) return 'self';
  const m = /^arn:[^:]+:iam::(\d{12}):(root|role\/.+)$/.exec(id);
  if (!m || m[1] !== p.account) return undefined;
  if (m[2] === 'root') return p.kind === 'root' ? 'self' : 'account';
  const roleName = m[2]!.slice(m[2]!.lastIndexOf('/') + 1);
  return (p.kind === 'role' || p.kind === 'role-session') && roleName === p.roleName ? (p.kind === 'role' ? 'self' : 'role') : undefined;
}

/** The strongest way `principal` names `p`, or undefined. */
export function matchPrincipal(principal: Principal, p: PrincipalInfo): PrincipalMatch | undefined {
  if (principal === '*') return p.kind === 'role-session' ? 'role' : 'self';
  let best: PrincipalMatch | undefined;
  const rank = { self: 3, role: 2, account: 1 } as const;
  const consider = (m: PrincipalMatch | undefined) => {
    if (m && (!best || rank[m] > rank[best])) best = m;
  };
  for (const [type, ids] of Object.entries(principal)) {
    for (const id of ids) {
      if (type === 'AWS') consider(matchAws(id, p));
      else if (type === 'Service') consider(p.kind === 'service' && id === p.arn ? 'self' : undefined);
      else if (type === 'Federated') consider(p.kind === 'federated-user' && id === p.arn ? 'self' : undefined);
    }
  }
  return best;
}

/** NotPrincipal: the statement applies unless every identity the request carries is listed: its own ARN, its account,
 * and for a session its role too (AWS's example lists all three), which is why AWS asks for the account ARN. */
export function notPrincipalApplies(notPrincipal: Principal, p: PrincipalInfo): boolean {
  if (notPrincipal === '*') return false;
  const ids = Object.entries(notPrincipal).flatMap(([type, list]) => (type === 'AWS' || type === 'Service' || type === 'Federated' ? list : []));
  if (p.kind === 'service') return !ids.includes(p.arn);
  const accountListed = p.kind === 'root' || ids.includes(`arn:${p.partition}:iam::${p.account}:root`) || ids.includes(p.account);
  const selfListed = ids.includes(p.arn);
  const roleListed = p.kind !== 'role-session' || ids.some((id) => id !== p.arn && matchAws(id, p) === 'role');
  return !(accountListed && selfListed && roleListed);
}
