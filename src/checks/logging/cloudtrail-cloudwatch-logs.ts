// cloudtrail-cloudwatch-logs (CIS 5.x): the monitoring area's metric filters and alarms read the trail's events from
// a CloudWatch Logs log group. Without delivery there, no alarm on root use or IAM changes can ever fire.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { judgeThatTrail, ownerNote, trailLabel } from './trails.js';

const remediation = (trail = '<trail>', region = '<home-region>', note = ''): Remediation => ({
  summary:
    `Deliver ${trail === '<trail>' ? 'the multi-region trail' : `trail ${trail}`} to a CloudWatch Logs log group in its home region, through a role CloudTrail assumes ` +
    `(trust cloudtrail.amazonaws.com; allow logs:CreateLogStream and logs:PutLogEvents on the group). The monitoring checks' metric filters go on that group.${note}`,
  console: [
    `CloudTrail > Trails > ${trail} (in ${region}) > CloudWatch Logs > Edit`,
    'CloudWatch Logs: Enabled; Log group: New (e.g. cloudtrail/management-events); IAM role: New; Save changes',
  ],
  cli: [
    `aws logs create-log-group --log-group-name cloudtrail/${trail} --region ${region}`,
    'aws iam create-role --role-name CloudTrail_CloudWatchLogs_Role --assume-role-policy-document file://cloudtrail-trust.json',
    'aws iam put-role-policy --role-name CloudTrail_CloudWatchLogs_Role --policy-name cloudwatch-logs --policy-document file://logs-put.json',
    `aws cloudtrail update-trail --name ${trail} --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn> --region ${region}`,
  ],
});

/** "cloudtrail/main" from arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail/main:* */
const logGroupName = (arn: string): string => /:log-group:(.+?)(:\*)?$/.exec(arn)?.[1] ?? arn;

export const cloudtrailCloudwatchLogs: Check = {
  id: 'cloudtrail-cloudwatch-logs',
  title: 'The multi-region trail delivers to CloudWatch Logs',
  area: 'logging',
  severity: 'medium',
  sources: ['CIS 5.x'],
  remediation: remediation(),
  evaluate: (snapshot) =>
    judgeThatTrail(snapshot, (t) =>
      t.cloudWatchLogsLogGroupArn
        ? pass(t.arn, `${trailLabel(t)} delivers to CloudWatch Logs log group ${logGroupName(t.cloudWatchLogsLogGroupArn)} (${t.homeRegion})`)
        : fail(t.arn, `${trailLabel(t)} does not deliver to CloudWatch Logs: no metric filter or alarm can see its events`, remediation(t.name, t.homeRegion, ownerNote(snapshot, t))),
    ),
};
