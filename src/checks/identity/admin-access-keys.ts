// Seed 002, the $8K incident: an access key of an administrator, pushed to a public repository in a .env file, ran
// crypto miners in four regions overnight. A long-lived key never asks for MFA, so an administrator's key is the
// account. One result per user with administrator permissions (see permissions.ts).
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { adminGrant, describePolicy } from './permissions.js';
import { activeKeys, authorization, describeKey, effectivePolicies, fill, missing, notReported, orNotApplicable, plural } from './users.js';

const remediation: Remediation = {
  summary:
    'Deactivate and delete the access keys of administrators. For the CLI use short-lived credentials instead: IAM Identity Center (aws sso login), or a role assumed with MFA. The credential report has no key ids: list them with `aws iam list-access-keys --user-name <user>`.',
  console: [
    'IAM > Users > <user> > Security credentials > Access keys: for each active key, Actions > Deactivate.',
    'Check nothing broke (CloudTrail, the key\'s "Last used"), then Actions > Delete.',
    'Search your repositories and ~/.aws for the key id (`rampart scan`), and move the workload to a role.',
  ],
  cli: [
    'aws iam list-access-keys --user-name <user>',
    'aws iam update-access-key --user-name <user> --access-key-id <access-key-id> --status Inactive',
    'aws iam delete-access-key --user-name <user> --access-key-id <access-key-id>',
  ],
};

export const adminAccessKeys: Check = {
  id: 'admin-access-keys',
  title: 'Administrators have no access keys',
  area: 'identity',
  severity: 'high',
  sources: ['seed 002'],
  remediation,
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    const report = snapshot.iam.credentialReport;
    if (!report || !auth) return [missing(snapshot, ['report', 'authorization'])];
    const rows = new Map(report.rows.map((r) => [r.user, r]));
    const outcomes = auth.users.flatMap((user) => {
      const grant = adminGrant(effectivePolicies(auth, user));
      if (!grant) return [];
      const row = rows.get(user.name);
      if (!row) return [notReported(user, report.generatedAt)];
      const keys = activeKeys(row);
      const admin = `user ${user.name} is an administrator (${describePolicy(grant)})`;
      if (keys.length === 0) return [pass(user.arn, `${admin} and has no active access key`)];
      return [fail(user.arn, `${admin} and has ${plural(keys.length, 'active access key')}: ${keys.map(describeKey).join(', ')}`, fill(remediation, { user: user.name }))];
    });
    return orNotApplicable(snapshot, outcomes, 'no IAM user has administrator permissions');
  },
};
