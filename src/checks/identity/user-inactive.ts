// CIS 2.11 / seed 002 ("the credentials that got me hacked had been sitting unused for weeks"): a console password
// nobody uses is attack surface. One result per user with a console password. Its last use is password_last_used, or
// the user's creation when the password was never used. Unused for userUnusedDays (45) or more fails: CIS says
// "45 days or more", so exactly 45 fails and 44 passes.
import { daysSince, fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { day, fill, missing, notInReport, orNotApplicable, plural, reportRows, undetermined } from './users.js';

const remediation: Remediation = {
  summary: 'Remove the console password of users who no longer sign in (and delete users nobody needs).',
  console: [
    'IAM > Users > <user> > Security credentials > Console sign-in > Manage > Disable console access.',
    'If nobody needs the user at all: IAM > Users > select <user> > Delete.',
  ],
  cli: ['aws iam delete-login-profile --user-name <user>'],
};

export const userInactive: Check = {
  id: 'user-inactive',
  title: 'Console passwords unused for 45 days are removed',
  area: 'identity',
  severity: 'medium',
  sources: ['seed 002', 'CIS 2.11'],
  remediation,
  evaluate(snapshot, options) {
    if (!snapshot.iam.credentialReport) return [missing(snapshot, ['report'])];
    const limit = options.userUnusedDays;
    const outcomes = reportRows(snapshot)
      .filter((row) => row.passwordEnabled === true)
      .map((row) => {
        const since = row.passwordLastUsed ?? row.userCreationTime;
        if (since === null) {
          return undetermined(row.arn, `user ${row.user}: the credential report gives neither password_last_used nor user_creation_time`);
        }
        const what = row.passwordLastUsed
          ? `last used its console password ${day(since)}`
          : `has never used its console password (created ${day(since)})`;
        const days = daysSince(since, options.now);
        const message = `user ${row.user} ${what}, ${plural(days, 'day')} ago (limit ${limit})`;
        return days >= limit ? fail(row.arn, message, fill(remediation, { user: row.user })) : pass(row.arn, message);
      });
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has a console password');
  },
};
