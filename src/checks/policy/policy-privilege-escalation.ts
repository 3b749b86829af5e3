// A principal that can grant itself more is an administrator in waiting. One result per user (its own and its groups'
// policies), group and role; administrators already (isAdministrative) pass: escalation gives them nothing new.
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { rawStatements } from '../../policy/grants.js';
import { escalations } from '../../policy/lint/rules/account.js';
import { pass, fail } from '../support.js';
import { holderPolicies, isAdministrative, userPolicies, type PolicyRef } from '../identity/permissions.js';
import { authorization, missing, orNotApplicable } from '../identity/users.js';
import type { Check, Outcome, Remediation } from '../types.js';

const remediation: Remediation = {
  summary:
    'Remove the actions of the escalation path from the principal, or limit them: iam:PassRole to specific role ARNs with an iam:PassedToService condition, IAM writes to resources that cannot grant more, or a permissions boundary that caps what it can create.',
  console: ['IAM > Users (or User groups, Roles) > the principal > Permissions: edit or detach the policy that grants the actions named.'],
  cli: ['rampart policy lint policy.json   # shows the statements that allow each path', 'aws iam put-user-permissions-boundary --user-name <user> --permissions-boundary <boundary-arn>'],
};

function judge(kind: string, name: string, arn: string, policies: PolicyRef[]): Outcome {
  if (isAdministrative(policies)) return pass(arn, `${kind} ${name} is an administrator already: escalation gives it nothing more`);
  const found = escalations(policies.flatMap((p) => rawStatements(p.document)));
  if (found.length === 0) return pass(arn, `${kind} ${name} has no known privilege-escalation path`);
  const first = found[0]!.path;
  const more = found.length > 1 ? ` (and ${found.length - 1} more path${found.length > 2 ? 's' : ''}: ${found.slice(1, 4).map((f) => f.path.actions.join(' + ')).join(', ')})` : '';
  return fail(arn, `${kind} ${name} is allowed ${first.actions.join(' + ')}: it ${first.explanation}${more}`, remediation);
}

export const policyPrivilegeEscalation: Check = {
  id: 'policy-privilege-escalation',
  title: 'No principal can grant itself more',
  area: 'policy',
  severity: 'high',
  sources: ['beyond the seeds'],
  remediation,
  evaluate(snapshot: AccountSnapshot) {
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];
    const outcomes = [
      ...auth.users.map((u) => judge('user', u.name, u.arn, userPolicies(u, auth.groups, auth.policies))),
      ...auth.groups.map((g) => judge('group', g.name, g.arn, holderPolicies(g, auth.policies))),
      ...auth.roles.map((r) => judge('role', r.name, r.arn, holderPolicies(r, auth.policies))),
    ];
    return orNotApplicable(snapshot, outcomes, 'no users, groups or roles');
  },
};
