// AWS Budgets: awsJson1_1, `AWSBudgetServiceGateway.Op`, global (signed for us-east-1). The scenario's
// `budgets` with their notifications and subscribers. Every call names the account, as the API requires.
import { ApiError } from '../errors.js';
import type { BudgetFacts } from '../scenario-cost.js';
import type { JsonService, RequestContext } from '../service.js';
import { page, pageStart } from './region-facts.js';

type Notification = BudgetFacts['notifications'][number];
type Input = Readonly<Record<string, unknown>>;

function checkAccount(input: Input, ctx: RequestContext): void {
  const id = input['AccountId'];
  if (typeof id !== 'string' || !/^\d{12}$/.test(id)) throw new ApiError('InvalidParameterException', 'AccountId must be a 12-digit account id', 400);
  if (id !== ctx.world.account.id) throw new ApiError('AccessDeniedException', `User is not authorized to view budgets of account ${id}`, 400);
}

/** MaxResults within 1..max (default `fallback`); anything else is the service's InvalidParameterException. */
function pageSize(input: Input, fallback: number, max: number): number {
  const n = input['MaxResults'];
  if (n === undefined) return fallback;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
    throw new ApiError('InvalidParameterException', `MaxResults must be between 1 and ${max}`, 400);
  }
  return n;
}

function findBudget(input: Input, ctx: RequestContext): BudgetFacts {
  const name = input['BudgetName'];
  const budget = ctx.world.cost.budgets.find((b) => b.name === name);
  if (!budget) throw new ApiError('NotFoundException', `Unable to get budget: ${String(name)} - the budget doesn't exist.`, 400);
  return budget;
}

const wireNotification = (n: Notification) => ({
  NotificationType: n.type,
  ComparisonOperator: n.comparison,
  Threshold: n.threshold,
  ThresholdType: n.thresholdType,
  NotificationState: n.state,
});

function findNotification(budget: BudgetFacts, input: Input): Notification {
  const asked = (input['Notification'] ?? {}) as Record<string, unknown>;
  const found = budget.notifications.find(
    (n) =>
      n.type === asked['NotificationType'] &&
      n.comparison === asked['ComparisonOperator'] &&
      n.threshold === asked['Threshold'] &&
      (asked['ThresholdType'] === undefined || n.thresholdType === asked['ThresholdType']),
  );
  if (!found) throw new ApiError('NotFoundException', `Unable to get notification for budget ${budget.name}: the notification doesn't exist.`, 400);
  return found;
}

function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

function wireBudget(b: BudgetFacts, ctx: RequestContext, showFilterExpression: boolean) {
  return {
    BudgetName: b.name,
    BudgetType: b.type,
    TimeUnit: b.timeUnit,
    // The service sends amounts as decimal strings.
    BudgetLimit: b.limit ? { Amount: b.limit.amount.toFixed(1), Unit: b.limit.unit } : undefined,
    CostFilters: b.costFilters,
    CostTypes: {
      IncludeTax: true,
      IncludeSubscription: true,
      UseBlended: false,
      IncludeRefund: false,
      IncludeCredit: false,
      IncludeUpfront: true,
      IncludeRecurring: true,
      IncludeOtherSubscription: true,
      IncludeSupport: true,
      IncludeDiscount: true,
      UseAmortized: false,
    },
    TimePeriod: { Start: monthStart(ctx.now), End: new Date(Date.UTC(2087, 5, 15)) },
    CalculatedSpend: b.limit
      ? { ActualSpend: { Amount: '0.0', Unit: b.limit.unit }, ForecastedSpend: { Amount: '0.0', Unit: b.limit.unit } }
      : undefined,
    LastUpdatedTime: monthStart(ctx.now),
    FilterExpression: showFilterExpression ? b.filterExpression : undefined,
  };
}

export const budgets: JsonService = {
  name: 'budgets',
  signingName: 'budgets',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSBudgetServiceGateway',
  operations: {
    DescribeBudgets(input, ctx) {
      checkAccount(input, ctx);
      const size = pageSize(input, 100, 1000);
      const { items, next } = page(ctx.world.cost.budgets, pageStart(input['NextToken'], 'InvalidNextTokenException'), size);
      return { Budgets: items.map((b) => wireBudget(b, ctx, input['ShowFilterExpression'] === true)), NextToken: next };
    },
    DescribeBudget(input, ctx) {
      checkAccount(input, ctx);
      return { Budget: wireBudget(findBudget(input, ctx), ctx, input['ShowFilterExpression'] === true) };
    },
    DescribeBudgetNotificationsForAccount(input, ctx) {
      checkAccount(input, ctx);
      const size = pageSize(input, 50, 100);
      const withNotifications = ctx.world.cost.budgets.filter((b) => b.notifications.length > 0);
      const { items, next } = page(withNotifications, pageStart(input['NextToken'], 'InvalidNextTokenException'), size);
      return {
        BudgetNotificationsForAccount: items.map((b) => ({ BudgetName: b.name, Notifications: b.notifications.map(wireNotification) })),
        NextToken: next,
      };
    },
    DescribeNotificationsForBudget(input, ctx) {
      checkAccount(input, ctx);
      const budget = findBudget(input, ctx);
      const { items, next } = page(budget.notifications, pageStart(input['NextToken'], 'InvalidNextTokenException'), pageSize(input, 100, 100));
      return { Notifications: items.map(wireNotification), NextToken: next };
    },
    DescribeSubscribersForNotification(input, ctx) {
      checkAccount(input, ctx);
      const notification = findNotification(findBudget(input, ctx), input);
      const { items, next } = page(notification.subscribers, pageStart(input['NextToken'], 'InvalidNextTokenException'), pageSize(input, 100, 100));
      return { Subscribers: items.map((s) => ({ SubscriptionType: s.type, Address: s.address })), NextToken: next };
    },
  },
};
