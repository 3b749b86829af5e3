// Every monitoring check, table-driven: the catalogue of CHECKS.md, CIS's own chain passes, nothing on the log group
// fails, and no snapshot makes one throw. The shared evaluation's cases are in cis-alarm.test.ts.
import { describe, expect, it } from 'vitest';
import {
  SECURITY_TOPIC,
  TRAIL_LOG_GROUP,
  TRAIL_LOG_GROUP_ARN,
  cisAlarmFacts,
  metricAlarm,
  metricFilter,
  monitoringSnapshot,
  options,
  snapshot,
  snsSubscriptionTo,
  withError,
} from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { STATUSES } from '../types.js';
import type { MonitoringCheckId } from './filter-pattern/index.js';
import { CIS_EVENTS, MONITORING_CHECK_IDS } from './filter-pattern/index.js';
import { monitoringChecks } from './index.js';

/** CHECKS.md "monitoring": id, severity, sources. */
const CATALOGUE: [MonitoringCheckId, string, string[]][] = [
  ['alarm-unauthorized-api-calls', 'low', ['CIS 5.1']],
  ['alarm-console-login-without-mfa', 'medium', ['seed 003', 'CIS 5.2']],
  ['alarm-root-usage', 'high', ['seed 003', 'CIS 5.3']],
  ['alarm-iam-policy-changes', 'medium', ['seed 003', 'CIS 5.4']],
  ['alarm-cloudtrail-changes', 'medium', ['CIS 5.5']],
  ['alarm-console-auth-failures', 'low', ['seed 003', 'CIS 5.6']],
  ['alarm-kms-cmk-deletion', 'low', ['CIS 5.7']],
  ['alarm-s3-bucket-policy-changes', 'low', ['CIS 5.8']],
  ['alarm-config-changes', 'low', ['CIS 5.9']],
  ['alarm-security-group-changes', 'low', ['CIS 5.10']],
  ['alarm-nacl-changes', 'low', ['CIS 5.11']],
  ['alarm-network-gateway-changes', 'low', ['CIS 5.12']],
  ['alarm-route-table-changes', 'low', ['CIS 5.13']],
  ['alarm-vpc-changes', 'low', ['CIS 5.14']],
  ['alarm-organizations-changes', 'low', ['CIS 5.15']],
];

const byId = (id: MonitoringCheckId) => monitoringChecks.find((c) => c.id === id)!;
const run = (id: MonitoringCheckId, s: AccountSnapshot) => {
  const out = byId(id).evaluate(s, options());
  expect(out, id).toHaveLength(1);
  return out[0]!;
};

describe('monitoring checks', () => {
  it('are the checks of CHECKS.md, in its order, with its severities and sources', () => {
    expect(monitoringChecks.map((c) => [c.id, c.severity, c.sources])).toEqual(CATALOGUE);
    expect(monitoringChecks.map((c) => c.id)).toEqual([...MONITORING_CHECK_IDS]);
    expect(new Set(monitoringChecks.map((c) => c.area))).toEqual(new Set(['monitoring']));
  });

  describe.each(CATALOGUE.map(([id]) => [id]))('%s', (id) => {
    it('names its CIS item and puts CIS\'s pattern in the fix', () => {
      const check = byId(id);
      expect(check.sources).toContain(CIS_EVENTS[id].cis);
      expect(check.title).toMatch(/^An alarm fires /);
      expect(check.remediation.cli.join('\n')).toContain(`--filter-pattern '${CIS_EVENTS[id].reference}'`);
      expect(check.remediation.console.length).toBeGreaterThan(0);
    });

    it('passes CIS\'s reference pattern with an alarm and a confirmed subscriber', () => {
      expect(run(id, monitoringSnapshot(cisAlarmFacts(id)))).toMatchObject({
        status: 'PASS',
        resource: TRAIL_LOG_GROUP_ARN,
        message: expect.stringContaining(`metric filter ${id} feeds alarm ${id}, which notifies topic ${SECURITY_TOPIC}`),
      });
    });

    it('passes every other form CIS has published', () => {
      for (const pattern of CIS_EVENTS[id].otherCisForms) {
        expect(run(id, monitoringSnapshot({ ...cisAlarmFacts(id), metricFilters: [metricFilter(id, pattern)] })).status, pattern).toBe('PASS');
      }
    });

    it('fails with no metric filter on the log group', () => {
      expect(run(id, monitoringSnapshot({ ...cisAlarmFacts(id), metricFilters: [] }))).toMatchObject({
        status: 'FAIL',
        message: `no metric filter on log group ${TRAIL_LOG_GROUP} (us-east-1)`,
      });
    });

    it('fails a filter for something else', () => {
      const unrelated = metricFilter(id, '{ $.eventName = GetCallerIdentity }');
      expect(run(id, monitoringSnapshot({ ...cisAlarmFacts(id), metricFilters: [unrelated] })).message).toMatch(/^metric filter .* misses /);
    });
  });

  it('all pass on the hardened account: the 15 filters, alarms and one confirmed topic side by side', () => {
    const s = monitoringSnapshot({
      metricFilters: MONITORING_CHECK_IDS.map((id) => metricFilter(id, CIS_EVENTS[id].reference)),
      alarms: MONITORING_CHECK_IDS.map((id) => metricAlarm(id)),
      snsSubscriptions: [snsSubscriptionTo(SECURITY_TOPIC)],
    });
    expect(monitoringChecks.map((c) => c.evaluate(s, options())[0]!.status)).toEqual(monitoringChecks.map(() => 'PASS'));
  });

  const odd: [string, AccountSnapshot][] = [
    ['an identity-only snapshot', snapshot()],
    ['nothing collected in the trail\'s region', monitoringSnapshot({ metricFilters: undefined, alarms: undefined, snsSubscriptions: undefined })],
    ['an alarm with no metric (metric math)', monitoringSnapshot({ metricFilters: [metricFilter('x', '')], alarms: [metricAlarm('x', { namespace: null, metricName: null })] })],
    ['a filter without metric transformations', monitoringSnapshot({ metricFilters: [metricFilter('x', '', { metricTransformations: [] })] })],
  ];

  it.each(odd)('give one outcome each, on one line, without throwing, on: %s', (_name, s) => {
    for (const check of monitoringChecks) {
      const out = check.evaluate(s, options());
      expect(out, check.id).toHaveLength(1);
      expect(STATUSES).toContain(out[0]!.status);
      expect(out[0]!.message, check.id).not.toMatch(/\n/);
    }
  });

  it('never PASS or FAIL when the trail\'s region gave nothing', () => {
    const s = withError(monitoringSnapshot({ metricFilters: undefined }), { service: 'logs', operation: 'DescribeMetricFilters', region: 'us-east-1' });
    expect(new Set(monitoringChecks.map((c) => c.evaluate(s, options())[0]!.status))).toEqual(new Set(['UNKNOWN']));
  });
});
