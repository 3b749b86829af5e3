import { describe, expect, it } from 'vitest';
import { ACCOUNT, costBudget, options, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { budgetExists } from './budget-exists.js';

const run = (s: AccountSnapshot) => {
  const outcomes = budgetExists.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const withBudgets = (...budgets: ReturnType<typeof costBudget>[]) => snapshot({ cost: { budgets } });

describe('budget-exists', () => {
  it('passes on a whole-account COST budget, naming it and its limit', () => {
    expect(run(withBudgets(costBudget('General-Account-Monthly-Budget', { limit: { amount: 10, unit: 'USD' } })))).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: 'whole-account COST budget: General-Account-Monthly-Budget (10 USD per month)',
    });
  });

  it('fails without any budget, with the seeds\' advice and the account filled in', () => {
    const o = run(withBudgets());
    expect(o).toMatchObject({ status: 'FAIL', message: 'no COST budget covers the whole account' });
    expect(o.remediation?.summary).toContain('$10 to $50 a month');
    expect(o.remediation?.cli).toContain(
      `aws budgets create-budget --account-id ${ACCOUNT} --budget file://budget.json --notifications-with-subscribers file://notifications.json`,
    );
  });

  it('does not count a filtered COST budget or a USAGE budget, and says why', () => {
    const ec2 = costBudget('EC2-Instances-Budget', { costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } });
    const hours = costBudget('ec2-hours', { budgetType: 'USAGE' });
    expect(run(withBudgets(ec2, hours))).toMatchObject({
      status: 'FAIL',
      message: 'no COST budget covers the whole account; found only EC2-Instances-Budget (COST, filtered by Service), ec2-hours (USAGE)',
    });
  });

  it('counts a filter without values as no filter', () => {
    expect(run(withBudgets(costBudget('monthly', { costFilters: { Service: [] } }))).status).toBe('PASS');
  });

  it('names every qualifying budget, including one without a fixed limit', () => {
    const o = run(withBudgets(costBudget('a'), costBudget('b', { limit: null, timeUnit: 'QUARTERLY' })));
    expect(o.message).toBe('whole-account COST budget: a (25 USD per month), b (no fixed limit, per quarter)');
  });

  it('is UNKNOWN naming DescribeBudgets when the budgets could not be read', () => {
    const o = run(withFailedCall(snapshot({ cost: {} }), { service: 'budgets', operation: 'DescribeBudgets' }));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toBe('could not evaluate: budgets:DescribeBudgets failed (AccessDenied: User is not authorized)');
  });

  it('is UNKNOWN when the cost area was not collected at all', () => {
    expect(run(snapshot())).toMatchObject({ status: 'UNKNOWN', message: 'could not evaluate: the snapshot has no data from budgets:DescribeBudgets' });
  });
});
