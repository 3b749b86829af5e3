// The billing alarm ladder of seed 001: CloudWatch alarms on AWS/Billing EstimatedCharges (Currency=USD) at each
// threshold, notifying an SNS topic with an email subscription per alert address. All of it in the billing region
// (us-east-1), the only one with the billing metric. An email subscription stays PendingConfirmation until the person
// clicks the link AWS mails them: no API can do that, so the plan says so and adds a manual step for it. The metric
// itself only exists once "Receive CloudWatch billing alerts" is on (manual.ts).
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, SNSClient, SubscribeCommand, type Subscription } from '@aws-sdk/client-sns';
import { awsErrorCode } from '../../aws/errors.js';
import { toAlarm } from '../../inventory/monitoring/alarms.js';
import type { Alarm, SnsSubscription } from '../../inventory/schema/regional.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, PlanContext, Planner, Step } from '../types.js';
import { billingRegionOf, emailList, planBillingRegion, refusedWithoutEmails } from './cost-common.js';
import { notCollected } from './iam-common.js';

export const BILLING_TOPIC_STEP = 'billing-alarms:topic';
export const BILLING_ALARMS_STEP = 'billing-alarms:alarms';
export const BILLING_CONFIRM_STEP = 'billing-alarms:confirm-subscriptions';
const TOPIC_ACTIONS = ['sns:CreateTopic', 'sns:ListSubscriptionsByTopic', 'sns:Subscribe'];
const ALARM_ACTIONS = ['cloudwatch:DescribeAlarms', 'cloudwatch:PutMetricAlarm'];

type BillingSpec = Exclude<BaselineSpec['billingAlarms'], false>;

const PENDING = 'each address stays PendingConfirmation until its owner clicks "Confirm subscription" in the email from AWS Notifications';

export const billingAlarmName = (threshold: number): string => `rampart-billing-over-${threshold}-usd`;

const topicArnOf = (partition: string, region: string, account: string, topic: string): string => `arn:${partition}:sns:${region}:${account}:${topic}`;
const planTopicArn = (ctx: PlanContext, topic: string): string => topicArnOf(ctx.snapshot.account.partition, planBillingRegion(ctx), ctx.snapshot.account.id, topic);

/** An alarm on the whole bill in USD (no ServiceName or LinkedAccount dimension). */
const isWholeBillAlarm = (a: Alarm): boolean =>
  a.namespace === 'AWS/Billing' && a.metricName === 'EstimatedCharges' && a.dimensions['Currency'] === 'USD' && !('ServiceName' in a.dimensions) && !('LinkedAccount' in a.dimensions);

/**
 * Thresholds no alarm covers yet. Ours count when they notify the topic; an alarm of the account's own at the same
 * threshold counts when it notifies someone (adopted: no second alarm beside it).
 */
export function uncoveredThresholds(alarms: readonly Alarm[], thresholds: readonly number[], topicArn: string): number[] {
  return thresholds.filter(
    (t) =>
      !alarms.some(
        (a) =>
          isWholeBillAlarm(a) &&
          a.threshold === t &&
          a.actionsEnabled &&
          (a.name === billingAlarmName(t) ? a.alarmActions.includes(topicArn) : a.alarmActions.some((arn) => arn.split(':')[2] === 'sns')),
      ),
  );
}

/** Alert emails with no email subscription on the topic, and those subscribed but not confirmed. */
export function subscriptionGaps(subscriptions: readonly SnsSubscription[], topicArn: string, emails: readonly string[]): { missing: string[]; pending: string[] } {
  const onTopic = subscriptions.filter((s) => s.topicArn === topicArn && s.protocol === 'email');
  const find = (e: string) => onTopic.find((s) => s.endpoint.toLowerCase() === e.toLowerCase());
  return { missing: emails.filter((e) => !find(e)), pending: emails.filter((e) => find(e)?.confirmed === false) };
}

