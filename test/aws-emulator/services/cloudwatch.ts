// CloudWatch: awsJson1_0, `GraniteServiceVersion20100801.Op`, signs as `monitoring`, query-compatible: errors also
// carry the old awsQuery code in `x-amzn-query-error`, which the SDK puts in `Code` (AccessDenied, Throttling).
// The metric alarms of the request's region (scenario `regional.*.alarms`); actions naming a topic become its ARN.
// PutMetricAlarm creates or replaces one in the region's own facts.
import { ApiError } from '../errors.js';
import type { AlarmFacts } from '../scenario-monitoring.js';
import type { JsonService, RequestContext } from '../service.js';
import { byName, factsHere, ownFacts, page, pageStart, regionOf } from './region-facts.js';

const MAX_RECORDS = 100;
/** The coral type in the body, the query code in the header: what the SDK sees from the real service. */
const coral = (type: string) => ({ __type: `com.amazon.coral.service#${type}` });

function actionArn(action: string, ctx: RequestContext): string {
  return action.startsWith('arn:') ? action : `arn:${ctx.world.account.partition}:sns:${regionOf(ctx)}:${ctx.world.account.id}:${action}`;
}

function wireAlarm(a: AlarmFacts, ctx: RequestContext) {
  const { id: account, partition, created } = ctx.world.account;
  const since = new Date(Math.max(created.getTime(), ctx.now.getTime() - 30 * 86_400_000));
  return {
    AlarmName: a.name,
    AlarmArn: `arn:${partition}:cloudwatch:${regionOf(ctx)}:${account}:alarm:${a.name}`,
    AlarmConfigurationUpdatedTimestamp: since,
    ActionsEnabled: a.actionsEnabled,
    OKActions: [],
    AlarmActions: a.actions.map((action) => actionArn(action, ctx)),
    InsufficientDataActions: [],
    StateValue: a.state,
    StateReason: a.state === 'ALARM' ? 'Threshold Crossed' : 'Threshold not crossed',
    StateUpdatedTimestamp: since,
    StateTransitionedTimestamp: since,
    MetricName: a.metricName,
    Namespace: a.namespace,
    Statistic: a.statistic,
    Dimensions: Object.entries(a.dimensions).map(([Name, Value]) => ({ Name, Value })),
    Period: a.period,
    EvaluationPeriods: a.evaluationPeriods,
    DatapointsToAlarm: a.evaluationPeriods,
    Threshold: a.threshold,
    ComparisonOperator: a.comparison,
    TreatMissingData: 'notBreaching',
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export const cloudwatch: JsonService = {
  name: 'cloudwatch',
  signingName: 'monitoring',
  protocol: 'awsJson1_0',
  targetPrefix: 'GraniteServiceVersion20100801',
  queryCompatible: true,
  faultErrors: {
    AccessDenied: () =>
      new ApiError('AccessDenied', 'User is not authorized to perform: cloudwatch:DescribeAlarms (injected fault)', 403, 'Sender', coral('AccessDeniedException')),
    Throttling: () => new ApiError('Throttling', 'Rate exceeded', 400, 'Sender', coral('ThrottlingException')),
  },
  operations: {
    // Creates the alarm, or replaces the one of that name (as AWS does); a new alarm has no data yet.
    PutMetricAlarm(input, ctx) {
      const invalid = (member: string) => new ApiError('ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`, 400, 'Sender', coral('ValidationException'));
      const text = (member: string): string => {
        const v = input[member];
        if (typeof v !== 'string' || !v) throw invalid(member);
        return v;
      };
      const num = (member: string, fallback?: number): number => {
        const v = input[member] ?? fallback;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(member);
        return v;
      };
      const statistic = (input['Statistic'] ?? 'Sum') as AlarmFacts['statistic'];
      const comparison = text('ComparisonOperator') as AlarmFacts['comparison'];
      const dimensions = Array.isArray(input['Dimensions'])
        ? Object.fromEntries((input['Dimensions'] as { Name?: unknown; Value?: unknown }[]).map((d) => [String(d.Name), String(d.Value)]))
        : {};
      const alarms = ownFacts(ctx, 'alarms');
      const name = text('AlarmName');
      const previous = alarms.findIndex((a) => a.name === name);
      const alarm: AlarmFacts = {
        name,
        namespace: text('Namespace'),
        metricName: text('MetricName'),
        dimensions,
        statistic,
        period: num('Period'),
        evaluationPeriods: num('EvaluationPeriods'),
        threshold: num('Threshold'),
        comparison,
        actions: stringList(input['AlarmActions']) ?? [],
        actionsEnabled: input['ActionsEnabled'] !== false,
        state: previous >= 0 ? (alarms[previous]?.state ?? 'INSUFFICIENT_DATA') : 'INSUFFICIENT_DATA',
      };
      if (previous >= 0) alarms[previous] = alarm;
      else alarms.push(alarm);
      return {};
    },
    DescribeAlarms(input, ctx) {
      const size = input['MaxRecords'] ?? MAX_RECORDS;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_RECORDS) {
        throw new ApiError('InvalidParameterValue', `MaxRecords must be between 1 and ${MAX_RECORDS}`, 400, 'Sender', coral('InvalidParameterValueException'));
      }
      // Without AlarmTypes only metric alarms are listed; the emulator has no composite ones.
      const types = stringList(input['AlarmTypes']) ?? ['MetricAlarm'];
      const names = stringList(input['AlarmNames']);
      const prefix = typeof input['AlarmNamePrefix'] === 'string' ? input['AlarmNamePrefix'] : undefined;
      const state = typeof input['StateValue'] === 'string' ? input['StateValue'] : undefined;
      const actionPrefix = typeof input['ActionPrefix'] === 'string' ? input['ActionPrefix'] : undefined;
      const alarms = (types.includes('MetricAlarm') ? (factsHere(ctx).alarms ?? []) : [])
        .filter((a) => !names || names.includes(a.name))
        .filter((a) => !prefix || a.name.startsWith(prefix))
        .filter((a) => !state || a.state === state)
        .filter((a) => !actionPrefix || a.actions.some((action) => actionArn(action, ctx).startsWith(actionPrefix)))
        .sort((a, b) => byName(a.name, b.name));
      const { items, next } = page(alarms, pageStart(input['NextToken'], 'InvalidNextToken'), size);
      return { MetricAlarms: items.map((a) => wireAlarm(a, ctx)), CompositeAlarms: [], NextToken: next };
    },
  },
};
