// The seeds' first step after root MFA: someone other than root can administer the account day to day.
// Counts IAM users whose effective policies are administrative (AdministratorAccess, IAMFullAccess, or `*`/`iam:*`
// on `*`, directly or via a group) and IAM Identity Center administrator roles. An administrative group with no
// members administers nothing, so it does not count; the message mentions it.
import type { IamRole, ManagedPolicy } from '../../inventory/snapshot.js';
import { accountResource, fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { adminGrant, describePolicy, holderPolicies, isAdministrative, isAwsPolicy } from './permissions.js';
import { authorization, effectivePolicies, missing } from './users.js';

const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';

/** A permission-set role IAM Identity Center created for an administrator. */
export const isIdentityCenterAdminRole = (role: IamRole, policies: readonly ManagedPolicy[]): boolean =>
  role.path.startsWith(SSO_PATH) &&
  (role.name.startsWith('AWSReservedSSO_AdministratorAccess_') ||
    role.attachedPolicies.some((p) => isAwsPolicy(p.arn, 'AdministratorAccess')) ||
    isAdministrative(holderPolicies(role, policies)));

export const adminUserExists: Check = {
  id: 'admin-user-exists',
  title: 'A non-root administrator exists for daily use',
  area: 'identity',
  severity: 'high',
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004'],
  remediation: {
    summary:
      'Create an IAM user (or an IAM Identity Center user) for daily administration, give it administrator permissions through a group, enable its MFA, and stop using root.',
    console: [
      'IAM > User groups > Create group: name it Admins and attach AdministratorAccess (or IAMFullAccess for an IAM-only admin, as seed 001 does).',
      'IAM > Users > Create user: name it (e.g. iamadmin), tick "Provide user access to the AWS Management Console", add it to the Admins group.',
      'Open the user > Security credentials > Assign MFA device, then sign in with the account sign-in URL instead of root.',
    ],
    cli: [
      'aws iam create-group --group-name Admins',
      'aws iam attach-group-policy --group-name Admins --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      'aws iam create-user --user-name iamadmin',
      'aws iam add-user-to-group --group-name Admins --user-name iamadmin',
      'aws iam create-login-profile --user-name iamadmin --password-reset-required --password <initial password>',
    ],
  },
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];

    const admins = auth.users.flatMap((u) => {
      const grant = adminGrant(effectivePolicies(auth, u));
      return grant ? [`user ${u.name} (${describePolicy(grant)})`] : [];
    });
    const ssoRoles = auth.roles.filter((r) => isIdentityCenterAdminRole(r, auth.policies)).map((r) => `Identity Center role ${r.name}`);
    const found = [...admins, ...ssoRoles];
    if (found.length) return [pass(resource, `administrators for daily use: ${found.join(', ')}`)];

    const members = new Set(auth.users.flatMap((u) => u.groups));
    const emptyAdminGroups = auth.groups.filter((g) => !members.has(g.name) && isAdministrative(holderPolicies(g, auth.policies)));
    const note = emptyAdminGroups.length ? `; administrative group ${emptyAdminGroups.map((g) => g.name).join(', ')} has no members` : '';
    return [fail(resource, `no IAM user or Identity Center role has administrator permissions: only root can administer the account${note}`)];
  },
};