const fromAws = (s: Subscription): SnsSubscription => ({
  topicArn: s.TopicArn ?? '',
  protocol: s.Protocol ?? '',
  endpoint: s.Endpoint ?? '',
  confirmed: !['PendingConfirmation', 'pending confirmation', 'Deleted', ''].includes(s.SubscriptionArn ?? ''),
});

async function runTopic(ctx: ApplyContext, spec: BillingSpec): Promise<string> {
  const sns = ctx.session.client(SNSClient, { region: billingRegionOf(ctx) });
  const emails = ctx.spec.alertEmails;
  // CreateTopic is idempotent by name; the ARN is known, so the topic is only created when it has no subscription yet.
  const expected = topicArnOf(ctx.snapshot.account.partition, billingRegionOf(ctx), ctx.snapshot.account.id, spec.topic);
  const listSubscriptions = async (TopicArn: string): Promise<SnsSubscription[]> => {
    const all: SnsSubscription[] = [];
    let NextToken: string | undefined;
    do {
      const out = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn, NextToken }));
      all.push(...(out.Subscriptions ?? []).map(fromAws));
      NextToken = out.NextToken;
    } while (NextToken);
    return all;
  };
  let topicArn = expected;
  let subscriptions = await listSubscriptions(expected).catch((err: unknown) => {
    if (['NotFound', 'NotFoundException'].includes(awsErrorCode(err))) return null;
    throw err;
  });
  const done: string[] = [];
  if (subscriptions === null) {
    topicArn = (await sns.send(new CreateTopicCommand({ Name: spec.topic }))).TopicArn ?? expected;
    subscriptions = [];
    done.push(`created topic ${spec.topic}`);
  }
  const { missing } = subscriptionGaps(subscriptions, topicArn, emails);
  for (const Endpoint of missing) await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint }));
  if (missing.length) {
    subscriptions = await listSubscriptions(topicArn);
    const after = subscriptionGaps(subscriptions, topicArn, emails);
    if (after.missing.length) throw new Error(`topic ${spec.topic} still has no subscription for ${emailList(after.missing)}`);
    done.push(`subscribed ${emailList(missing)} (${PENDING})`);
  }
  const { pending } = subscriptionGaps(subscriptions, topicArn, emails);
  if (!done.length) return `topic ${spec.topic} has every alert address${pending.length ? `; ${emailList(pending)} not confirmed yet: click the link in the email` : ''}`;
  return `${done.join(', ')} on ${topicArn}`;
}

async function runAlarms(ctx: ApplyContext, spec: BillingSpec): Promise<string> {
  const region = billingRegionOf(ctx);
  const cloudwatch = ctx.session.client(CloudWatchClient, { region });
  const topicArn = topicArnOf(ctx.snapshot.account.partition, region, ctx.snapshot.account.id, spec.topic);
  const readAlarms = async (): Promise<Alarm[]> => {
    const all: MetricAlarm[] = [];
    let NextToken: string | undefined;
    do {
      const out = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: 100, NextToken }));
      all.push(...(out.MetricAlarms ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    return all.map(toAlarm);
  };
  const missing = uncoveredThresholds(await readAlarms(), spec.thresholds, topicArn);
  if (!missing.length) return `billing alarms at ${spec.thresholds.join(', ')} USD already notify a topic`;
  for (const threshold of missing) {
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: billingAlarmName(threshold),
        AlarmDescription: `Estimated charges this month are over ${threshold} USD (rampart)`,
        Namespace: 'AWS/Billing',
        MetricName: 'EstimatedCharges',
        Dimensions: [{ Name: 'Currency', Value: 'USD' }],
        Statistic: 'Maximum',
        // The metric is published every few hours: six-hour periods, as AWS's guide does.
        Period: 21600,
        EvaluationPeriods: 1,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        ActionsEnabled: true,
        AlarmActions: [topicArn],
      }),
    );
  }
  const still = uncoveredThresholds(await readAlarms(), spec.thresholds, topicArn);
  if (still.length) throw new Error(`no billing alarm reads back at ${still.join(', ')} USD`);
  return `created billing alarms at ${missing.join(', ')} USD notifying ${topicArn}`;
}

