// CloudWatch Logs: awsJson1_1, `Logs_20140328.Op`, signs as `logs`. The log groups and metric filters of the
// request's region (scenario `regional.*.logGroups` and `.metricFilters`); a group a filter names exists even
// when `logGroups` does not list it; CreateLogGroup and PutMetricFilter change them. Logs gives times as epoch
// milliseconds (plain numbers), not timestamps.
import { ApiError } from '../errors.js';
import type { LogGroupFacts, MetricFilterFacts } from '../scenario-monitoring.js';
import type { JsonService, RequestContext } from '../service.js';
import { at, byName, factsHere, ownFacts, page, pageStart, regionOf, required } from './region-facts.js';

const MAX_LIMIT = 50;

function limitOf(input: Readonly<Record<string, unknown>>): number {
  const n = input['limit'] ?? MAX_LIMIT;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new ApiError('InvalidParameterException', `1 validation error detected: Value '${String(n)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${MAX_LIMIT}`, 400);
  }
  return n;
}

/** The region's groups: the listed ones, then those only metric filters name, by name as the service sorts them. */
function groupsHere(ctx: RequestContext): LogGroupFacts[] {
  const facts = factsHere(ctx);
  const groups = new Map((facts.logGroups ?? []).map((g) => [g.name, g]));
  for (const f of facts.metricFilters ?? []) if (!groups.has(f.logGroup)) groups.set(f.logGroup, { name: f.logGroup, created: '-300d' });
  return [...groups.values()].sort((a, b) => byName(a.name, b.name));
}

const filtersHere = (ctx: RequestContext): MetricFilterFacts[] =>
  [...(factsHere(ctx).metricFilters ?? [])].sort((a, b) => byName(a.logGroup, b.logGroup) || byName(a.name, b.name));

function groupArn(name: string, ctx: RequestContext): string {
  return `arn:${ctx.world.account.partition}:logs:${regionOf(ctx)}:${ctx.world.account.id}:log-group:${name}`;
}

const optionalString = (input: Readonly<Record<string, unknown>>, key: string): string | undefined =>
  typeof input[key] === 'string' && input[key] !== '' ? input[key] : undefined;

export const logs: JsonService = {
  name: 'logs',
  signingName: 'logs',
  protocol: 'awsJson1_1',
  targetPrefix: 'Logs_20140328',
  operations: {
    DescribeMetricFilters(input, ctx) {
      const group = optionalString(input, 'logGroupName');
      const namePrefix = optionalString(input, 'filterNamePrefix');
      const metricName = optionalString(input, 'metricName');
      const metricNamespace = optionalString(input, 'metricNamespace');
      if (namePrefix && !group) throw new ApiError('InvalidParameterException', 'If filterNamePrefix is specified, logGroupName must also be specified.', 400);
      if (Boolean(metricName) !== Boolean(metricNamespace)) {
        throw new ApiError('InvalidParameterException', 'metricName and metricNamespace must be specified together.', 400);
      }
      if (group && !groupsHere(ctx).some((g) => g.name === group)) throw new ApiError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
      const filters = filtersHere(ctx)
        .filter((f) => !group || f.logGroup === group)
        .filter((f) => !namePrefix || f.name.startsWith(namePrefix))
        .filter((f) => !metricName || (f.metricName === metricName && f.metricNamespace === metricNamespace));
      const { items, next } = page(filters, pageStart(input['nextToken'], 'InvalidParameterException'), limitOf(input));
      const created = at('-300d', ctx).getTime();
      return {
        metricFilters: items.map((f) => ({
          filterName: f.name,
          filterPattern: f.pattern,
          metricTransformations: [{ metricName: f.metricName, metricNamespace: f.metricNamespace, metricValue: f.metricValue }],
          creationTime: created,
          logGroupName: f.logGroup,
          applyOnTransformedLogs: false,
        })),
        nextToken: next,
      };
    },
    DescribeLogGroups(input, ctx) {
      const prefix = optionalString(input, 'logGroupNamePrefix');
      const pattern = optionalString(input, 'logGroupNamePattern');
      if (prefix && pattern) throw new ApiError('InvalidParameterException', 'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.', 400);
      const filters = filtersHere(ctx);
      const groups = groupsHere(ctx)
        .filter((g) => !prefix || g.name.startsWith(prefix))
        .filter((g) => !pattern || g.name.toLowerCase().includes(pattern.toLowerCase()));
      const { items, next } = page(groups, pageStart(input['nextToken'], 'InvalidParameterException'), limitOf(input));
      return {
        logGroups: items.map((g) => ({
          logGroupName: g.name,
          creationTime: at(g.created, ctx).getTime(),
          retentionInDays: g.retentionDays,
          metricFilterCount: filters.filter((f) => f.logGroup === g.name).length,
          arn: `${groupArn(g.name, ctx)}:*`,
          logGroupArn: groupArn(g.name, ctx),
          storedBytes: 0,
          kmsKeyId: g.kmsKeyId,
          logGroupClass: 'STANDARD',
        })),
        nextToken: next,
      };
    },
    // The writes apply makes: the trail's log group, the CIS metric filters on it.
    CreateLogGroup(input, ctx) {
      const name = required(input, 'logGroupName', 'InvalidParameterException');
      if (!/^[\w#/.-]{1,512}$/.test(name)) throw new ApiError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint`, 400);
      if (groupsHere(ctx).some((g) => g.name === name)) throw new ApiError('ResourceAlreadyExistsException', 'The specified log group already exists', 400);
      ownFacts(ctx, 'logGroups').push({ name, created: ctx.now.toISOString(), ...(typeof input['kmsKeyId'] === 'string' ? { kmsKeyId: input['kmsKeyId'] } : {}) });
      return {};
    },
    PutMetricFilter(input, ctx) {
      const group = required(input, 'logGroupName', 'InvalidParameterException');
      const name = required(input, 'filterName', 'InvalidParameterException');
      const pattern = typeof input['filterPattern'] === 'string' ? input['filterPattern'] : undefined;
      if (pattern === undefined) throw new ApiError('InvalidParameterException', "1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null", 400);
      if (!groupsHere(ctx).some((g) => g.name === group)) throw new ApiError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
      const transformations = Array.isArray(input['metricTransformations']) ? (input['metricTransformations'] as Record<string, unknown>[]) : [];
      const t = transformations[0];
      if (transformations.length !== 1 || typeof t?.['metricName'] !== 'string' || typeof t['metricNamespace'] !== 'string' || typeof t['metricValue'] !== 'string') {
        throw new ApiError('InvalidParameterException', 'Exactly one metric transformation with metricName, metricNamespace and metricValue is required.', 400);
      }
      const filter = { name, logGroup: group, pattern, metricName: t['metricName'], metricNamespace: t['metricNamespace'], metricValue: t['metricValue'] };
      const filters = ownFacts(ctx, 'metricFilters');
      const existing = filters.findIndex((f) => f.logGroup === group && f.name === name);
      // A filter of the same name on the group is replaced, as put-metric-filter does.
      if (existing >= 0) filters.splice(existing, 1, filter);
      else filters.push(filter);
      return {};
    },
  },
};
