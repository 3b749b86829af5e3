// Every cost check on the snapshots a real account or a lying emulator can produce: one outcome each, never a throw,
// and a permission error on budgets touches the budget checks only.
import { describe, expect, it } from 'vitest';
import { billingAlarm, costBudget, options, regionalSnapshot, snapshot, snsSubscriptionTo, BILLING_TOPIC, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { STATUSES } from '../types.js';
import { costChecks } from './index.js';

const NOTHING = ['DescribeBudgets', 'GetAnomalyMonitors', 'GetAnomalySubscriptions', 'DescribeReportDefinitions', 'ListExports'].reduce(
  (s, operation) => withFailedCall(s, { service: 'x', operation }),
  snapshot(),
);
const odd: [string, AccountSnapshot][] = [
  ['nothing collected', NOTHING],
  ['cost collected and empty', snapshot({ cost: { budgets: [], anomalyMonitors: [], anomalySubscriptions: [], reportDefinitions: [], dataExports: [] } })],
  ['a budget without limit or notifications', snapshot({ cost: { budgets: [costBudget('b', { limit: null, notifications: [] })] } })],
  ['an alarm with no metric (metric math)', regionalSnapshot({ 'us-east-1': { alarms: [billingAlarm({ namespace: null, metricName: null })], snsSubscriptions: [] } })],
];

describe('cost checks', () => {
  it('are registered in the order of CHECKS.md', () => {
    expect(costChecks.map((c) => c.id)).toEqual(['budget-exists', 'budget-alerts', 'billing-alarm', 'cost-anomaly-monitor', 'cost-usage-report']);
    expect(new Set(costChecks.map((c) => c.area))).toEqual(new Set(['cost']));
  });

  it.each(odd)('give one outcome each, on one line, without throwing, on: %s', (_name, s) => {
    for (const check of costChecks) {
      const outcomes = check.evaluate(s, options());
      expect(outcomes, check.id).toHaveLength(1);
      expect(STATUSES).toContain(outcomes[0]!.status);
      expect(outcomes[0]!.message, check.id).not.toMatch(/\n/);
    }
  });

  it('never PASS or FAIL when nothing could be collected', () => {
    expect(costChecks.map((c) => c.evaluate(NOTHING, options())[0]!.status)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
  });

  it('AccessDenied on budgets makes the budget checks UNKNOWN and leaves the others alone', () => {
    const s = withFailedCall(
      regionalSnapshot(
        { 'us-east-1': { alarms: [billingAlarm()], snsSubscriptions: [snsSubscriptionTo(BILLING_TOPIC)] } },
        { cost: { anomalyMonitors: [], anomalySubscriptions: [], reportDefinitions: [], dataExports: [] } },
      ),
      { service: 'budgets', operation: 'DescribeBudgets' },
    );
    expect(costChecks.map((c) => c.evaluate(s, options())[0]!.status)).toEqual(['UNKNOWN', 'UNKNOWN', 'PASS', 'FAIL', 'FAIL']);
  });
});
