// CloudWatch metric alarms of one region: what they watch and whom they notify. One paginated call for the
// region, never one per alarm. Composite alarms are left out: no check reads them, and their actions say
// nothing about which metric is watched.
import { CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { Alarm } from '../schema/regional.js';

/** DescribeAlarms' MaxRecords ceiling. */
const PAGE_SIZE = 100;

export const toAlarm = (a: MetricAlarm): Alarm => ({
  name: a.AlarmName ?? '',
  arn: a.AlarmArn ?? '',
  // A metric-math alarm has Metrics instead of one metric: no namespace or name of its own.
  namespace: a.Namespace ?? null,
  metricName: a.MetricName ?? null,
  dimensions: Object.fromEntries((a.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? ''])),
  threshold: a.Threshold ?? null,
  comparisonOperator: a.ComparisonOperator ?? null,
  actionsEnabled: a.ActionsEnabled ?? false,
  alarmActions: a.AlarmActions ?? [],
  stateValue: a.StateValue ?? null,
});

export async function collectAlarms(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<Alarm[]> {
  const cloudwatch = session.client(CloudWatchClient, { region });
  return call(failures, { service: 'cloudwatch', operation: 'DescribeAlarms', region }, async () => {
    const alarms = await allPages(async (token) => {
      const out = await rc.timed((abortSignal) =>
        cloudwatch.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: PAGE_SIZE, NextToken: token }), { abortSignal }),
      );
      return { items: out.MetricAlarms, next: out.NextToken };
    });
    return alarms.map(toAlarm);
  });
}
