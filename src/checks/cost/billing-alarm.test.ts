import { describe, expect, it } from 'vitest';
import { ACCOUNT, BILLING_TOPIC, billingAlarm as alarm, options, regionalSnapshot, snapshot, snsSubscriptionTo, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { billingAlarm } from './billing-alarm.js';

const run = (s: AccountSnapshot) => {
  const outcomes = billingAlarm.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
type Facts = AccountSnapshot['regional'][string];
const usEast1 = (facts: Facts, others: Record<string, Facts> = {}) => regionalSnapshot({ 'us-east-1': facts, ...others });
const OTHER_TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:ops`;

describe('billing-alarm', () => {
  it('passes on an EstimatedCharges alarm notifying a topic with a confirmed subscription', () => {
    expect(run(usEast1({ alarms: [alarm()], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC)] }))).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: `alarm billing-10-usd (threshold 10 USD) notifies topic ${BILLING_TOPIC}, which has 1 confirmed subscription(s)`,
    });
  });

  it('fails with "no billing alarm" when no alarm watches AWS/Billing EstimatedCharges', () => {
    const cpu = alarm({ name: 'cpu', namespace: 'AWS/EC2', metricName: 'CPUUtilization' });
    const o = run(usEast1({ alarms: [cpu], snsSubscriptions: [] }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'no billing alarm: no CloudWatch alarm on AWS/Billing EstimatedCharges in us-east-1' });
  });

  it('does not count an alarm on one service\'s charges, and says so', () => {
    const ec2Only = alarm({ name: 'ec2-charges', dimensions: { Currency: 'USD', ServiceName: 'AmazonEC2' } });
    expect(run(usEast1({ alarms: [ec2Only], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC)] })).message).toBe(
      'no billing alarm: no CloudWatch alarm on AWS/Billing EstimatedCharges in us-east-1 (ec2-charges watch only one service or linked account)',
    );
  });

  it('fails when the alarm has no SNS action, or its actions are disabled', () => {
    const noSns = alarm({ alarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] });
    expect(run(usEast1({ alarms: [noSns], snsSubscriptions: [] })).message).toBe('alarm billing-10-usd has no SNS action');
    const disabled = alarm({ actionsEnabled: false });
    expect(run(usEast1({ alarms: [disabled], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC)] })).message).toBe('alarm billing-10-usd has its actions disabled');
  });

  it('fails on a pending subscription, telling to check the inbox, with the topic filled in the fix', () => {
    const o = run(usEast1({ alarms: [alarm()], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC, false)] }));
    expect(o).toMatchObject({ status: 'FAIL', message: `topic ${BILLING_TOPIC} has no confirmed subscription (pending confirmation: check the inbox)` });
    expect(o.remediation?.cli.join('\n')).toContain(`--alarm-actions ${BILLING_TOPIC}`);
    expect(o.message).not.toContain('@example.com');
  });

  it('fails on a topic without subscriptions; a confirmed subscription to another topic does not help', () => {
    const o = run(usEast1({ alarms: [alarm()], snsSubscriptions: [snsSubscriptionTo(OTHER_TOPIC)] }));
    expect(o.message).toBe(`topic ${BILLING_TOPIC} has no subscription`);
  });

  it('passes when one of several billing alarms (or topics) reaches someone', () => {
    const broken = alarm({ name: 'billing-100-usd', alarmActions: [] });
    const twoTopics = alarm({ alarmActions: [OTHER_TOPIC, BILLING_TOPIC] });
    expect(run(usEast1({ alarms: [broken, twoTopics], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC)] })).status).toBe('PASS');
  });

  it('joins the reasons of every billing alarm on one line', () => {
    const o = run(usEast1({ alarms: [alarm({ name: 'a', alarmActions: [] }), alarm({ name: 'b' })], snsSubscriptions: [] }));
    expect(o.message).toBe(`alarm a has no SNS action; topic ${BILLING_TOPIC} has no subscription`);
  });

  it('mentions the manual "Receive Billing Alerts" preference in the fix', () => {
    expect(billingAlarm.remediation.summary).toContain('Receive Billing Alerts');
    expect(billingAlarm.remediation.cli.join('\n')).toContain('aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name billing-10-usd');
  });

  it('is UNKNOWN naming DescribeAlarms in us-east-1; an error in another region does not matter', () => {
    const denied = withFailedCall(usEast1({ snsSubscriptions: [] }), { service: 'cloudwatch', operation: 'DescribeAlarms', region: 'us-east-1' });
    expect(run(denied)).toMatchObject({
      status: 'UNKNOWN',
      message: 'could not evaluate: cloudwatch:DescribeAlarms failed in us-east-1 (AccessDenied: User is not authorized)',
    });
    const elsewhere = withFailedCall(
      usEast1({ alarms: [alarm()], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC)] }, { 'eu-west-1': {} }),
      { service: 'cloudwatch', operation: 'DescribeAlarms', region: 'eu-west-1' },
    );
    expect(run(elsewhere).status).toBe('PASS');
  });

  it('is UNKNOWN naming ListSubscriptions when the subscriptions could not be read', () => {
    const s = withFailedCall(usEast1({ alarms: [alarm()] }), { service: 'sns', operation: 'ListSubscriptions', region: 'us-east-1' });
    expect(run(s).message).toBe('could not evaluate: sns:ListSubscriptions failed in us-east-1 (AccessDenied: User is not authorized)');
  });

  it('says us-east-1 was not collected when it has no section and no error', () => {
    expect(run(snapshot())).toMatchObject({ status: 'UNKNOWN', message: 'could not evaluate: cloudwatch:DescribeAlarms not collected in us-east-1' });
  });
});
