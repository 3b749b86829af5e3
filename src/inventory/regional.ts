// The regional fan-out: every collector of REGIONAL_COLLECTORS runs in each region it applies to, all of them
// at once through one bounded pool, each AWS call under a deadline. A region that does not answer costs one
// deadline, not the audit: its first timeout marks it silent, the calls still queued for it fail at once, and
// its sections stay absent with the failure recorded against the region.
//
// Adding a regional collector: write `collect(session, region, failures, call)` in a file of its area
// (e.g. src/inventory/kms/keys.ts) returning the value of one RegionFacts section; send every AWS call through
// `call.timed((abortSignal) => client.send(command, { abortSignal }))` so the deadline applies; record failures
// with call()/attempt() from context.ts passing `region`; then add one entry to REGIONAL_COLLECTORS below, with the
// `areas` whose checks read it (so `--check identity` asks no region anything) and, if the checks need only some
// regions, a `regions` function. Nothing else changes: collect.ts runs the table, and the entry's section appears in
// snapshot.regional[region].
import { DeadlineError, withDeadline } from '../aws/deadline.js';
import { createLimiter } from '../aws/limiter.js';
import type { Session } from '../aws/session.js';
import { FailureLog, RecordedFailure, type CollectArea, type ProgressEvent } from './context.js';
import { collectConfigRecorders } from './config/recorders.js';
import { collectConfigRules } from './config/rules.js';
import { collectAccessAnalyzers } from './exposure/access-analyzer.js';
import { collectGuardDutyDetectors } from './exposure/guardduty.js';
import { collectSecurityHub } from './exposure/security-hub.js';
import { collectKmsKeys } from './kms/keys.js';
import { collectAlarms } from './monitoring/alarms.js';
import { collectEventRules, eventRuleRegions } from './monitoring/event-rules.js';
import { collectMetricFilters } from './monitoring/metric-filters.js';
import { collectSnsSubscriptions } from './monitoring/sns-subscriptions.js';
import { alarmRegions, metricFilterRegions } from './monitoring/where.js';
import type { AccountSnapshot, SnapshotError } from './snapshot.js';
import type { RegionFacts } from './schema/regional.js';

/** What is known before the fan-out starts: the regions, and the global sections collected first (trails). */
export interface FanOutInputs {
  /** The regions to collect in (enabled, limited by --regions). */
  readonly audited: readonly string[];
  /** The global logging section, when it was collected: where the trails deliver their logs. */
  readonly logging?: AccountSnapshot['logging'];
}

