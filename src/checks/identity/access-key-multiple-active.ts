// CIS 2.12: two active keys are normal for the minutes of a rotation; left that way, one of them is forgotten.
// One result per user with an active access key.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { activeKeys, describeKey, fill, missing, notInReport, orNotApplicable, reportRows } from './users.js';

const remediation: Remediation = {
  summary:
    'Keep one active access key per user: finish the rotation by deactivating and deleting the key that is no longer used. The credential report has no key ids: find them with `aws iam list-access-keys --user-name <user>`.',
  console: ['IAM > Users > <user> > Security credentials > Access keys: on the key not in use (compare "Last used"), Actions > Deactivate, then Delete.'],
  cli: [
    'aws iam list-access-keys --user-name <user>',
    'aws iam update-access-key --user-name <user> --access-key-id <access-key-id> --status Inactive',
    'aws iam delete-access-key --user-name <user> --access-key-id <access-key-id>',
  ],
};

export const accessKeyMultipleActive: Check = {
  id: 'access-key-multiple-active',
  title: 'Each user has at most one active access key',
  area: 'identity',
  severity: 'low',
  sources: ['CIS 2.12'],
  remediation,
  evaluate(snapshot) {
    if (!snapshot.iam.credentialReport) return [missing(snapshot, ['report'])];
    const outcomes = reportRows(snapshot).flatMap((row) => {
      const keys = activeKeys(row);
      if (keys.length === 0) return [];
      if (keys.length === 1) return [pass(row.arn, `user ${row.user} has one active access key`)];
      return [fail(row.arn, `user ${row.user} has ${keys.length} active access keys: ${keys.map(describeKey).join(', ')}`, fill(remediation, { user: row.user }))];
    });
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has an active access key');
  },
};
