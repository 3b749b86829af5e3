// root-recent-use: root is for the handful of tasks only root can do; recent use means daily work as root,
// or someone else using it. The message gives every recent use so the person can tell which.
import { fail, pass, rootArn, daysSince } from '../support.js';
import type { Check } from '../types.js';
import { cannotEvaluate, count, day, reportGap, reportName, rootRow } from './evidence.js';

export const rootRecentUse: Check = {
  id: 'root-recent-use',
  title: 'Root user is not used day to day',
  area: 'root',
  severity: 'high',
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'CIS 2.6'],
  remediation: {
    summary:
      'Do daily work as an IAM user or Identity Center user, not root. If you do not recognise the use, treat root as ' +
      'compromised: change its password, check its MFA devices and access keys, and review what it did in CloudTrail.',
    console: [
      'Open CloudTrail > Event history, filter by User name = root, and review what root did and from where',
      'If it was not you: sign in as root, Account name (top right) > Security credentials, change the password, review MFA devices and delete access keys',
      'Sign in as your daily admin user from now on (the IAM sign-in URL on the IAM dashboard)',
    ],
    cli: [
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50',
      'aws iam generate-credential-report',
      'aws iam get-credential-report --query Content --output text | base64 --decode | head -n 2',
    ],
  },
  evaluate(snapshot, options) {
    const resource = rootArn(snapshot);
    const row = rootRow(snapshot);
    if (!row) return [cannotEvaluate(resource, [reportGap(snapshot)])];
    const uses = [
      { what: 'password', date: row.passwordLastUsed },
      ...row.accessKeys.map((k, i) => ({ what: `access key ${i + 1}`, date: k.lastUsedDate })),
    ]
      .flatMap(({ what, date }) => (date ? [{ what, date, days: daysSince(date, options.now) }] : []))
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    const describe = (u: { what: string; date: string; days: number }) => `${u.what} on ${day(u.date)} (${count(u.days, 'day')} ago)`;
    // "Used within N days" is daysSince < N: whole days, so a use exactly N days ago is no longer recent.
    const recent = uses.filter((u) => u.days < options.rootUnusedDays);
    if (recent.length) {
      return [fail(resource, `root was used within ${count(options.rootUnusedDays, 'day')}: ${recent.map(describe).join(', ')} (${reportName(snapshot)})`)];
    }
    const last = uses[0];
    return [
      pass(
        resource,
        last
          ? `root last used its ${describe(last)}, not within ${count(options.rootUnusedDays, 'day')} (${reportName(snapshot)})`
          : `root's password and access keys have no recorded use (${reportName(snapshot)})`,
      ),
    ];
  },
};
