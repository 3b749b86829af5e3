// Cost Anomaly Detection: an AWS services monitor (DIMENSIONAL, SERVICE) and a daily email subscription to the alert
// addresses above an impact threshold. An account has one AWS services monitor: an existing one is adopted. A
// subscription of the account's own that already emails every address is adopted too; otherwise rampart's own
// subscription is created (or, when it exists, given the addresses it lacks).
import {
  CostExplorerClient,
  CreateAnomalyMonitorCommand,
  CreateAnomalySubscriptionCommand,
  GetAnomalyMonitorsCommand,
  GetAnomalySubscriptionsCommand,
  UpdateAnomalySubscriptionCommand,
  type AnomalyMonitor,
  type AnomalySubscription,
  type Subscriber,
} from '@aws-sdk/client-cost-explorer';
import type { CostFacts } from '../../inventory/schema/cost.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, Planner } from '../types.js';
import { billingRegionOf, emailList, refusedWithoutEmails } from './cost-common.js';
import { notCollected } from './iam-common.js';

export const COST_ANOMALY_STEP = 'cost-anomaly';
export const MONITOR_NAME = 'rampart-aws-services';
export const SUBSCRIPTION_NAME = 'rampart-cost-anomalies';
const ACTIONS = ['ce:GetAnomalyMonitors', 'ce:CreateAnomalyMonitor', 'ce:GetAnomalySubscriptions', 'ce:CreateAnomalySubscription', 'ce:UpdateAnomalySubscription'];

type AnomalySpec = Exclude<BaselineSpec['costAnomaly'], false>;
type Subscriptions = NonNullable<CostFacts['anomalySubscriptions']>;

/** Emails a subscription does not send to. */
const lacking = (subscribers: readonly { type: string; address: string }[], emails: readonly string[]): string[] =>
  emails.filter((e) => !subscribers.some((s) => s.type === 'EMAIL' && s.address.toLowerCase() === e.toLowerCase()));

/** The subscription on `monitorArn` that already emails everyone, else rampart's own (to complete), else none. */
export function subscriptionFor(subscriptions: Subscriptions, monitorArn: string, emails: readonly string[]): { complete?: Subscriptions[number]; own?: Subscriptions[number] } {
  const onMonitor = subscriptions.filter((s) => s.monitorArns.includes(monitorArn));
  const complete = onMonitor.find((s) => lacking(s.subscribers, emails).length === 0);
  if (complete) return { complete };
  const own = onMonitor.find((s) => s.name === SUBSCRIPTION_NAME);
  return own ? { own } : {};
}

const thresholdExpression = (usd: number) => ({
  Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE' as const, Values: [String(usd)], MatchOptions: ['GREATER_THAN_OR_EQUAL' as const] },
});

async function pages<T>(page: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const out = await page(token);
    all.push(...(out.items ?? []));
    token = out.next;
  } while (token);
  return all;
}

const toFacts = (s: AnomalySubscription): Subscriptions[number] => ({
  arn: s.SubscriptionArn ?? '',
  name: s.SubscriptionName ?? '',
  monitorArns: s.MonitorArnList ?? [],
  frequency: s.Frequency ?? '',
  subscribers: (s.Subscribers ?? []).map((x) => ({ type: x.Type ?? '', address: x.Address ?? '' })),
});

