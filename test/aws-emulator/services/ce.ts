// Cost Explorer: awsJson1_1, `AWSInsightsIndexService.Op`, signs as `ce`, global (us-east-1). Cost Anomaly
// Detection's monitors and subscriptions (scenario `anomalyMonitors`, `anomalySubscriptions`). Cost Explorer
// gives dates as `YYYY-MM-DD` strings, not timestamps.
import { ApiError } from '../errors.js';
import type { JsonService } from '../service.js';
import { page, pageStart } from './region-facts.js';

const DEFAULT_PAGE = 100;

const day = (d: Date): string => d.toISOString().slice(0, 10);

function pageSize(input: Readonly<Record<string, unknown>>): number {
  const n = input['MaxResults'] ?? DEFAULT_PAGE;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ApiError('ValidationException', 'MaxResults must be a positive integer', 400);
  return n;
}

const arnList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length ? value.filter((v): v is string => typeof v === 'string') : undefined;

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
