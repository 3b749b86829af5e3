// CIS 2.16: when something goes wrong (an $8K bill, seed 002), someone must be able to open a support case without
// root. One result for the account: some role has the AWS managed AWSSupportAccess policy attached. Attached only to
// users or groups does not pass (CHECKS.md asks for a role), but the message says so.
import { accountResource, fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { isAwsPolicy, type PolicyHolder } from './permissions.js';
import { authorization, missing } from './users.js';

const hasSupportAccess = (h: PolicyHolder): boolean => h.attachedPolicies.some((p) => isAwsPolicy(p.arn, 'AWSSupportAccess'));

export const supportRole: Check = {
  id: 'support-role',
  title: 'A role can manage AWS Support cases',
  area: 'identity',
  severity: 'low',
  sources: ['CIS 2.16'],
  remediation: {
    summary: 'Create a role for incident handling with the AWS managed AWSSupportAccess policy, assumable by the people (or group) who handle AWS Support cases.',
    console: [
      'IAM > Roles > Create role > AWS account > This account (require MFA); name it AWSSupport.',
      'Attach the AWS managed policy AWSSupportAccess, create the role, and allow your administrators to assume it.',
    ],
    cli: [
      'aws iam create-role --role-name AWSSupport --assume-role-policy-document file://trust-this-account.json',
      'aws iam attach-role-policy --role-name AWSSupport --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
    ],
  },
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];
    const resource = accountResource(snapshot);
    const roles = auth.roles.filter(hasSupportAccess).map((r) => r.name);
    if (roles.length) return [pass(resource, `AWSSupportAccess is attached to role ${roles.join(', ')}`)];
    const others = [...auth.users.filter(hasSupportAccess).map((u) => `user ${u.name}`), ...auth.groups.filter(hasSupportAccess).map((g) => `group ${g.name}`)];
    const note = others.length ? ` (it is attached to ${others.join(', ')}, which is not a role)` : '';
    return [fail(resource, `no role has AWSSupportAccess${note}`)];
  },
};
