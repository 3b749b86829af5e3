// CloudWatch Logs metric filters on the trails' log groups in one region: one paginated call per log group.
// Without the trails (not collected, or their call failed), every filter of the region, one paginated call.
import { CloudWatchLogsClient, DescribeMetricFiltersCommand, type MetricFilter as AwsMetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import { awsErrorCode } from '../../aws/errors.js';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { MetricFilter } from '../schema/regional.js';
import { trailLogGroups } from './where.js';

/** DescribeMetricFilters' `limit` ceiling. */
const PAGE_SIZE = 50;

export const toMetricFilter = (f: AwsMetricFilter): MetricFilter => ({
  name: f.filterName ?? '',
  logGroupName: f.logGroupName ?? '',
  pattern: f.filterPattern ?? '',
  metricTransformations: (f.metricTransformations ?? []).map((t) => ({ metricName: t.metricName ?? '', metricNamespace: t.metricNamespace ?? '' })),
});

export async function collectMetricFilters(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<MetricFilter[]> {
  const logs = session.client(CloudWatchLogsClient, { region });
  const list = (logGroupName: string | undefined) =>
    allPages(async (token) => {
      const out = await rc.timed((abortSignal) =>
        logs.send(new DescribeMetricFiltersCommand({ logGroupName, limit: PAGE_SIZE, nextToken: token }), { abortSignal }),
      );
      return { items: out.metricFilters, next: out.nextToken };
    });

  const groups = trailLogGroups(rc.inputs)?.filter((g) => g.region === region);
  return call(failures, { service: 'logs', operation: 'DescribeMetricFilters', region }, async () => {
    if (!groups) return (await list(undefined)).map(toMetricFilter);
    const perGroup = await Promise.all(
      groups.map(async (g) => {
        try {
          return await list(g.name);
        } catch (err) {
          // A trail can name a log group that was deleted since (or that another account owns): it has no filters here.
          if (awsErrorCode(err) === 'ResourceNotFoundException') return [];
          throw err;
        }
      }),
    );
    return perGroup.flat().map(toMetricFilter);
  });
}