async function run(ctx: ApplyContext, spec: AnomalySpec): Promise<string> {
  const ce = ctx.session.client(CostExplorerClient, { region: billingRegionOf(ctx) });
  const emails = ctx.spec.alertEmails;
  const done: string[] = [];
  const monitors: AnomalyMonitor[] = await pages(async (NextPageToken) => {
    const out = await ce.send(new GetAnomalyMonitorsCommand({ NextPageToken, MaxResults: 100 }));
    return { items: out.AnomalyMonitors, next: out.NextPageToken };
  });
  const existing = monitors.find((m) => m.MonitorType === 'DIMENSIONAL' && (m.MonitorDimension ?? 'SERVICE') === 'SERVICE' && m.MonitorArn);
  let monitorArn = existing?.MonitorArn;
  if (!monitorArn) {
    monitorArn = (await ce.send(new CreateAnomalyMonitorCommand({ AnomalyMonitor: { MonitorName: MONITOR_NAME, MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' } })))
      .MonitorArn;
    if (!monitorArn) throw new Error('CreateAnomalyMonitor returned no monitor ARN');
    done.push(`created monitor ${MONITOR_NAME}`);
  }
  const monitorName = existing?.MonitorName ?? (existing ? monitorArn : MONITOR_NAME);
  const readSubscriptions = async () =>
    (
      await pages(async (NextPageToken) => {
        const out = await ce.send(new GetAnomalySubscriptionsCommand({ MonitorArn: monitorArn, NextPageToken, MaxResults: 100 }));
        return { items: out.AnomalySubscriptions, next: out.NextPageToken };
      })
    ).map(toFacts);
  const { complete, own } = subscriptionFor(await readSubscriptions(), monitorArn, emails);
  if (!complete) {
    const subscribers: Subscriber[] = emails.map((Address) => ({ Address, Type: 'EMAIL' }));
    if (own) {
      const keep: Subscriber[] = own.subscribers.map((s) => ({ Address: s.address, Type: s.type as Subscriber['Type'] }));
      const add = lacking(own.subscribers, emails).map((Address): Subscriber => ({ Address, Type: 'EMAIL' }));
      await ce.send(new UpdateAnomalySubscriptionCommand({ SubscriptionArn: own.arn, Subscribers: [...keep, ...add] }));
      done.push(`added ${emailList(add.map((s) => s.Address ?? ''))} to subscription ${SUBSCRIPTION_NAME}`);
    } else {
      await ce.send(
        new CreateAnomalySubscriptionCommand({
          AnomalySubscription: {
            SubscriptionName: SUBSCRIPTION_NAME,
            MonitorArnList: [monitorArn],
            Subscribers: subscribers,
            Frequency: 'DAILY',
            ThresholdExpression: thresholdExpression(spec.thresholdUsd),
          },
        }),
      );
      done.push(`created a daily subscription to ${emailList(emails)} for anomalies of ${spec.thresholdUsd} USD or more`);
    }
    if (!subscriptionFor(await readSubscriptions(), monitorArn, emails).complete) throw new Error(`no anomaly subscription on ${monitorName} reads back with ${emailList(emails)}`);
  }
  return done.length
    ? `${done.join(', ')} (monitor ${monitorName})`
    : `monitor ${monitorName} already alerts ${emailList(emails)} through subscription ${complete?.name ?? '?'}`;
}

export const costAnomalyPlanner: Planner = {
  id: 'cost-anomaly',
  plan(ctx) {
    const spec = ctx.spec.costAnomaly;
    if (spec === false) return [];
    const base = { id: COST_ANOMALY_STEP, title: 'Cost Anomaly Detection', actions: ACTIONS };
    const refused = refusedWithoutEmails(ctx, base);
    if (refused) return refused;
    const runnable = { ...base, run: (apply: ApplyContext) => run(apply, spec) };
    const emails = ctx.spec.alertEmails;
    const monitors = ctx.snapshot.cost?.anomalyMonitors;
    const subscriptions = ctx.snapshot.cost?.anomalySubscriptions;
    if (!monitors || !subscriptions) return [{ ...runnable, kind: 'update', detail: notCollected('Cost Anomaly Detection') }];
    const subscribe = `a daily email to ${emailList(emails)} for anomalies of ${spec.thresholdUsd} USD or more`;
    const monitor = monitors.find((m) => m.type === 'DIMENSIONAL');
    if (!monitor) return [{ ...runnable, kind: 'create', detail: `create an AWS services monitor (${MONITOR_NAME}) with ${subscribe}` }];
    const { complete, own } = subscriptionFor(subscriptions, monitor.arn, emails);
    if (complete) return [{ ...base, kind: 'noop', detail: `monitor ${monitor.name} alerts ${emailList(emails)} through subscription ${complete.name}` }];
    if (own) return [{ ...runnable, kind: 'update', detail: `add ${emailList(lacking(own.subscribers, emails))} to subscription ${own.name} of monitor ${monitor.name}` }];
    return [{ ...runnable, kind: 'update', detail: `adopt monitor ${monitor.name}: add ${subscribe}` }];
  },
};
