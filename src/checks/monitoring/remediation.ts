// The fix for every monitoring check: a metric filter with CIS's reference pattern on the trail's log group, an alarm
// on its metric, an SNS topic with a confirmed subscriber. Names are the check id, so the 15 filters and alarms are
// easy to find and re-running a command updates rather than duplicates (put-metric-filter and put-metric-alarm
// overwrite by name; create-topic returns the existing topic). put-metric-filter has no --metric-name or
// --metric-namespace option (the CLI rejects unknown options): the metric is named in --metric-transformations only.
import type { Remediation } from '../types.js';
import type { MonitoringCheckId } from './filter-pattern/index.js';
import { CIS_EVENTS } from './filter-pattern/index.js';

export const NAMESPACE = 'CISBenchmark';
const TOPIC_NAME = 'security-alarms';

export interface Where {
  logGroup?: string;
  region?: string;
  /** An existing topic the alarm notifies (or should). */
  topicArn?: string;
  /** No trail delivers to CloudWatch Logs yet: that comes first. */
  noDelivery?: boolean;
}

/** The pattern inside single quotes for a POSIX shell. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function cisAlarmRemediation(id: MonitoringCheckId, events: string, where: Where = {}): Remediation {
  const { cis, reference } = CIS_EVENTS[id];
  const logGroup = where.logGroup ?? '<log-group>';
  const region = where.region ?? '<region>';
  const topic = where.topicArn ?? '<topic-arn>';
  const first = where.noDelivery
    ? 'First deliver the multi-region trail to a CloudWatch Logs log group (see cloudtrail-cloudwatch-logs). '
    : '';
  return {
    summary:
      `${first}${cis}: count ${events} with a metric filter on the log group the multi-region trail delivers to ` +
      `(${logGroup}), alarm when the count reaches 1 in 5 minutes, and notify an SNS topic with a confirmed subscription. ` +
      'The pattern below is the one CIS prints; any pattern that catches the same events passes.',
    console: [
      ...(where.noDelivery ? ['CloudTrail > Trails > the multi-region trail > CloudWatch Logs > Edit: Enabled, a new log group and role; Save changes'] : []),
      `CloudWatch (${region}) > Logs > Log groups > ${logGroup} > Metric filters > Create metric filter: the filter pattern of the put-metric-filter command below; ` +
        `filter name ${id}, metric namespace ${NAMESPACE}, metric name ${id}, metric value 1`,
      `Metric filters: select ${id} > Create alarm: statistic Sum, period 5 minutes, condition Greater/Equal, threshold 1; alarm name ${id}`,
      `Notification: In alarm, send a notification to ${where.topicArn ? `topic ${where.topicArn}` : `a new topic (e.g. ${TOPIC_NAME}) with your email address`}; create the alarm`,
      'Open the email "AWS Notification - Subscription Confirmation" and click Confirm subscription: until then the alarm notifies nobody',
    ],
    cli: [
      ...(where.topicArn ? [] : [`aws sns create-topic --name ${TOPIC_NAME} --region ${region}`]),
      `aws sns subscribe --topic-arn ${topic} --protocol email --notification-endpoint <email> --region ${region}`,
      `aws sns list-subscriptions-by-topic --topic-arn ${topic} --region ${region}   # PendingConfirmation until the email link is clicked`,
      `aws logs put-metric-filter --log-group-name ${logGroup} --filter-name ${id} ` +
        `--metric-transformations metricName=${id},metricNamespace=${NAMESPACE},metricValue=1 --filter-pattern ${shellQuote(reference)} --region ${region}`,
      `aws cloudwatch put-metric-alarm --alarm-name ${id} --metric-name ${id} --namespace ${NAMESPACE} --statistic Sum --period 300 --threshold 1 ` +
        `--comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions ${topic} --region ${region}`,
    ],
  };
}
