// billing-alarm (seed 001): a CloudWatch alarm on the account's estimated charges that reaches a person. The billing
// metric exists only in us-east-1, and only after "Receive CloudWatch billing alerts" is turned on in the Billing
// preferences, which no API can do. An alarm whose SNS topic has only a pending subscription notifies nobody: the
// confirmation email was never clicked, the most common way this setup silently fails.
import type { Alarm, SnsSubscription } from '../../inventory/schema/regional.js';
import { alarmReach, LIST_SUBSCRIPTIONS } from '../alarm-notification.js';
import { accountResource, fail, pass, unknownInRegion } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';

export const BILLING_REGION = 'us-east-1';
const ALARM_OPERATIONS = ['cloudwatch:DescribeAlarms'];
const SUBSCRIPTION_OPERATIONS = [LIST_SUBSCRIPTIONS];

const isBillingAlarm = (a: Alarm): boolean => a.namespace === 'AWS/Billing' && a.metricName === 'EstimatedCharges';
/** ServiceName or LinkedAccount narrows the metric to one service or one member account: not the whole bill. */
const watchesWholeBill = (a: Alarm): boolean => !('ServiceName' in a.dimensions) && !('LinkedAccount' in a.dimensions);

const remediation = (topicArn = '<topic-arn>'): Remediation => ({
  summary:
    'Signed in as root (or a user with billing access), turn on "Receive CloudWatch billing alerts" (formerly "Receive Billing ' +
    'Alerts") in the Billing preferences: only the console can do it. Then, in us-east-1, create an SNS topic with an email ' +
    'subscription, confirm it from the inbox, and alarm on AWS/Billing EstimatedCharges. Seed 001 suggests several ' +
    'thresholds (e.g. $10 and $100).',
  console: [
    'Billing and Cost Management > Billing preferences > Alert preferences > Edit: tick "Receive CloudWatch billing alerts", then Update',
    'Switch the region to US East (N. Virginia); SNS > Topics > Create topic (Standard), e.g. billing-alerts',
    'In the topic, Create subscription: protocol Email, your address; open the email "AWS Notification - Subscription Confirmation" and click Confirm subscription',
    'CloudWatch (us-east-1) > Alarms > Create alarm > Select metric > Billing > Total Estimated Charge > USD; statistic Maximum, period 6 hours',
    'Condition: Greater than 10 (USD); notification: In alarm, send to the billing-alerts topic; name the alarm and create it',
  ],
  cli: [
    `aws sns create-topic --region ${BILLING_REGION} --name billing-alerts`,
    `aws sns subscribe --region ${BILLING_REGION} --topic-arn ${topicArn} --protocol email --notification-endpoint <email>`,
    `aws sns list-subscriptions-by-topic --region ${BILLING_REGION} --topic-arn ${topicArn}   # PendingConfirmation until the email link is clicked`,
    `aws cloudwatch put-metric-alarm --region ${BILLING_REGION} --alarm-name billing-10-usd --namespace AWS/Billing --metric-name EstimatedCharges ` +
      '--dimensions Name=Currency,Value=USD --statistic Maximum --period 21600 --evaluation-periods 1 --threshold 10 ' +
      `--comparison-operator GreaterThanThreshold --alarm-actions ${topicArn}`,
  ],
});

type Verdict = { status: 'PASS' | 'FAIL' | 'UNKNOWN'; message: string; topicArn?: string };

function judgeAlarm(alarm: Alarm, subscriptions: SnsSubscription[] | undefined): Verdict {
  const reach = alarmReach(alarm, subscriptions);
  if (reach.status === 'UNKNOWN') return { status: 'UNKNOWN', message: '' };
  if (reach.status === 'FAIL') return { status: 'FAIL', message: reach.message, topicArn: reach.topicArn };
  const threshold = alarm.threshold === null ? '' : ` (threshold ${alarm.threshold} ${alarm.dimensions['Currency'] ?? 'USD'})`;
  return { status: 'PASS', message: `alarm ${alarm.name}${threshold} notifies topic ${reach.topicArn}, which has ${reach.confirmed} confirmed subscription(s)` };
}

export const billingAlarm: Check = {
  id: 'billing-alarm',
  title: 'A billing alarm notifies a confirmed subscriber',
  area: 'cost',
  severity: 'medium',
  sources: ['seed 001'],
  remediation: remediation(),
  evaluate(snapshot): Outcome[] {
    const resource = accountResource(snapshot);
    const facts = snapshot.regional[BILLING_REGION] ?? {};
    const alarms = facts.alarms;
    if (!alarms) return [unknownInRegion(snapshot, resource, ALARM_OPERATIONS, BILLING_REGION)];
    const billing = alarms.filter(isBillingAlarm);
    const whole = billing.filter(watchesWholeBill);
    if (!whole.length) {
      const narrow = billing.length ? ` (${billing.map((a) => a.name).join(', ')} watch only one service or linked account)` : '';
      return [fail(resource, `no billing alarm: no CloudWatch alarm on AWS/Billing EstimatedCharges in ${BILLING_REGION}${narrow}`)];
    }
    const verdicts = whole.map((a) => judgeAlarm(a, facts.snsSubscriptions));
    const passed = verdicts.find((v) => v.status === 'PASS');
    if (passed) return [pass(resource, passed.message)];
    if (verdicts.some((v) => v.status === 'UNKNOWN')) return [unknownInRegion(snapshot, resource, SUBSCRIPTION_OPERATIONS, BILLING_REGION)];
    const topicArn = verdicts.find((v) => v.topicArn)?.topicArn;
    return [fail(resource, verdicts.map((v) => v.message).join('; '), remediation(topicArn))];
  },
};
