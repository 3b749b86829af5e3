// Seed 003's ProductionAdminPolicy, corrected: the seed's `"Action": ""` and `"Resource": ""` grant nothing and its
// `billing:` matches no action. The administrator's access comes from the AWS managed AdministratorAccess, attached
// beside this policy, so it shows as what it is (and `policy lint` has no `*`-on-`*` to flag); this policy holds the
// guard rails: what must never happen from this identity, and destructive actions only from a session signed in with
// MFA (BoolIfExists: a key without MFA has no such key).
import { actions } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

const ALWAYS_DENIED = 'account:CloseAccount,organizations:LeaveOrganization,billing:*';
const MFA_REQUIRED = 'iam:DeleteRole,iam:DeleteUser,iam:DeleteGroup,ec2:TerminateInstances,rds:DeleteDBInstance,s3:DeleteBucket';

export const productionAdmin: PolicyTemplate = {
  name: 'production-admin',
  description: 'guard rails for an administrator (attach with AdministratorAccess): never close the account or leave the organization, MFA for destructive actions',
  params: [
    actions('deny', 'actions denied always', ALWAYS_DENIED),
    actions('mfa-actions', 'destructive actions allowed only with MFA', MFA_REQUIRED),
  ],
  render(v) {
    const deny = v.deny as string[];
    const mfa = v['mfa-actions'] as string[];
    return {
      policy: {
        Version: VERSION,
        Statement: [
          ...(deny.length > 0 ? [{ Sid: 'DenyDangerousActions', Effect: 'Deny', Action: deny, Resource: '*' }] : []),
          ...(mfa.length > 0
            ? [{ Sid: 'RequireMFAForDestructiveActions', Effect: 'Deny', Action: mfa, Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }]
            : []),
        ],
      },
    };
  },
};
