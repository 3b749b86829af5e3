// budget-alerts: a budget nobody hears from is a number on a page. Seed 003 sets three alerts: ACTUAL at 80% (time to
// act), ACTUAL at 100% (stop) and FORECASTED at 100% (the month is heading over, days before it is). Each must reach
// someone. Any whole-account COST budget that has all three passes.
import type { Budget } from '../../inventory/schema/cost.js';
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check, Remediation } from '../types.js';
import {
  BUDGET_OPERATIONS,
  NOTIFICATION_OPERATIONS,
  SEED_ALERTS,
  createNotificationCommand,
  isWholeAccountCostBudget,
  thresholdPercent,
  type AlertPlan,
  type BudgetNotification,
} from './budgets.js';

/** A required alert: the plan it is created from, and which thresholds meet it (an earlier warning than 80% is fine). */
interface Requirement {
  label: string;
  plan: AlertPlan;
  meets: (percent: number) => boolean;
}
const [early, actualFull, forecastFull] = SEED_ALERTS as [AlertPlan, AlertPlan, AlertPlan];
const REQUIREMENTS: readonly Requirement[] = [
  { label: `ACTUAL at <= ${early.threshold}%`, plan: early, meets: (p) => p <= early.threshold },
  { label: `ACTUAL at ${actualFull.threshold}%`, plan: actualFull, meets: (p) => p === actualFull.threshold },
  { label: `FORECASTED at ${forecastFull.threshold}%`, plan: forecastFull, meets: (p) => p === forecastFull.threshold },
];

/**
 * The budget's notifications that would fire for `r`: its type, GREATER_THAN (LESS_THAN never warns of overspending,
 * EQUAL_TO fires only on the exact amount), and a threshold `r` accepts once converted to a percentage.
 */
const matching = (b: Budget, r: Requirement): BudgetNotification[] =>
  b.notifications.filter((n) => {
    const percent = thresholdPercent(n, b);
    return n.notificationType === r.plan.notificationType && n.comparisonOperator === 'GREATER_THAN' && percent !== null && r.meets(percent);
  });

interface Judged {
  budget: Budget;
  /** What is met, e.g. "ACTUAL at 50%". */
  met: string[];
  /** What is not, e.g. "ACTUAL at 100% (no subscriber)". */
  missing: string[];
  missingPlans: AlertPlan[];
}

function judge(budget: Budget): Judged {
  const judged: Judged = { budget, met: [], missing: [], missingPlans: [] };
  for (const r of REQUIREMENTS) {
    const found = matching(budget, r);
    const heard = found.find((n) => n.subscribers.length > 0);
    if (heard) {
      judged.met.push(`${r.plan.notificationType} at ${thresholdPercent(heard, budget)}%`);
      continue;
    }
    judged.missing.push(found.length ? `${r.label} (no subscriber)` : r.label);
    judged.missingPlans.push(r.plan);
  }
  return judged;
}

const remediation = (account = '<account-id>', budgetName = '<budget-name>', plans: readonly AlertPlan[] = SEED_ALERTS): Remediation => ({
  summary:
    'Give the whole-account cost budget three alerts, each with a subscriber (an email address or an SNS topic): ' +
    'ACTUAL cost above 80% and above 100% of the budget, and FORECASTED cost above 100%.',
  console: [
    'Open Billing and Cost Management, then Budgets, and click the budget',
    'Click Edit, then go to Configure alerts (or the Alerts tab)',
    'Add alert thresholds: 80% of budgeted amount on Actual, 100% on Actual, 100% on Forecasted; enter an email recipient for each',
    'Save',
  ],
  cli: [
    ...plans.map((p) => createNotificationCommand(p, account, budgetName)),
    `aws budgets describe-notifications-for-budget --account-id ${account} --budget-name "${budgetName}"`,
  ],
});

export const budgetAlerts: Check = {
  id: 'budget-alerts',
  title: 'The cost budget alerts at 80% and 100%, and on forecast',
  area: 'cost',
  severity: 'high',
  sources: ['seed 000', 'seed 002', 'seed 003'],
  remediation: remediation(),
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const budgets = snapshot.cost?.budgets;
    // A collector may drop the budgets when their notifications fail: name whichever of the calls failed.
    if (!budgets) return [unknown(snapshot, resource, [...BUDGET_OPERATIONS, ...NOTIFICATION_OPERATIONS])];
    const candidates = budgets.filter(isWholeAccountCostBudget);
    if (!candidates.length) return [fail(resource, 'no whole-account cost budget; see budget-exists')];

    const judged = candidates.map(judge);
    const complete = judged.find((j) => j.missing.length === 0);
    if (complete) return [pass(resource, `budget ${complete.budget.name} alerts on ${complete.met.join(', ')}, each with a subscriber`)];
    // A budget whose notifications or subscribers could not be read may have them: a permission error is never a FAIL.
    const unreadable = snapshot.errors.some((e) => NOTIFICATION_OPERATIONS.includes(`${e.service}:${e.operation}`));
    if (unreadable) return [unknown(snapshot, resource, NOTIFICATION_OPERATIONS)];

    const message = judged.map((j) => `budget ${j.budget.name} lacks ${j.missing.join(', ')}`).join('; ');
    // The commands complete the budget that is closest to done.
    const closest = judged.reduce((a, b) => (b.missing.length < a.missing.length ? b : a));
    return [fail(resource, message, remediation(snapshot.account.id, closest.budget.name, closest.missingPlans))];
  },
};
