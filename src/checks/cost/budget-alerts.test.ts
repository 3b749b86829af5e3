import { describe, expect, it } from 'vitest';
import { ACCOUNT, budgetNotification, costBudget, options, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { budgetAlerts } from './budget-alerts.js';

const run = (s: AccountSnapshot) => {
  const outcomes = budgetAlerts.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const withBudgets = (...budgets: ReturnType<typeof costBudget>[]) => snapshot({ cost: { budgets } });
/** The seed budget with its first (ACTUAL 80%) notification replaced. */
const withEarly = (early: ReturnType<typeof budgetNotification>, over: Partial<ReturnType<typeof costBudget>> = {}) =>
  withBudgets(costBudget('monthly', { notifications: [early, budgetNotification('ACTUAL', 100), budgetNotification('FORECASTED', 100)], ...over }));

describe('budget-alerts', () => {
  it('passes on the seed budget: ACTUAL 80% and 100%, FORECASTED 100%, each with a subscriber', () => {
    expect(run(withBudgets(costBudget()))).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: 'budget monthly-cost alerts on ACTUAL at 80%, ACTUAL at 100%, FORECASTED at 100%, each with a subscriber',
    });
  });

  it('boundary: ACTUAL at exactly 80% passes, at 81% fails', () => {
    expect(run(withEarly(budgetNotification('ACTUAL', 80))).status).toBe('PASS');
    expect(run(withEarly(budgetNotification('ACTUAL', 81)))).toMatchObject({ status: 'FAIL', message: 'budget monthly lacks ACTUAL at <= 80%' });
  });

  it('accepts an earlier warning than 80% (seed 002\'s 50%)', () => {
    expect(run(withEarly(budgetNotification('ACTUAL', 50))).message).toContain('ACTUAL at 50%');
  });

  it('converts ABSOLUTE_VALUE thresholds with the limit: 20 of 25 USD is 80%, 20.25 is 81%', () => {
    expect(run(withEarly(budgetNotification('ACTUAL', 20, { thresholdType: 'ABSOLUTE_VALUE' }))).message).toContain('ACTUAL at 80%');
    expect(run(withEarly(budgetNotification('ACTUAL', 20.25, { thresholdType: 'ABSOLUTE_VALUE' }))).status).toBe('FAIL');
    const absolute = costBudget('abs', {
      limit: { amount: 10, unit: 'USD' },
      notifications: [
        budgetNotification('ACTUAL', 8, { thresholdType: 'ABSOLUTE_VALUE' }),
        budgetNotification('ACTUAL', 10, { thresholdType: 'ABSOLUTE_VALUE' }),
        budgetNotification('FORECASTED', 10, { thresholdType: 'ABSOLUTE_VALUE' }),
      ],
    });
    expect(run(withBudgets(absolute)).status).toBe('PASS');
  });

  it('cannot convert an ABSOLUTE_VALUE threshold without a limit, so it does not count', () => {
    const o = run(withEarly(budgetNotification('ACTUAL', 20, { thresholdType: 'ABSOLUTE_VALUE' }), { limit: null }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'budget monthly lacks ACTUAL at <= 80%' });
  });

  it('lists everything missing, and says when a notification has no subscriber', () => {
    const b = costBudget('monthly', { notifications: [budgetNotification('ACTUAL', 100, { subscribers: [] })] });
    expect(run(withBudgets(b)).message).toBe('budget monthly lacks ACTUAL at <= 80%, ACTUAL at 100% (no subscriber), FORECASTED at 100%');
  });

  it('ignores LESS_THAN notifications and a FORECASTED one standing in for ACTUAL', () => {
    const b = costBudget('monthly', {
      notifications: [
        budgetNotification('ACTUAL', 80, { comparisonOperator: 'LESS_THAN' }),
        budgetNotification('FORECASTED', 80),
        budgetNotification('ACTUAL', 100),
        budgetNotification('FORECASTED', 100),
      ],
    });
    expect(run(withBudgets(b)).message).toBe('budget monthly lacks ACTUAL at <= 80%');
  });

  it('passes when any whole-account budget is complete, and fails on each one\'s gaps otherwise', () => {
    const partial = costBudget('partial', { notifications: [budgetNotification('ACTUAL', 80)] });
    expect(run(withBudgets(partial, costBudget('full'))).message).toContain('budget full alerts on');
    const other = costBudget('other', { notifications: [budgetNotification('ACTUAL', 80), budgetNotification('ACTUAL', 100)] });
    expect(run(withBudgets(partial, other)).message).toBe('budget partial lacks ACTUAL at 100%, FORECASTED at 100%; budget other lacks FORECASTED at 100%');
  });

  it('fills the remediation with the closest budget and only the missing alerts', () => {
    const other = costBudget('other', { notifications: [budgetNotification('ACTUAL', 80), budgetNotification('ACTUAL', 100)] });
    const cli = run(withBudgets(costBudget('partial', { notifications: [] }), other)).remediation?.cli ?? [];
    expect(cli[0]).toBe(
      `aws budgets create-notification --account-id ${ACCOUNT} --budget-name "other" ` +
        '--notification NotificationType=FORECASTED,ComparisonOperator=GREATER_THAN,Threshold=100,ThresholdType=PERCENTAGE --subscribers SubscriptionType=EMAIL,Address=<email>',
    );
    expect(cli).toHaveLength(2);
  });

  it('fails pointing to budget-exists when no budget covers the whole account, however good its alerts', () => {
    const filtered = costBudget('ec2', { costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } });
    expect(run(withBudgets(filtered))).toMatchObject({ status: 'FAIL', message: 'no whole-account cost budget; see budget-exists' });
  });

  it('is UNKNOWN naming DescribeBudgets when the budgets could not be read', () => {
    const o = run(withFailedCall(snapshot({ cost: {} }), { service: 'budgets', operation: 'DescribeBudgets' }));
    expect(o).toMatchObject({ status: 'UNKNOWN' });
    expect(o.message).toContain('budgets:DescribeBudgets failed (AccessDenied');
  });

  it('is UNKNOWN, not FAIL, when notifications or subscribers could not be read', () => {
    const s = withFailedCall(withBudgets(costBudget('monthly', { notifications: [] })), { service: 'budgets', operation: 'DescribeNotificationsForBudget' });
    const o = run(s);
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('budgets:DescribeNotificationsForBudget failed (AccessDenied');
    // A budget that is complete anyway still passes.
    expect(run(withFailedCall(withBudgets(costBudget()), { service: 'budgets', operation: 'DescribeSubscribersForNotification' })).status).toBe('PASS');
  });

  it('never prints a subscriber address', () => {
    const b = costBudget('monthly', { notifications: [budgetNotification('ACTUAL', 80)] });
    for (const s of [withBudgets(costBudget()), withBudgets(b)]) expect(run(s).message).not.toContain('@example.com');
  });
});
