// CIS 2.14 / seed 004: administrator permissions reach people through a group, so granting and revoking them is
// one membership change and an audit is one group to read. One result per administrative user; a user whose own
// attached or inline policy is administrative on its own fails, even if a group makes it an admin as well.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { adminGrant, describePolicy, holderPolicies, isAdministrative, type PolicyRef } from './permissions.js';
import { authorization, effectivePolicies, fill, missing, orNotApplicable, removeCommand } from './users.js';

const ADD_TO_GROUP = 'aws iam add-user-to-group --group-name <group> --user-name <user>';

const remediation: Remediation = {
  summary: 'Grant administrator permissions through a group: add the user to an administrators group, then remove the policy attached to the user.',
  console: [
    'IAM > User groups: open (or create) the group that holds AdministratorAccess and add <user> to it.',
    'IAM > Users > <user> > Permissions: remove <policy> from the policies attached directly.',
  ],
  cli: [
    ADD_TO_GROUP,
    'aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
    'aws iam delete-user-policy --user-name <user> --policy-name <inline-policy>',
  ],
};

/** The remediation for one user: its name, and one command per policy to remove. */
function fixFor(user: string, direct: readonly PolicyRef[]): Remediation {
  const filled = fill(remediation, { user, policy: direct.map((p) => p.name).join(', ') });
  return { ...filled, cli: [ADD_TO_GROUP.replace('<user>', user), ...direct.map((p) => removeCommand('user', user, p))] };
}

export const adminViaGroup: Check = {
  id: 'admin-via-group',
  title: 'Administrator permissions are granted through groups',
  area: 'identity',
  severity: 'medium',
  sources: ['seed 004', 'CIS 2.14'],
  remediation,
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];
    const outcomes = auth.users.flatMap((user) => {
      const grant = adminGrant(effectivePolicies(auth, user));
      if (!grant) return [];
      const direct = holderPolicies(user, auth.policies).filter((p) => isAdministrative([p]));
      if (direct.length === 0) return [pass(user.arn, `user ${user.name} is an administrator through ${describePolicy(grant)}`)];
      const message = `user ${user.name} has administrator permissions attached directly: ${direct.map(describePolicy).join(', ')}`;
      return [fail(user.arn, message, fixFor(user.name, direct))];
    });
    return orNotApplicable(snapshot, outcomes, 'no IAM user has administrator permissions');
  },
};
