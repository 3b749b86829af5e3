// budget-exists: seeds 000, 002 and 003 all end the first day with a budget, because a bill is how a leaked key shows
// itself (seed 002's $8K of crypto-mining was caught by a billing alert). Only a COST budget over the whole account
// counts: a budget filtered to EC2 misses GPU instances billed elsewhere, and a USAGE budget counts hours, not dollars.
import type { Budget } from '../../inventory/schema/cost.js';
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { BUDGET_FILES, BUDGET_OPERATIONS, describeLimit, isWholeAccountCostBudget } from './budgets.js';

const remediation = (account = '<account-id>'): Remediation => ({
  summary:
    'Create a monthly COST budget for the whole account (no filters), sized to what the account should cost: ' +
    '$10 to $50 a month is typical for a personal or learning account (seeds 000, 002, 003). Alert on ACTUAL cost at 80% ' +
    'and 100% and on FORECASTED cost at 100%, by email.',
  console: [
    'Open Billing and Cost Management, then Budgets, then Create budget',
    'Choose Customize (advanced), then Cost budget, then Next',
    'Period Monthly, Recurring budget, Fixed amount: e.g. 25 (USD); Budget scope: All AWS services (no filters)',
    'Add alert thresholds: 80% of budgeted amount on Actual costs, 100% on Actual costs and 100% on Forecasted costs, each with your email address',
    'Review and click Create budget',
  ],
  cli: [
    ...BUDGET_FILES,
    `aws budgets create-budget --account-id ${account} --budget file://budget.json --notifications-with-subscribers file://notifications.json`,
    `aws budgets describe-budgets --account-id ${account}`,
  ],
});

/** Why a budget does not count, for the FAIL message: "EC2-Budget (COST, filtered by Service)", "hours (USAGE)". */
const whyNot = (b: Budget): string => {
  const filters = Object.keys(b.costFilters).filter((k) => (b.costFilters[k] ?? []).length > 0);
  return b.budgetType === 'COST' ? `${b.name} (COST, filtered by ${filters.join(', ')})` : `${b.name} (${b.budgetType})`;
};

export const budgetExists: Check = {
  id: 'budget-exists',
  title: 'A cost budget covers the whole account',
  area: 'cost',
  severity: 'high',
  sources: ['seed 000', 'seed 002', 'seed 003'],
  remediation: remediation(),
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const budgets = snapshot.cost?.budgets;
    if (!budgets) return [unknown(snapshot, resource, BUDGET_OPERATIONS)];
    const whole = budgets.filter(isWholeAccountCostBudget);
    if (whole.length) {
      const named = whole.map((b) => `${b.name} (${describeLimit(b)})`).join(', ');
      return [pass(resource, `whole-account COST budget: ${named}`)];
    }
    const others = budgets.length ? `; found only ${budgets.map(whyNot).join(', ')}` : '';
    return [fail(resource, `no COST budget covers the whole account${others}`, remediation(snapshot.account.id))];
  },
};
