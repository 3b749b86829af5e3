// Cost Explorer: awsJson1_1, `AWSInsightsIndexService.Op`, signs as `ce`, global (us-east-1). Cost Anomaly
// Detection's monitors and subscriptions (scenario `anomalyMonitors`, `anomalySubscriptions`), read and created
// (CreateAnomalyMonitor: one AWS services monitor an account; CreateAnomalySubscription, UpdateAnomalySubscription). Cost Explorer
// gives dates as `YYYY-MM-DD` strings, not timestamps.
import { ApiError } from '../errors.js';
import type { JsonService } from '../service.js';
import type { AnomalySubscriptionState } from '../world-cost.js';
import { page, pageStart, stableUuid } from './region-facts.js';

const DEFAULT_PAGE = 100;

const day = (d: Date): string => d.toISOString().slice(0, 10);

function pageSize(input: Readonly<Record<string, unknown>>): number {
  const n = input['MaxResults'] ?? DEFAULT_PAGE;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ApiError('ValidationException', 'MaxResults must be a positive integer', 400);
  return n;
}

const arnList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length ? value.filter((v): v is string => typeof v === 'string') : undefined;

type Input = Readonly<Record<string, unknown>>;
const FREQUENCIES = ['DAILY', 'IMMEDIATE', 'WEEKLY'] as const;
const validation = (message: string) => new ApiError('ValidationException', message, 400);

function subscribersOf(value: unknown): AnomalySubscriptionState['subscribers'] {
  if (!Array.isArray(value) || value.length === 0) throw validation('Subscribers must not be empty');
  return value.map((v: Record<string, unknown>) => {
    const type = v['Type'];
    const address = v['Address'];
    if ((type !== 'EMAIL' && type !== 'SNS') || typeof address !== 'string' || address.length < 3) throw validation('A subscriber needs a Type (EMAIL or SNS) and an Address');
    return { type, address, status: 'CONFIRMED' as const };
  });
}

/** The impact threshold, from ThresholdExpression (ANOMALY_TOTAL_IMPACT_ABSOLUTE) or the older Threshold. */
function thresholdOf(input: Input, fallback?: number): number {
  const dims = ((input['ThresholdExpression'] as Record<string, unknown> | undefined)?.['Dimensions'] ?? undefined) as Record<string, unknown> | undefined;
  const values = dims?.['Values'];
  const raw = Array.isArray(values) ? Number(values[0]) : typeof input['Threshold'] === 'number' ? input['Threshold'] : fallback;
  if (raw === undefined || !Number.isFinite(raw) || raw < 0) throw validation('A subscription needs a ThresholdExpression or a Threshold');
  return raw;
}

function checkFrequency(frequency: unknown, subscribers: AnomalySubscriptionState['subscribers']): (typeof FREQUENCIES)[number] {
  if (typeof frequency !== 'string' || !(FREQUENCIES as readonly string[]).includes(frequency)) throw validation(`Frequency must be one of ${FREQUENCIES.join(', ')}`);
  // As the service says: email gets summaries, only SNS gets individual alerts.
  if (frequency === 'IMMEDIATE' && subscribers.some((s) => s.type === 'EMAIL')) throw validation('Email subscribers are supported only with DAILY or WEEKLY frequency');
  return frequency as (typeof FREQUENCIES)[number];
}

