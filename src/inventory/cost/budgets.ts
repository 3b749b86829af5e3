// Budgets with their notifications and subscribers. The account's notifications come in one paginated call
// (DescribeBudgetNotificationsForAccount) rather than one per budget; only the subscribers are per notification,
// which the API offers no other way to read. No budget, no further call.
import {
  BudgetsClient,
  DescribeBudgetNotificationsForAccountCommand,
  DescribeBudgetsCommand,
  DescribeSubscribersForNotificationCommand,
  type Budget as AwsBudget,
  type Notification,
} from '@aws-sdk/client-budgets';
import { awsErrorCode } from '../../aws/errors.js';
import { createLimiter } from '../../aws/limiter.js';
import type { Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { Budget } from '../schema/cost.js';
import type { Timed } from '../timed.js';
import { billingRegion } from './where.js';

/** The API's page ceiling for notifications and subscribers (DescribeBudgets allows more, but 100 is plenty). */
const PAGE_SIZE = 100;
/** Subscriber calls at once: budgets have at most five notifications each, accounts rarely many budgets. */
const SUBSCRIBER_CONCURRENCY = 4;

/** Some accounts answer NotFoundException rather than an empty list when there is nothing to list. */
const noneIfNotFound = async <T>(empty: T, fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (awsErrorCode(err) === 'NotFoundException') return empty;
    throw err;
  }
};

/** A budget as the API describes it, without its notifications (read separately). The baseline's budget step reads it the same way. */
export const toBudget = (b: AwsBudget): Omit<Budget, 'notifications'> => ({
  name: b.BudgetName ?? '',
  budgetType: b.BudgetType ?? '',
  timeUnit: b.TimeUnit ?? '',
  // The API gives amounts as decimal strings ("25.0").
  limit: b.BudgetLimit?.Amount !== undefined ? { amount: Number(b.BudgetLimit.Amount), unit: b.BudgetLimit.Unit ?? 'USD' } : null,
  costFilters: b.CostFilters ?? {},
  ...(b.FilterExpression ? { filterExpression: b.FilterExpression } : {}),
});

export async function collectBudgets(session: Session, accountId: string, failures: FailureLog, timed: Timed): Promise<Budget[]> {
  const budgets = session.client(BudgetsClient, { region: billingRegion(session.region) });
  const AccountId = accountId;

  const listed = await call(failures, { service: 'budgets', operation: 'DescribeBudgets' }, () =>
    noneIfNotFound([], () =>
      allPages(async (token) => {
        const out = await timed('budgets:DescribeBudgets', (abortSignal) =>
          budgets.send(new DescribeBudgetsCommand({ AccountId, MaxResults: PAGE_SIZE, NextToken: token, ShowFilterExpression: true }), { abortSignal }),
        );
        return { items: out.Budgets, next: out.NextToken };
      }),
    ),
  );
  if (listed.length === 0) return [];

  // A failure here is recorded and leaves every budget without notifications: the checks read the error as "unknown".
  const forAccount = await attempt(failures, { service: 'budgets', operation: 'DescribeBudgetNotificationsForAccount' }, () =>
    noneIfNotFound([], () =>
      allPages(async (token) => {
        const out = await timed('budgets:DescribeBudgetNotificationsForAccount', (abortSignal) =>
          budgets.send(new DescribeBudgetNotificationsForAccountCommand({ AccountId, MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal }),
        );
        return { items: out.BudgetNotificationsForAccount, next: out.NextToken };
      }),
    ),
  );
  const notificationsOf = new Map<string, Notification[]>();
  for (const entry of forAccount?.value ?? []) {
    notificationsOf.set(entry.BudgetName ?? '', [...(notificationsOf.get(entry.BudgetName ?? '') ?? []), ...(entry.Notifications ?? [])]);
  }

  const limit = createLimiter(SUBSCRIBER_CONCURRENCY);
  const subscribersOf = (BudgetName: string, Notification: Notification) =>
    limit(async () => {
      const answer = await attempt(failures, { service: 'budgets', operation: 'DescribeSubscribersForNotification' }, () =>
        noneIfNotFound([], () =>
          allPages(async (token) => {
            const out = await timed('budgets:DescribeSubscribersForNotification', (abortSignal) =>
              budgets.send(new DescribeSubscribersForNotificationCommand({ AccountId, BudgetName, Notification, MaxResults: PAGE_SIZE, NextToken: token }), {
                abortSignal,
              }),
            );
            return { items: out.Subscribers, next: out.NextToken };
          }),
        ),
      );
      return (answer?.value ?? []).map((s) => ({ type: s.SubscriptionType ?? '', address: s.Address ?? '' }));
    });

  return Promise.all(
    listed.map(async (b) => {
      const budget = toBudget(b);
      const notifications = await Promise.all(
        (notificationsOf.get(budget.name) ?? []).map(async (n) => ({
          notificationType: n.NotificationType ?? '',
          comparisonOperator: n.ComparisonOperator ?? '',
          threshold: n.Threshold ?? 0,
          thresholdType: n.ThresholdType ?? 'PERCENTAGE',
          state: n.NotificationState ?? null,
          subscribers: await subscribersOf(budget.name, n),
        })),
      );
      return { ...budget, notifications };
    }),
  );
}
