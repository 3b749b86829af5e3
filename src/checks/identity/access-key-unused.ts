// CIS 2.11 / seed 002: an active key nobody uses is a leak waiting to happen, and its owner will not notice the day
// someone else starts using it. One result per active key. Its last use is access_key_N_last_used_date, or its
// creation (last_rotated) when never used. Unused for keyUnusedDays (45) or more fails; exactly 45 fails.
import { daysSince, fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { activeKeys, day, fill, missing, notInReport, orNotApplicable, plural, reportRows, undetermined } from './users.js';

const remediation: Remediation = {
  summary:
    'Deactivate access keys nobody uses, then delete them. The credential report numbers keys 1 and 2 but has no key ids: find the id with `aws iam list-access-keys --user-name <user>` and match the key by its creation date.',
  console: [
    'IAM > Users > <user> > Security credentials > Access keys: the key whose "Last used" is old or "Never" > Actions > Deactivate.',
    'Wait a while to see that nothing breaks, then Actions > Delete.',
  ],
  cli: [
    'aws iam list-access-keys --user-name <user>',
    'aws iam update-access-key --user-name <user> --access-key-id <access-key-id> --status Inactive',
    'aws iam delete-access-key --user-name <user> --access-key-id <access-key-id>',
  ],
};

export const accessKeyUnused: Check = {
  id: 'access-key-unused',
  title: 'Access keys unused for 45 days are removed',
  area: 'identity',
  severity: 'medium',
  sources: ['seed 002', 'CIS 2.11'],
  remediation,
  evaluate(snapshot, options) {
    if (!snapshot.iam.credentialReport) return [missing(snapshot, ['report'])];
    const limit = options.keyUnusedDays;
    const outcomes = reportRows(snapshot).flatMap((row) =>
      activeKeys(row).map((slot) => {
        const key = `access-key-${slot.number} of user ${row.user}`;
        const since = slot.key.lastUsedDate ?? slot.key.lastRotated ?? row.userCreationTime;
        if (since === null) {
          return undetermined(slot.resource, `${key}: the credential report gives no last-used or creation date`);
        }
        const what = slot.key.lastUsedDate ? `was last used ${day(since)}` : `has never been used (created ${day(since)})`;
        const days = daysSince(since, options.now);
        const message = `${key} ${what}, ${plural(days, 'day')} ago (limit ${limit})`;
        return days >= limit ? fail(slot.resource, message, fill(remediation, { user: row.user })) : pass(slot.resource, message);
      }),
    );
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has an active access key');
  },
};
