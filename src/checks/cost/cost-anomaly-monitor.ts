// cost-anomaly-monitor: a budget fires at a fixed amount; Cost Anomaly Detection notices spend that is unusual for
// this account (a new service, a new region) while it is still small. A monitor alone alerts nobody: it needs a
// subscription that names it.
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check } from '../types.js';

const MONITOR_OPERATIONS = ['ce:GetAnomalyMonitors'];
const SUBSCRIPTION_OPERATIONS = ['ce:GetAnomalySubscriptions'];

const MONITOR_JSON = JSON.stringify({ MonitorName: 'aws-services', MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' });
const SUBSCRIPTION_JSON = JSON.stringify({
  SubscriptionName: 'daily-anomalies',
  MonitorArnList: ['<monitor-arn>'],
  Subscribers: [{ Type: 'EMAIL', Address: '<email>' }],
  Frequency: 'DAILY',
  ThresholdExpression: { Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['10'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] } },
});

export const costAnomalyMonitor: Check = {
  id: 'cost-anomaly-monitor',
  title: 'Cost Anomaly Detection monitors spend and alerts someone',
  area: 'cost',
  severity: 'low',
  sources: ['beyond the seeds'],
  remediation: {
    summary: 'Create a Cost Anomaly Detection monitor of AWS services and a subscription that emails someone about anomalies (e.g. daily, above $10 of impact).',
    console: [
      'Open Billing and Cost Management, then Cost Anomaly Detection',
      'Cost monitors > Create monitor: AWS services, name it, then Next',
      'Create a new subscription: daily summaries, an impact threshold (e.g. $10), your email address; Create monitor',
    ],
    cli: [
      `aws ce create-anomaly-monitor --anomaly-monitor '${MONITOR_JSON}'`,
      `aws ce create-anomaly-subscription --anomaly-subscription '${SUBSCRIPTION_JSON}'`,
      'aws ce get-anomaly-subscriptions',
    ],
  },
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const monitors = snapshot.cost?.anomalyMonitors;
    if (!monitors) return [unknown(snapshot, resource, MONITOR_OPERATIONS)];
    if (!monitors.length) return [fail(resource, 'no Cost Anomaly Detection monitor')];
    const subscriptions = snapshot.cost?.anomalySubscriptions;
    if (!subscriptions) return [unknown(snapshot, resource, SUBSCRIPTION_OPERATIONS)];
    for (const m of monitors) {
      const sub = subscriptions.find((s) => s.monitorArns.includes(m.arn) && s.subscribers.length > 0);
      if (sub) return [pass(resource, `anomaly monitor ${m.name} alerts through subscription ${sub.name} (${sub.frequency})`)];
    }
    return [fail(resource, `anomaly monitor(s) ${monitors.map((m) => m.name).join(', ')} have no subscription with a subscriber`)];
  },
};