/** Given to each collector for each of its calls. */
export interface RegionCall {
  /**
   * Runs one AWS call under the per-call deadline. Pass the signal to the SDK:
   * `call.timed((abortSignal) => client.send(command, { abortSignal }))`. Rejects with a TimeoutError (DeadlineError)
   * when the region does not answer in time, or at once when it already failed to answer another call.
   */
  timed<T>(fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T>;
  /** What was known before the fan-out (the trails' log groups, say). */
  readonly inputs: FanOutInputs;
}

export interface RegionalCollector<K extends keyof RegionFacts = keyof RegionFacts> {
  /** The RegionFacts section it fills. */
  readonly section: K;
  /** The call its unexpected failures (and timeouts) are filed under, as in snapshot.errors: `cloudwatch`, `DescribeAlarms`. */
  readonly service: string;
  readonly operation: string;
  /** Progress step, `service:concern`; the event also carries the region. */
  readonly step: string;
  /** The areas whose checks read the section; absent: it runs whenever the fan-out does. */
  readonly areas?: readonly CollectArea[];
  /** The regions it runs in; default every audited region. Return a subset when the checks only need some. */
  regions?(inputs: FanOutInputs): readonly string[];
  /** The section's value; null where the section allows it ("collected: none", as Security Hub not subscribed). */
  collect(session: Session, region: string, failures: FailureLog, call: RegionCall): Promise<Exclude<RegionFacts[K], undefined>>;
}

/** Keeps each entry's section and collect() in step while the table holds many sections. */
const regional = <K extends keyof RegionFacts>(collector: RegionalCollector<K>): RegionalCollector => collector as unknown as RegionalCollector;

export const REGIONAL_COLLECTORS: readonly RegionalCollector[] = [
  // Monitoring (and the billing alarm of the cost area): only where the trails' log groups live, plus us-east-1.
  regional({
    section: 'alarms',
    service: 'cloudwatch',
    operation: 'DescribeAlarms',
    step: 'cloudwatch:alarms',
    areas: ['cost', 'monitoring'],
    regions: alarmRegions,
    collect: collectAlarms,
  }),
  regional({
    section: 'metricFilters',
    service: 'logs',
    operation: 'DescribeMetricFilters',
    step: 'logs:metric-filters',
    areas: ['monitoring'],
    regions: metricFilterRegions,
    collect: collectMetricFilters,
  }),
  regional({
    section: 'snsSubscriptions',
    service: 'sns',
    operation: 'ListSubscriptions',
    step: 'sns:subscriptions',
    areas: ['cost', 'monitoring'],
    regions: alarmRegions,
    collect: collectSnsSubscriptions,
  }),
  // The root sign-in rule `rampart apply` plans (no check reads it): us-east-1 only, where those events arrive.
  regional({
    section: 'eventRules',
    service: 'events',
    operation: 'ListRules',
    step: 'events:rules',
    areas: ['monitoring'],
    regions: eventRuleRegions,
    collect: collectEventRules,
  }),
  // Logging and exposure: every audited region, one result each (a detector, an analyzer, a recorder protect their region only).
  regional({ section: 'kmsKeys', service: 'kms', operation: 'ListKeys', step: 'kms:keys', areas: ['logging'], collect: collectKmsKeys }),
  regional({
    section: 'configRecorders',
    service: 'config',
    operation: 'DescribeConfigurationRecorders',
    step: 'config:recorders',
    areas: ['logging'],
    collect: collectConfigRecorders,
  }),
  regional({ section: 'configRules', service: 'config', operation: 'DescribeConfigRules', step: 'config:rules', areas: ['logging'], collect: collectConfigRules }),
  regional({
    section: 'accessAnalyzers',
    service: 'access-analyzer',
    operation: 'ListAnalyzers',
    step: 'access-analyzer:analyzers',
    areas: ['exposure'],
    collect: collectAccessAnalyzers,
  }),
  regional({ section: 'guardDutyDetectors', service: 'guardduty', operation: 'ListDetectors', step: 'guardduty:detectors', areas: ['exposure'], collect: collectGuardDutyDetectors }),
  regional({ section: 'securityHub', service: 'securityhub', operation: 'DescribeHub', step: 'securityhub:hub', areas: ['exposure'], collect: collectSecurityHub }),
];

export interface FanOutOptions {
  /** Calls in flight at once, across all regions. */
  readonly concurrency: number;
  /** Deadline of one AWS call, retries included. */
  readonly callTimeoutMs: number;
  readonly report: (event: ProgressEvent) => void;
  /** Entries with `areas` run only when one of them is here; default: all. */
  readonly scope?: ReadonlySet<CollectArea>;
  readonly collectors?: readonly RegionalCollector[];
}

export interface FanOutResult {
  /** One entry (maybe empty) for every audited region. */
  readonly facts: Record<string, RegionFacts>;
  /** In table order, then region order: the same list whichever region answered first. */
  readonly errors: SnapshotError[];
}

/** Runs the table over the regions. Never throws for a failed call: its section is absent, the failure in `errors`. */
export async function collectRegional(session: Session, inputs: FanOutInputs, options: FanOutOptions): Promise<FanOutResult> {
  const { report } = options;
  const { scope } = options;
  const collectors = (options.collectors ?? REGIONAL_COLLECTORS).filter((c) => !scope || !c.areas || c.areas.some((a) => scope.has(a)));
  const limit = createLimiter(options.concurrency);
  const facts: Record<string, RegionFacts> = Object.fromEntries(inputs.audited.map((r) => [r, {}]));
  /** Regions that let a call run out its deadline, with the first such call: the rest are not sent there. */
  const silent = new Map<string, string>();

  const timedIn =
    (region: string, what: string) =>
    <T>(fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> => {
      const first = silent.get(region);
      if (first) return Promise.reject(new DeadlineError(`${what} in ${region}: not sent, the region did not answer ${first}`));
      return withDeadline(options.callTimeoutMs, `${what} in ${region}`, fn).catch((err: unknown) => {
        if (err instanceof DeadlineError && !silent.has(region)) silent.set(region, `${what} within ${options.callTimeoutMs} ms`);
        throw err;
      });
    };

  const runOne = async (collector: RegionalCollector, region: string, failures: FailureLog): Promise<void> => {
    const { step, service, operation, section } = collector;
    report({ step, region, state: 'start' });
    try {
      const call: RegionCall = { timed: timedIn(region, `${service}:${operation}`), inputs };
      const value = await collector.collect(session, region, failures, call);
      (facts[region] ??= {})[section] = value as never;
      const partial = failures.entries[0];
      report(partial ? { step, region, state: 'error', error: { code: partial.code, message: partial.message } } : { step, region, state: 'done' });
    } catch (err) {
      // A bug or an unreadable answer in one collector is recorded like a failed call, never thrown.
      const failure = err instanceof RecordedFailure ? err.failure : failures.record(service, operation, err, region).failure;
      report({ step, region, state: 'error', error: { code: failure.code, message: failure.message } });
    }
  };

  const audited = new Set(inputs.audited);
  const logs: FailureLog[] = [];
  const tasks = collectors.flatMap((collector) =>
    (collector.regions?.(inputs) ?? inputs.audited)
      .filter((region) => audited.has(region))
      .map((region) => {
        const failures = new FailureLog();
        logs.push(failures);
        return limit(() => runOne(collector, region, failures));
      }),
  );
  await Promise.all(tasks);
  return { facts, errors: logs.flatMap((log) => log.entries) };
}
