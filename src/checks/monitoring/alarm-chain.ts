// One monitoring check on one log group: metric filters that catch the events -> an alarm on their metric -> an SNS
// topic with a confirmed subscriber. Each link is judged in that order and the first broken one is the message.
//
// Decisions:
// - Several filters count together (the judge's union), and so do their alarms: the check passes when the filters
//   whose metric has an alarm that reaches someone together catch every event. One filter per event, each with its
//   own alarm, is as good as one filter for all; a filter without a working alarm adds nothing.
// - An alarm watches a filter when its namespace and metric name are one of the filter's metric transformations, in
//   the log group's region (a metric filter publishes there, and alarms see only their own region's metrics).
// - A missing section is UNKNOWN only when it could change the answer: filters known to miss an event FAIL even if
//   the alarms could not be read, and unread subscriptions turn a FAIL into UNKNOWN only if they could make it pass.
import type { Alarm, MetricFilter } from '../../inventory/schema/regional.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { AlarmReach } from '../alarm-notification.js';
import { alarmReach, LIST_SUBSCRIPTIONS } from '../alarm-notification.js';
import { listing } from '../logging/text.js';
import { fail, pass, unknownInRegion } from '../support.js';
import type { Outcome, Remediation } from '../types.js';
import type { MonitoringCheckId } from './filter-pattern/index.js';
import { CIS_EVENTS, describeOverBroad, judgeAny } from './filter-pattern/index.js';
import type { LogGroup } from './log-groups.js';
import type { Where } from './remediation.js';

export const DESCRIBE_METRIC_FILTERS = 'logs:DescribeMetricFilters';
export const DESCRIBE_ALARMS = 'cloudwatch:DescribeAlarms';

interface Watched {
  filter: MetricFilter;
  /** The filter catches at least one required event alone: worth naming in a message. */
  relevant: boolean;
  reaches: AlarmReach[];
}

const onMetricOf = (f: MetricFilter, a: Alarm): boolean =>
  f.metricTransformations.some((t) => t.metricNamespace === a.namespace && t.metricName === a.metricName);
const metricsOf = (f: MetricFilter): string => f.metricTransformations.map((t) => `${t.metricNamespace}/${t.metricName}`).join(', ');
const covers = (id: MonitoringCheckId, ws: readonly Watched[]): boolean => judgeAny(id, ws.map((w) => w.filter.pattern)).ok;
type Reached = Extract<AlarmReach, { status: 'PASS' }>;
const isReach = (r: AlarmReach): r is Reached => r.status === 'PASS';
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** "metric filter x on log group g (r) misses A" / "metric filters x and y on log group g (r) miss A". */
function filtersMiss(group: LogGroup, filters: readonly MetricFilter[], reason: string): string {
  const where = `log group ${group.name} (${group.region})`;
  if (filters.length === 0) return `no metric filter on ${where}`;
  const names = filters.map((f) => f.name);
  // The judge numbers unparsable patterns in the order given; name the filter instead.
  const named = reason.replace(/cannot parse pattern (\d+)/g, (_m, i: string) => `cannot parse ${names[Number(i) - 1] ?? `pattern ${i}`}`);
  const one = filters.length === 1;
  const subject = `${one ? 'metric filter' : 'metric filters'} ${listing(names)} on ${where}`;
  if (named.startsWith('misses ')) return `${subject} ${one ? named : named.replace(/^misses /, 'miss ')}`;
  return `${subject}: ${named}`;
}

export function judgeLogGroup(snapshot: AccountSnapshot, id: MonitoringCheckId, group: LogGroup, remedy: (where: Where) => Remediation): Outcome {
  const resource = group.arn;
  const where: Where = { logGroup: group.name, region: group.region };
  // Its filters and alarms live in that account; an audit of this one cannot read them.
  if (group.account && group.account !== snapshot.account.id) {
    return {
      status: 'UNKNOWN',
      resource,
      message: `could not evaluate: log group ${group.name} belongs to account ${group.account}; its metric filters and alarms can only be read there (audit that account)`,
    };
  }
  const facts = snapshot.regional[group.region];
  const filters = facts?.metricFilters;
  if (!filters) return unknownInRegion(snapshot, resource, [DESCRIBE_METRIC_FILTERS], group.region);
  const onGroup = filters.filter((f) => f.logGroupName === group.name);
  const all = judgeAny(id, onGroup.map((f) => f.pattern));
  if (!all.ok) return fail(resource, filtersMiss(group, onGroup, all.reason), remedy(where));

  const alarms = facts.alarms;
  if (!alarms) return unknownInRegion(snapshot, resource, [DESCRIBE_ALARMS], group.region);
  const required = CIS_EVENTS[id].mustMatch.length;
  const watched: Watched[] = onGroup.map((filter) => {
    const alone = judgeAny(id, [filter.pattern]);
    return {
      filter,
      relevant: alone.ok || alone.missed.length < required,
      reaches: alarms.filter((a) => onMetricOf(filter, a)).map((a) => alarmReach(a, facts.snsSubscriptions)),
    };
  });

  const alarmed = watched.filter((w) => w.reaches.length > 0);
  if (!covers(id, alarmed)) {
    const missing = watched.filter((w) => w.relevant && w.reaches.length === 0);
    const message = missing
      .map((w) =>
        w.filter.metricTransformations.length
          ? `no alarm on ${metricsOf(w.filter)} (metric filter ${w.filter.name} on log group ${group.name}, ${group.region})`
          : `metric filter ${w.filter.name} on log group ${group.name} (${group.region}) publishes no metric, so no alarm can watch it`,
      )
      .join('; ');
    return fail(resource, message, remedy(where));
  }

  const notifying = watched.flatMap((w) => {
    const r = w.reaches.find(isReach);
    return r ? [{ w, r }] : [];
  });
  const judged = judgeAny(id, notifying.map(({ w }) => w.filter.pattern));
  if (judged.ok) {
    const chains = notifying
      .filter(({ w }) => w.relevant)
      .map(({ w, r }) => `metric filter ${w.filter.name} feeds alarm ${r.alarm.name}, which notifies topic ${r.topicArn} (${r.confirmed} confirmed ${plural(r.confirmed, 'subscription', 'subscriptions')})`);
    const note = describeOverBroad(judged.overBroad);
    return pass(resource, `log group ${group.name} (${group.region}): ${chains.join('; ')}${note ? `; note: ${note}` : ''}`);
  }

  const maybe = watched.filter((w) => w.reaches.some((r) => r.status !== 'FAIL'));
  if (covers(id, maybe)) return unknownInRegion(snapshot, resource, [LIST_SUBSCRIPTIONS], group.region);

  // Filters that matter, with alarms, none of which reaches anyone: every reason, each once.
  const failures = watched
    .filter((w) => w.relevant && w.reaches.length > 0 && w.reaches.every((r) => r.status === 'FAIL'))
    .flatMap((w) => w.reaches.flatMap((r) => (r.status === 'FAIL' ? [r] : [])));
  const message = [...new Set(failures.map((r) => (r.topicArn ? `alarm ${r.alarm.name}: ${r.message}` : r.message)))].join('; ');
  const topicArn = failures.find((r) => r.topicArn)?.topicArn;
  return fail(resource, message, remedy(topicArn ? { ...where, topicArn } : where));
}
