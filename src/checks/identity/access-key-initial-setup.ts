// CIS 2.10: the console's old "programmatic access" tick box made a key with every new user, and most were never
// used (seed 003's iamadmin still ticks both). One result per user with a console password: an active key created
// within a day of the user (|last_rotated - user_creation_time| <= 24 h) and never used fails.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { activeKeys, day, fill, missing, notInReport, orNotApplicable, reportRows, undetermined } from './users.js';

const DAY_MS = 86_400_000;

const remediation: Remediation = {
  summary:
    'Delete access keys created with a console user and never used; create a key later only if the user really needs one. The credential report has no key ids: find them with `aws iam list-access-keys --user-name <user>`.',
  console: ['IAM > Users > <user> > Security credentials > Access keys: the key whose "Last used" is "Never" > Actions > Deactivate, then Delete.'],
  cli: [
    'aws iam list-access-keys --user-name <user>',
    'aws iam update-access-key --user-name <user> --access-key-id <access-key-id> --status Inactive',
    'aws iam delete-access-key --user-name <user> --access-key-id <access-key-id>',
  ],
};

export const accessKeyInitialSetup: Check = {
  id: 'access-key-initial-setup',
  title: 'Console users have no unused access key from their creation',
  area: 'identity',
  severity: 'low',
  sources: ['CIS 2.10'],
  remediation,
  evaluate(snapshot) {
    if (!snapshot.iam.credentialReport) return [missing(snapshot, ['report'])];
    const outcomes = reportRows(snapshot)
      .filter((row) => row.passwordEnabled === true)
      .map((row) => {
        const created = row.userCreationTime;
        const keys = activeKeys(row);
        if (keys.length === 0) return pass(row.arn, `console user ${row.user} has no active access key`);
        if (created === null) return undetermined(row.arn, `user ${row.user}: the credential report gives no user_creation_time`);
        const withUser = (rotated: string | null) => rotated !== null && Math.abs(Date.parse(rotated) - Date.parse(created)) <= DAY_MS;
        const initial = keys.filter((k) => k.key.lastUsedDate === null && withUser(k.key.lastRotated));
        if (initial.length === 0) return pass(row.arn, `console user ${row.user} has no never-used access key created with the user`);
        const which = initial.map((k) => `access-key-${k.number}`).join(' and ');
        const message = `console user ${row.user} (created ${day(created)}) has ${which} created with it and never used`;
        return fail(row.arn, message, fill(remediation, { user: row.user }));
      });
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has a console password');
  },
};
