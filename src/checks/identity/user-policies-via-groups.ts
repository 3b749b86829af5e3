// Seed 002 step 6 / CIS 2.14: permissions live on groups, so a new hire is one group membership and a leaver one
// removal, with no policy chased across users. One result per IAM user; any attached or inline policy fails it.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { describePolicy, holderPolicies } from './permissions.js';
import { authorization, fill, missing, orNotApplicable, removeCommand } from './users.js';

const ADD_TO_GROUP = 'aws iam add-user-to-group --group-name <group> --user-name <user>';

const remediation: Remediation = {
  summary: 'Move the permissions to a group: attach the same policies to a group, add the user to it, then remove the policies from the user.',
  console: [
    'IAM > User groups > Create group (or open one that has the same permissions) and attach the policies the user needs.',
    'Add <user> to the group.',
    'IAM > Users > <user> > Permissions: remove each policy listed as "Attached directly" or inline.',
  ],
  cli: [
    'aws iam attach-group-policy --group-name <group> --policy-arn <policy-arn>',
    ADD_TO_GROUP,
    'aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
    'aws iam delete-user-policy --user-name <user> --policy-name <inline-policy>',
  ],
};

export const userPoliciesViaGroups: Check = {
  id: 'user-policies-via-groups',
  title: 'Users get permissions only through groups',
  area: 'identity',
  severity: 'low',
  sources: ['seed 002', 'CIS 2.14'],
  remediation,
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];
    const outcomes = auth.users.map((user) => {
      const direct = holderPolicies(user, auth.policies);
      if (direct.length === 0) return pass(user.arn, `user ${user.name} has no policy attached directly`);
      const filled = fill(remediation, { user: user.name });
      const fix = { ...filled, cli: [...filled.cli.slice(0, 2), ...direct.map((p) => removeCommand('user', user.name, p))] };
      const count = `${direct.length} ${direct.length === 1 ? 'policy' : 'policies'}`;
      return fail(user.arn, `user ${user.name} has ${count} attached directly: ${direct.map(describePolicy).join(', ')}`, fix);
    });
    return orNotApplicable(snapshot, outcomes, 'no IAM users');
  },
};