export const ce: JsonService = {
  name: 'ce',
  signingName: 'ce',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSInsightsIndexService',
  operations: {
    GetAnomalyMonitors(input, ctx) {
      const wanted = arnList(input['MonitorArnList']);
      const monitors = ctx.world.cost.anomalyMonitors.filter((m) => !wanted || wanted.includes(m.arn));
      if (wanted && monitors.length < wanted.length) throw new ApiError('UnknownMonitorException', 'Cost anomaly monitor does not exist for the account', 400);
      const { items, next } = page(monitors, pageStart(input['NextPageToken'], 'InvalidNextTokenException'), pageSize(input));
      return {
        AnomalyMonitors: items.map((m) => ({
          MonitorArn: m.arn,
          MonitorName: m.name,
          CreationDate: day(m.created),
          LastUpdatedDate: day(m.created),
          LastEvaluatedDate: day(ctx.now),
          MonitorType: m.type,
          MonitorDimension: m.type === 'DIMENSIONAL' ? (m.dimension ?? 'SERVICE') : undefined,
          DimensionalValueCount: m.type === 'DIMENSIONAL' ? 12 : undefined,
        })),
        NextPageToken: next,
      };
    },
    CreateAnomalyMonitor(input, ctx) {
      const m = (input['AnomalyMonitor'] ?? {}) as Record<string, unknown>;
      const name = m['MonitorName'];
      if (typeof name !== 'string' || !name) throw validation('MonitorName is required');
      const type = m['MonitorType'];
      if (type !== 'DIMENSIONAL' && type !== 'CUSTOM') throw validation('MonitorType must be DIMENSIONAL or CUSTOM');
      const dimension = type === 'DIMENSIONAL' ? (m['MonitorDimension'] ?? 'SERVICE') : undefined;
      if (dimension !== undefined && !['SERVICE', 'LINKED_ACCOUNT', 'COST_CATEGORY', 'TAG'].includes(dimension as string)) throw validation('Unknown MonitorDimension');
      const { world } = ctx;
      // An account has one AWS services monitor.
      if (dimension === 'SERVICE' && world.cost.anomalyMonitors.some((x) => x.type === 'DIMENSIONAL' && (x.dimension ?? 'SERVICE') === 'SERVICE')) {
        throw new ApiError('LimitExceededException', 'Limit exceeded on dimensional spend monitor creation', 400);
      }
      const arn = `arn:${world.account.partition}:ce::${world.account.id}:anomalymonitor/${stableUuid(world.account.id, 'monitor', name, String(world.cost.anomalyMonitors.length))}`;
      world.cost.anomalyMonitors.push({ name, type, ...(dimension ? { dimension: dimension as 'SERVICE' } : {}), arn, created: ctx.now });
      return { MonitorArn: arn };
    },
    CreateAnomalySubscription(input, ctx) {
      const s = (input['AnomalySubscription'] ?? {}) as Record<string, unknown>;
      const name = s['SubscriptionName'];
      if (typeof name !== 'string' || !name) throw validation('SubscriptionName is required');
      const monitorArns = arnList(s['MonitorArnList']) ?? [];
      if (!monitorArns.length) throw validation('MonitorArnList must not be empty');
      const { world } = ctx;
      if (monitorArns.some((arn) => !world.cost.anomalyMonitors.some((m) => m.arn === arn))) throw new ApiError('UnknownMonitorException', 'Cost anomaly monitor does not exist for the account', 400);
      const subscribers = subscribersOf(s['Subscribers']);
      const frequency = checkFrequency(s['Frequency'], subscribers);
      const arn = `arn:${world.account.partition}:ce::${world.account.id}:anomalysubscription/${stableUuid(world.account.id, 'subscription', name, String(world.cost.anomalySubscriptions.length))}`;
      world.cost.anomalySubscriptions.push({ name, arn, monitorArns, subscribers, frequency, threshold: thresholdOf(s) });
      return { SubscriptionArn: arn };
    },
    UpdateAnomalySubscription(input, ctx) {
      const sub = ctx.world.cost.anomalySubscriptions.find((x) => x.arn === input['SubscriptionArn']);
      if (!sub) throw new ApiError('UnknownSubscriptionException', 'Cost anomaly subscription does not exist for the account', 400);
      const subscribers = input['Subscribers'] === undefined ? sub.subscribers : subscribersOf(input['Subscribers']);
      const frequency = input['Frequency'] === undefined ? sub.frequency : checkFrequency(input['Frequency'], subscribers);
      const monitorArns = arnList(input['MonitorArnList']);
      if (monitorArns?.some((arn) => !ctx.world.cost.anomalyMonitors.some((m) => m.arn === arn))) throw new ApiError('UnknownMonitorException', 'Cost anomaly monitor does not exist for the account', 400);
      Object.assign(sub, {
        subscribers,
        frequency,
        threshold: thresholdOf(input, sub.threshold),
        ...(monitorArns ? { monitorArns } : {}),
        ...(typeof input['SubscriptionName'] === 'string' ? { name: input['SubscriptionName'] } : {}),
      });
      return { SubscriptionArn: sub.arn };
    },
    GetAnomalySubscriptions(input, ctx) {
      const wanted = arnList(input['SubscriptionArnList']);
      const monitor = typeof input['MonitorArn'] === 'string' ? input['MonitorArn'] : undefined;
      const subscriptions = ctx.world.cost.anomalySubscriptions
        .filter((s) => !wanted || wanted.includes(s.arn))
        .filter((s) => !monitor || s.monitorArns.includes(monitor));
      const { items, next } = page(subscriptions, pageStart(input['NextPageToken'], 'InvalidNextTokenException'), pageSize(input));
      return {
        AnomalySubscriptions: items.map((s) => ({
          SubscriptionArn: s.arn,
          AccountId: ctx.world.account.id,
          MonitorArnList: s.monitorArns,
          Subscribers: s.subscribers.map((x) => ({ Address: x.address, Type: x.type, Status: x.status })),
          Frequency: s.frequency,
          SubscriptionName: s.name,
          ThresholdExpression: { Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: [String(s.threshold)], MatchOptions: ['GREATER_THAN_OR_EQUAL'] } },
        })),
        NextPageToken: next,
      };
    },
  },
};
