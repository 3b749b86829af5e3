// Cost Anomaly Detection: its monitors, and the subscriptions that say whom an anomaly is sent to.
// Two paginated calls for the account; each fills its own section, so one can fail without the other.
import { CostExplorerClient, GetAnomalyMonitorsCommand, GetAnomalySubscriptionsCommand } from '@aws-sdk/client-cost-explorer';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { CostFacts } from '../schema/cost.js';
import type { Timed } from '../timed.js';
import { billingRegion } from './where.js';

const PAGE_SIZE = 100;

const client = (session: Session) => session.client(CostExplorerClient, { region: billingRegion(session.region) });

export async function collectAnomalyMonitors(session: Session, failures: FailureLog, timed: Timed): Promise<NonNullable<CostFacts['anomalyMonitors']>> {
  const ce = client(session);
  return call(failures, { service: 'ce', operation: 'GetAnomalyMonitors' }, async () => {
    const monitors = await allPages(async (token) => {
      const out = await timed('ce:GetAnomalyMonitors', (abortSignal) => ce.send(new GetAnomalyMonitorsCommand({ MaxResults: PAGE_SIZE, NextPageToken: token }), { abortSignal }));
      return { items: out.AnomalyMonitors, next: out.NextPageToken };
    });
    return monitors.map((m) => ({ arn: m.MonitorArn ?? '', name: m.MonitorName ?? '', type: m.MonitorType ?? '' }));
  });
}

export async function collectAnomalySubscriptions(
  session: Session,
  failures: FailureLog,
  timed: Timed,
): Promise<NonNullable<CostFacts['anomalySubscriptions']>> {
  const ce = client(session);
  return call(failures, { service: 'ce', operation: 'GetAnomalySubscriptions' }, async () => {
    const subscriptions = await allPages(async (token) => {
      const out = await timed('ce:GetAnomalySubscriptions', (abortSignal) => ce.send(new GetAnomalySubscriptionsCommand({ MaxResults: PAGE_SIZE, NextPageToken: token }), { abortSignal }));
      return { items: out.AnomalySubscriptions, next: out.NextPageToken };
    });
    return subscriptions.map((s) => ({
      arn: s.SubscriptionArn ?? '',
      name: s.SubscriptionName ?? '',
      monitorArns: s.MonitorArnList ?? [],
      frequency: s.Frequency ?? '',
      // A DECLINED subscriber receives nothing: it is left out, as if it were not there.
      subscribers: (s.Subscribers ?? []).filter((x) => x.Status !== 'DECLINED').map((x) => ({ type: x.Type ?? '', address: x.Address ?? '' })),
    }));
  });
}
