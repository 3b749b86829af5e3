// Seeds 001/003: having an MFA device is not the same as needing it. A force-MFA policy (a Deny of everything but MFA
// self-service while aws:MultiFactorAuthPresent is false, see force-mfa.ts) makes a stolen console password useless
// on its own. One result per user with a console password; the policy may be the user's own or a group's.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { forceMfaPolicy } from './force-mfa.js';
import { describePolicy } from './permissions.js';
import { authorization, effectivePolicies, fill, missing, notAuthorized, notInReport, orNotApplicable, reportRows } from './users.js';

const remediation: Remediation = {
  summary:
    'Attach a force-MFA policy (AWS example "Allows MFA-authenticated IAM users to manage their own credentials") to a group every console user is in: it denies everything except MFA setup while the session has no MFA.',
  console: [
    'IAM > Policies > Create policy > JSON: a statement {"Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny", "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"], "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}; name it ForceMFA.',
    'IAM > User groups > the group of your console users (create one if needed) > Permissions > Add permissions > Attach policies > ForceMFA.',
    'IAM > User groups > that group > Users > Add users: add <user>. Make sure your own user has MFA first, or it is locked out of everything but MFA setup.',
  ],
  cli: [
    'aws iam create-policy --policy-name ForceMFA --policy-document file://force-mfa.json',
    'aws iam attach-group-policy --group-name <group> --policy-arn arn:aws:iam::<account>:policy/ForceMFA',
    'aws iam add-user-to-group --group-name <group> --user-name <user>',
  ],
};

export const mfaEnforced: Check = {
  id: 'mfa-enforced',
  title: 'A policy requires MFA for console users',
  area: 'identity',
  severity: 'medium',
  sources: ['seed 001', 'seed 003'],
  remediation,
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    if (!snapshot.iam.credentialReport || !auth) return [missing(snapshot, ['report', 'authorization'])];
    const users = new Map(auth.users.map((u) => [u.name, u]));
    const outcomes = reportRows(snapshot)
      .filter((row) => row.passwordEnabled === true)
      .map((row) => {
        const user = users.get(row.user);
        if (!user) return notAuthorized(row);
        const policy = forceMfaPolicy(effectivePolicies(auth, user));
        return policy
          ? pass(row.arn, `console user ${row.user} must use MFA: ${describePolicy(policy)} denies everything else without it`)
          : fail(
              row.arn,
              `console user ${row.user} is not required to use MFA: no policy of the user or its groups denies actions when aws:MultiFactorAuthPresent is false`,
              fill(remediation, { user: row.user, account: snapshot.account.id }),
            );
      });
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has a console password');
  },
};
