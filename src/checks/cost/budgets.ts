// What budget-exists and budget-alerts share: which budgets watch the whole bill, how a budget and a threshold read,
// and the seeds' alert plan (seed 003: ACTUAL at 80% and 100%, FORECASTED at 100%) as data the remediation is built from.
import type { Budget } from '../../inventory/schema/cost.js';

export const BUDGET_OPERATIONS = ['budgets:DescribeBudgets'];
/**
 * Notifications (all budgets' in one call, DescribeBudgetNotificationsForAccount; DescribeNotificationsForBudget in older
 * snapshots) and their subscribers; a failure there leaves a budget's alerts unknown.
 */
export const NOTIFICATION_OPERATIONS = [
  'budgets:DescribeBudgetNotificationsForAccount',
  'budgets:DescribeNotificationsForBudget',
  'budgets:DescribeSubscribersForNotification',
];

export type BudgetNotification = Budget['notifications'][number];

/**
 * A COST budget without cost filters sees every service in every region: the crypto-mining of seed 002 in four
 * regions shows up in it. A filter with no values filters nothing (the API can return `{"Service": []}`).
 */
export const isWholeAccountCostBudget = (b: Budget): boolean =>
  b.budgetType === 'COST' && Object.values(b.costFilters).every((values) => values.length === 0);

const PERIOD: Record<string, string> = { DAILY: 'per day', MONTHLY: 'per month', QUARTERLY: 'per quarter', ANNUALLY: 'per year' };
const period = (timeUnit: string): string => PERIOD[timeUnit] ?? timeUnit.toLowerCase();

/** "25 USD per month", or "no fixed limit, per month" (auto-adjusting or planned budgets). */
export const describeLimit = (b: Budget): string =>
  b.limit ? `${b.limit.amount} ${b.limit.unit} ${period(b.timeUnit)}` : `no fixed limit, ${period(b.timeUnit)}`;

/**
 * A notification's threshold as a percentage of the budget's limit. ABSOLUTE_VALUE converts through the limit
 * (20 of a 25 USD budget is 80%); without a positive limit it cannot be compared, so null. Rounded to 1e-6 so that
 * float division never turns an exact 80% into 80.00000000000001.
 */
export function thresholdPercent(n: BudgetNotification, b: Budget): number | null {
  if (n.thresholdType === 'PERCENTAGE') return n.threshold;
  if (n.thresholdType !== 'ABSOLUTE_VALUE' || !b.limit || b.limit.amount <= 0) return null;
  return Math.round(((n.threshold * 100) / b.limit.amount) * 1e6) / 1e6;
}

/** The alerts the seeds set up, each on GREATER_THAN with a percentage threshold. */
export interface AlertPlan {
  notificationType: 'ACTUAL' | 'FORECASTED';
  threshold: number;
}
export const SEED_ALERTS: readonly AlertPlan[] = [
  { notificationType: 'ACTUAL', threshold: 80 },
  { notificationType: 'ACTUAL', threshold: 100 },
  { notificationType: 'FORECASTED', threshold: 100 },
];

const notificationJson = (a: AlertPlan) => ({
  Notification: { NotificationType: a.notificationType, ComparisonOperator: 'GREATER_THAN', Threshold: a.threshold, ThresholdType: 'PERCENTAGE' },
  Subscribers: [{ SubscriptionType: 'EMAIL', Address: '<email>' }],
});

/** The one-line commands that write budget.json and notifications.json for `create-budget` (seed 000's 25 USD). */
export const BUDGET_FILES = [
  `echo '${JSON.stringify({ BudgetName: 'monthly-cost', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '25', Unit: 'USD' } })}' > budget.json`,
  `echo '${JSON.stringify(SEED_ALERTS.map(notificationJson))}' > notifications.json`,
];

/** `aws budgets create-notification` for one planned alert on an existing budget. */
export const createNotificationCommand = (a: AlertPlan, account: string, budgetName: string): string =>
  `aws budgets create-notification --account-id ${account} --budget-name "${budgetName}" ` +
  `--notification NotificationType=${a.notificationType},ComparisonOperator=GREATER_THAN,Threshold=${a.threshold},ThresholdType=PERCENTAGE ` +
  '--subscribers SubscriptionType=EMAIL,Address=<email>';
