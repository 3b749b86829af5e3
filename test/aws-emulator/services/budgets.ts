// AWS Budgets: awsJson1_1, `AWSBudgetServiceGateway.Op`, global (signed for us-east-1). The scenario's
// `budgets` with their notifications and subscribers, and creating them (CreateBudget, CreateNotification,
// CreateSubscriber; a duplicate is DuplicateRecordException). Every call names the account, as the API requires.
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

const NOTIFICATION_TYPES = ['ACTUAL', 'FORECASTED'] as const;
const COMPARISONS = ['GREATER_THAN', 'LESS_THAN', 'EQUAL_TO'] as const;
const THRESHOLD_TYPES = ['PERCENTAGE', 'ABSOLUTE_VALUE'] as const;
const BUDGET_TYPES = ['COST', 'USAGE', 'RI_UTILIZATION', 'RI_COVERAGE', 'SAVINGS_PLANS_UTILIZATION', 'SAVINGS_PLANS_COVERAGE'] as const;
const TIME_UNITS = ['DAILY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY'] as const;
/** What the service allows: five notifications a budget, ten subscribers a notification. */
const MAX_NOTIFICATIONS = 5;
const MAX_SUBSCRIBERS = 10;

const invalid = (message: string) => new ApiError('InvalidParameterException', message, 400);
const duplicate = (message: string) => new ApiError('DuplicateRecordException', message, 400);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw invalid(`${what} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function readSubscriber(value: unknown): Notification['subscribers'][number] {
  const s = (value ?? {}) as Record<string, unknown>;
  const address = s['Address'];
  if (typeof address !== 'string' || address.length < 3) throw invalid('Subscriber Address is required');
  return { type: oneOf(s['SubscriptionType'], ['EMAIL', 'SNS'] as const, 'SubscriptionType'), address };
}

function readNotification(value: unknown, subscribers: unknown): Notification {
  const n = (value ?? {}) as Record<string, unknown>;
  const threshold = n['Threshold'];
  if (typeof threshold !== 'number' || threshold < 0) throw invalid('Notification Threshold must be a non-negative number');
  const list = Array.isArray(subscribers) ? subscribers.map(readSubscriber) : [];
  if (list.length < 1 || list.length > MAX_SUBSCRIBERS) throw invalid(`A notification needs 1 to ${MAX_SUBSCRIBERS} subscribers`);
  return {
    type: oneOf(n['NotificationType'], NOTIFICATION_TYPES, 'NotificationType'),
    comparison: oneOf(n['ComparisonOperator'], COMPARISONS, 'ComparisonOperator'),
    threshold,
    thresholdType: n['ThresholdType'] === undefined ? 'PERCENTAGE' : oneOf(n['ThresholdType'], THRESHOLD_TYPES, 'ThresholdType'),
    state: 'OK',
    subscribers: list,
  };
}

const sameNotification = (a: Notification, b: Notification) =>
  a.type === b.type && a.comparison === b.comparison && a.threshold === b.threshold && a.thresholdType === b.thresholdType;

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
    CreateBudget(input, ctx) {
      checkAccount(input, ctx);
      const b = (input['Budget'] ?? {}) as Record<string, unknown>;
      const name = b['BudgetName'];
      if (typeof name !== 'string' || !/^[^:\\]{1,100}$/.test(name)) throw invalid('BudgetName must be 1-100 characters without ":" or "\\"');
      if (ctx.world.cost.budgets.some((x) => x.name === name)) throw duplicate(`Error creating budget: ${name} - the budget already exists.`);
      const limit = b['BudgetLimit'] as Record<string, unknown> | undefined;
      const amount = limit ? Number(limit['Amount']) : undefined;
      if (limit && (typeof limit['Amount'] !== 'string' || !Number.isFinite(amount) || (amount ?? 0) < 0)) throw invalid('BudgetLimit Amount must be a decimal string');
      const entries = Array.isArray(input['NotificationsWithSubscribers']) ? (input['NotificationsWithSubscribers'] as Record<string, unknown>[]) : [];
      if (entries.length > MAX_NOTIFICATIONS) throw new ApiError('CreationLimitExceededException', `A budget has at most ${MAX_NOTIFICATIONS} notifications`, 400);
      const notifications = entries.map((e) => readNotification(e['Notification'], e['Subscribers']));
      const filters = (b['CostFilters'] ?? {}) as Record<string, string[]>;
      ctx.world.cost.budgets.push({
        name,
        type: oneOf(b['BudgetType'], BUDGET_TYPES, 'BudgetType'),
        timeUnit: oneOf(b['TimeUnit'], TIME_UNITS, 'TimeUnit'),
        ...(limit && amount !== undefined ? { limit: { amount, unit: typeof limit['Unit'] === 'string' ? limit['Unit'] : 'USD' } } : {}),
        costFilters: filters,
        ...(b['FilterExpression'] ? { filterExpression: b['FilterExpression'] as Record<string, unknown> } : {}),
        notifications,
      });
      return {};
    },
    CreateNotification(input, ctx) {
      checkAccount(input, ctx);
      const budget = findBudget(input, ctx);
      const notification = readNotification(input['Notification'], input['Subscribers']);
      if (budget.notifications.some((n) => sameNotification(n, notification))) throw duplicate(`Error creating notification for budget ${budget.name}: the notification already exists.`);
      if (budget.notifications.length >= MAX_NOTIFICATIONS) throw new ApiError('CreationLimitExceededException', `A budget has at most ${MAX_NOTIFICATIONS} notifications`, 400);
      budget.notifications.push(notification);
      return {};
    },
    CreateSubscriber(input, ctx) {
      checkAccount(input, ctx);
      const notification = findNotification(findBudget(input, ctx), input);
      const subscriber = readSubscriber(input['Subscriber']);
      if (notification.subscribers.some((s) => s.type === subscriber.type && s.address === subscriber.address)) throw duplicate('Error creating subscriber: the subscriber already exists.');
      if (notification.subscribers.length >= MAX_SUBSCRIBERS) throw new ApiError('CreationLimitExceededException', `A notification has at most ${MAX_SUBSCRIBERS} subscribers`, 400);
      notification.subscribers.push(subscriber);
      return {};
    },
    DescribeSubscribersForNotification(input, ctx) {
      checkAccount(input, ctx);
      const notification = findNotification(findBudget(input, ctx), input);
      const { items, next } = page(notification.subscribers, pageStart(input['NextToken'], 'InvalidNextTokenException'), pageSize(input, 100, 100));
      return { Subscribers: items.map((s) => ({ SubscriptionType: s.type, Address: s.address })), NextToken: next };
    },
  },
};
