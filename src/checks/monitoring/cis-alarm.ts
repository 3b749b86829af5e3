// The one evaluation the 15 monitoring checks share (CIS 5.1 to 5.15): on the log group the multi-region trail
// delivers to, a metric filter catching the events, an alarm on its metric, an SNS topic with a confirmed subscriber.
// Each check is this function called with its metadata, the way an ESLint rule is data beside shared logic.
//
// One result per check. The trail may deliver to more than one log group (a local and an organization trail): the
// check passes when one of them has the whole chain. A log group of a trail whose qualification hangs on a failed call
// (GetTrailStatus, GetEventSelectors) can fail the check but never pass it.
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { callFailure, mergeRemediations, trailLabel } from '../logging/trails.js';
import { accountResource, fail } from '../support.js';
import type { Check, Outcome, Severity } from '../types.js';
import { judgeLogGroup } from './alarm-chain.js';
import type { MonitoringCheckId } from './filter-pattern/index.js';
import type { Delivery } from './log-groups.js';
import { trailDeliveries } from './log-groups.js';
import type { Where } from './remediation.js';
import { cisAlarmRemediation } from './remediation.js';

export interface CisAlarmSpec {
  id: MonitoringCheckId;
  title: string;
  severity: Severity;
  /** Seeds and the CIS item, as CHECKS.md lists them. */
  sources: string[];
  /** What the metric filter counts, in words (CHECKS.md's "events"), for the fix's summary. */
  events: string;
}

const stripUnknown = (message: string): string => message.replace(/^could not evaluate: /, '');

/** PASS if a sure delivery passes; UNKNOWN if the answer hangs on missing data; otherwise every reason as one FAIL. */
function combine(snapshot: AccountSnapshot, judged: { d: Delivery; o: Outcome }[]): Outcome {
  const passed = judged.find(({ d, o }) => d.trails.length > 0 && o.status === 'PASS');
  if (passed) return passed.o;
  const open = judged
    .filter(({ o }) => o.status !== 'FAIL')
    .map(({ d, o }) =>
      o.status === 'PASS'
        ? `${o.message}, but whether ${d.maybe.map((a) => trailLabel(a.trail)).join(' or ')} qualifies is unknown: ` +
          d.maybe.map((a) => callFailure(snapshot, a.missing, a.trail.homeRegion)).join('; ')
        : stripUnknown(o.message),
    );
  if (open.length > 0) {
    const resource = judged.length === 1 ? judged[0]!.o.resource : accountResource(snapshot);
    return { status: 'UNKNOWN', resource, message: `could not evaluate: ${open.join('; ')}` };
  }
  const resource = judged.length === 1 ? judged[0]!.o.resource : accountResource(snapshot);
  return fail(resource, judged.map(({ o }) => o.message).join('; '), mergeRemediations(judged.flatMap(({ o }) => (o.remediation ? [o.remediation] : []))));
}

export function cisAlarmCheck(spec: CisAlarmSpec): Check {
  const remedy = (where: Where = {}) => cisAlarmRemediation(spec.id, spec.events, where);
  return {
    id: spec.id,
    title: spec.title,
    area: 'monitoring',
    severity: spec.severity,
    sources: spec.sources,
    remediation: remedy(),
    evaluate(snapshot): Outcome[] {
      const read = trailDeliveries(snapshot);
      if (!read.ok) return [read.outcome];
      if (read.deliveries.length === 0) {
        const why = read.rejected.length ? ` (${read.rejected.join('; ')})` : '';
        return [fail(accountResource(snapshot), `no multi-region trail delivers to CloudWatch Logs${why}; see cloudtrail-cloudwatch-logs`, remedy({ noDelivery: true }))];
      }
      return [combine(snapshot, read.deliveries.map((d) => ({ d, o: judgeLogGroup(snapshot, spec.id, d.logGroup, remedy) })))];
    },
  };
}
