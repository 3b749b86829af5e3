// CIS 2.13 / seed 003 ("rotate every 90 days"): the older a key, the more places it has been copied to. One result per
// active key; its age is counted from last_rotated (the key's creation). Age keyMaxAgeDays (90) or more fails:
// "younger than 90 days" passes, so exactly 90 fails and 89 passes.
import { daysSince, fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { activeKeys, day, fill, missing, notInReport, orNotApplicable, plural, reportRows, undetermined } from './users.js';

const remediation: Remediation = {
  summary:
    'Rotate the key: create a second key, move every user of the old one to it, deactivate the old key, then delete it. The credential report has no key ids: find them with `aws iam list-access-keys --user-name <user>`. Better still, replace the key with a role or IAM Identity Center.',
  console: [
    'IAM > Users > <user> > Security credentials > Access keys > Create access key; store it where the old one was used.',
    'On the old key (the one created first): Actions > Deactivate; once nothing breaks, Actions > Delete.',
  ],
  cli: [
    'aws iam list-access-keys --user-name <user>',
    'aws iam create-access-key --user-name <user>   # writes a secret: send it to a file only you can read',
    'aws iam update-access-key --user-name <user> --access-key-id <old-access-key-id> --status Inactive',
    'aws iam delete-access-key --user-name <user> --access-key-id <old-access-key-id>',
  ],
};

export const accessKeyAge: Check = {
  id: 'access-key-age',
  title: 'Active access keys are younger than 90 days',
  area: 'identity',
  severity: 'medium',
  sources: ['seed 003', 'CIS 2.13'],
  remediation,
  evaluate(snapshot, options) {
    if (!snapshot.iam.credentialReport) return [missing(snapshot, ['report'])];
    const limit = options.keyMaxAgeDays;
    const outcomes = reportRows(snapshot).flatMap((row) =>
      activeKeys(row).map((slot) => {
        const key = `access-key-${slot.number} of user ${row.user}`;
        const created = slot.key.lastRotated;
        if (created === null) {
          return undetermined(slot.resource, `${key}: the credential report gives no creation date (access_key_${slot.number}_last_rotated)`);
        }
        const days = daysSince(created, options.now);
        const message = `${key} was created ${day(created)}, ${plural(days, 'day')} ago (limit ${limit})`;
        return days >= limit ? fail(slot.resource, message, fill(remediation, { user: row.user })) : pass(slot.resource, message);
      }),
    );
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has an active access key');
  },
};