function confirmStep(emails: readonly string[], topic: string, region: string): Step {
  return {
    id: BILLING_CONFIRM_STEP,
    title: 'Confirm the billing alarm subscription emails',
    kind: 'manual',
    detail: `confirm the subscription email sent to ${emailList(emails)}: until then the billing alarms notify nobody`,
    actions: [],
    dependsOn: [BILLING_TOPIC_STEP],
    manual: {
      console: [
        `Open the email "AWS Notification - Subscription Confirmation" sent to ${emailList(emails)} (look in spam too)`,
        'Click "Confirm subscription" in it; the page that opens says "Subscription confirmed!"',
        `No email? In the console (${region}): SNS > Topics > ${topic} > Subscriptions > select the pending one > Request confirmation`,
      ],
      verify: 'rampart audit --check billing-alarm',
    },
  };
}

export const billingAlarmsPlanner: Planner = {
  id: 'billing-alarms',
  plan(ctx) {
    const spec = ctx.spec.billingAlarms;
    if (spec === false) return [];
    const emails = ctx.spec.alertEmails;
    const region = planBillingRegion(ctx);
    const topicBase = { id: BILLING_TOPIC_STEP, title: `Billing alarm topic ${spec.topic} (${region})`, actions: TOPIC_ACTIONS };
    const refused = refusedWithoutEmails(ctx, topicBase);
    if (refused) return refused;
    const topicArn = planTopicArn(ctx, spec.topic);
    const facts = ctx.snapshot.regional[region];
    const steps: Step[] = [];

    const subscriptions = facts?.snsSubscriptions;
    const topicRun = { ...topicBase, run: (apply: ApplyContext) => runTopic(apply, spec) };
    let pending: readonly string[] = emails;
    if (!subscriptions) steps.push({ ...topicRun, kind: 'update', detail: `${notCollected('the SNS subscriptions')}; ${PENDING}` });
    else {
      const gaps = subscriptionGaps(subscriptions, topicArn, emails);
      pending = [...gaps.missing, ...gaps.pending];
      const hasTopic = subscriptions.some((s) => s.topicArn === topicArn);
      if (!gaps.missing.length) {
        const waiting = gaps.pending.length ? `; ${emailList(gaps.pending)} not confirmed yet` : '';
        steps.push({ ...topicBase, kind: 'noop', detail: `topic ${spec.topic} has an email subscription for every alert address${waiting}` });
      } else {
        const what = hasTopic ? `subscribe ${emailList(gaps.missing)} to topic ${spec.topic}` : `create topic ${spec.topic} and subscribe ${emailList(gaps.missing)}`;
        steps.push({ ...topicRun, kind: hasTopic ? 'update' : 'create', detail: `${what} by email; ${PENDING}` });
      }
    }

    const alarmBase = { id: BILLING_ALARMS_STEP, title: `Billing alarms at ${spec.thresholds.join(', ')} USD`, actions: ALARM_ACTIONS, dependsOn: [BILLING_TOPIC_STEP] };
    const alarmRun = { ...alarmBase, run: (apply: ApplyContext) => runAlarms(apply, spec) };
    const alarms = facts?.alarms;
    if (!alarms) steps.push({ ...alarmRun, kind: 'update', detail: notCollected(`the CloudWatch alarms in ${region}`) });
    else {
      const missing = uncoveredThresholds(alarms, spec.thresholds, topicArn);
      const what = `alarm on AWS/Billing EstimatedCharges (USD) at ${missing.join(', ')} USD, notifying topic ${spec.topic}`;
      if (!missing.length) steps.push({ ...alarmBase, kind: 'noop', detail: `billing alarms at ${spec.thresholds.join(', ')} USD notify a topic` });
      else steps.push({ ...alarmRun, kind: missing.length === spec.thresholds.length ? 'create' : 'update', detail: what });
    }

    if (pending.length) steps.push(confirmStep(pending, spec.topic, region));
    return steps;
  },
};
