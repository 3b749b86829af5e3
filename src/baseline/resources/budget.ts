// The monthly cost budget of seeds 000, 002, 003: COST, the whole account (no filters), with ACTUAL alerts at 50/80/100%
// and a FORECASTED alert at 100%, each emailed to the spec's alertEmails. An existing whole-account COST budget is
// adopted: it gets the alerts and subscribers it lacks, never a second budget beside it, and its amount is left alone.
import {
  BudgetsClient,
  CreateBudgetCommand,
  CreateNotificationCommand,
  CreateSubscriberCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  type Notification,
} from '@aws-sdk/client-budgets';
import { awsErrorCode } from '../../aws/errors.js';
import { describeLimit, isWholeAccountCostBudget, thresholdPercent } from '../../checks/cost/budgets.js';
import { toBudget } from '../../inventory/cost/budgets.js';
import type { Budget } from '../../inventory/schema/cost.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, Planner, Step } from '../types.js';
import { billingRegionOf, emailList, refusedWithoutEmails } from './cost-common.js';
import { notCollected } from './iam-common.js';

export const BUDGET_STEP = 'budget';
const ACTIONS = ['budgets:ViewBudget', 'budgets:ModifyBudget'];

type BudgetSpec = Exclude<BaselineSpec['budget'], false>;

export interface Alert {
  type: 'ACTUAL' | 'FORECASTED';
  /** Percent of the budget's amount. */
  threshold: number;
}

export const desiredAlerts = (spec: BudgetSpec): Alert[] => [
  ...spec.actualAlerts.map((threshold) => ({ type: 'ACTUAL' as const, threshold })),
  ...spec.forecastAlerts.map((threshold) => ({ type: 'FORECASTED' as const, threshold })),
];

const describeAlert = (a: Alert): string => `${a.type} ${a.threshold}%`;

/** A whole-account COST budget: no cost filters and no filter expression. */
const watchesWholeAccount = (b: Budget): boolean => isWholeAccountCostBudget(b) && !b.filterExpression;

/** The budget to adopt: the spec's by name if it watches the whole account, else the first that does. */
export function budgetToAdopt(budgets: readonly Budget[], name: string): Budget | undefined {
  const whole = budgets.filter(watchesWholeAccount);
  return whole.find((b) => b.name === name) ?? whole[0];
}

/** The notification of `budget` that is `alert` (GREATER_THAN, the same percentage however it is expressed). */
const notificationFor = (budget: Budget, alert: Alert): Budget['notifications'][number] | undefined =>
  budget.notifications.find((n) => n.notificationType === alert.type && n.comparisonOperator === 'GREATER_THAN' && thresholdPercent(n, budget) === alert.threshold);

/** What an adopted budget lacks: whole alerts, and emails missing from alerts it has. */
export function budgetGaps(budget: Budget, alerts: readonly Alert[], emails: readonly string[]): { missing: Alert[]; unheard: { alert: Alert; emails: string[] }[] } {
  const missing: Alert[] = [];
  const unheard: { alert: Alert; emails: string[] }[] = [];
  for (const alert of alerts) {
    const n = notificationFor(budget, alert);
    if (!n) {
      missing.push(alert);
      continue;
    }
    const lacking = emails.filter((e) => !n.subscribers.some((s) => s.type === 'EMAIL' && s.address.toLowerCase() === e.toLowerCase()));
    if (lacking.length) unheard.push({ alert, emails: lacking });
  }
  return { missing, unheard };
}

const awsNotification = (a: Alert): Notification => ({ NotificationType: a.type, ComparisonOperator: 'GREATER_THAN', Threshold: a.threshold, ThresholdType: 'PERCENTAGE' });
const emailSubscribers = (emails: readonly string[]) => emails.map((Address) => ({ SubscriptionType: 'EMAIL' as const, Address }));

/** Tokened listings that answer NotFoundException when there is nothing to list. */
async function allOrNone<T>(page: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await page(token);
      all.push(...(out.items ?? []));
      token = out.next;
    } while (token);
  } catch (err) {
    if (awsErrorCode(err) === 'NotFoundException') return all;
    throw err;
  }
  return all;
}

/** The account's budgets with their notifications and subscribers, read now (only the candidate's in full). */
async function readBudget(budgets: BudgetsClient, AccountId: string, name: string): Promise<{ adopt: Budget | undefined; named: Budget | undefined }> {
  const listed = (
    await allOrNone(async (NextToken) => {
      const out = await budgets.send(new DescribeBudgetsCommand({ AccountId, NextToken, MaxResults: 100, ShowFilterExpression: true }));
      return { items: out.Budgets, next: out.NextToken };
    })
  ).map((b): Budget => ({ ...toBudget(b), notifications: [] }));
  const candidate = budgetToAdopt(listed, name);
  const named = listed.find((b) => b.name === name);
  if (!candidate) return { adopt: undefined, named };
  const notifications = await allOrNone(async (NextToken) => {
    const out = await budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId, BudgetName: candidate.name, NextToken, MaxResults: 100 }));
    return { items: out.Notifications, next: out.NextToken };
  });
  candidate.notifications = await Promise.all(
    notifications.map(async (n) => ({
      notificationType: n.NotificationType ?? '',
      comparisonOperator: n.ComparisonOperator ?? '',
      threshold: n.Threshold ?? 0,
      thresholdType: n.ThresholdType ?? 'PERCENTAGE',
      state: n.NotificationState ?? null,
      subscribers: (
        await allOrNone(async (NextToken) => {
          const out = await budgets.send(
            new DescribeSubscribersForNotificationCommand({ AccountId, BudgetName: candidate.name, Notification: n, NextToken, MaxResults: 100 }),
          );
          return { items: out.Subscribers, next: out.NextToken };
        })
      ).map((s) => ({ type: s.SubscriptionType ?? '', address: s.Address ?? '' })),
    })),
  );
  return { adopt: candidate, named };
}

async function run(ctx: ApplyContext, spec: BudgetSpec): Promise<string> {
  const budgets = ctx.session.client(BudgetsClient, { region: billingRegionOf(ctx) });
  const AccountId = ctx.snapshot.account.id;
  const emails = ctx.spec.alertEmails;
  const alerts = desiredAlerts(spec);
  const { adopt, named } = await readBudget(budgets, AccountId, spec.name);
  if (!adopt) {
    if (named) throw new Error(`budget ${spec.name} exists but does not watch the whole account's cost; set budget.name to another name`);
    await budgets.send(
      new CreateBudgetCommand({
        AccountId,
        Budget: { BudgetName: spec.name, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: String(spec.amount), Unit: spec.currency } },
        NotificationsWithSubscribers: alerts.map((a) => ({ Notification: awsNotification(a), Subscribers: emailSubscribers(emails) })),
      }),
    );
  } else {
    const { missing, unheard } = budgetGaps(adopt, alerts, emails);
    for (const alert of missing) {
      await budgets.send(new CreateNotificationCommand({ AccountId, BudgetName: adopt.name, Notification: awsNotification(alert), Subscribers: emailSubscribers(emails) }));
    }
    for (const { alert, emails: lacking } of unheard) {
      // The notification as the account has it (its threshold may be an absolute amount).
      const n = notificationFor(adopt, alert)!;
      const Notification: Notification = {
        NotificationType: n.notificationType as Notification['NotificationType'],
        ComparisonOperator: n.comparisonOperator as Notification['ComparisonOperator'],
        Threshold: n.threshold,
        ThresholdType: n.thresholdType as Notification['ThresholdType'],
      };
      for (const Subscriber of emailSubscribers(lacking)) await budgets.send(new CreateSubscriberCommand({ AccountId, BudgetName: adopt.name, Notification, Subscriber }));
    }
    if (!missing.length && !unheard.length) return `budget ${adopt.name} (${describeLimit(adopt)}) already alerts ${emailList(emails)} on ${alerts.map(describeAlert).join(', ')}`;
  }
  const after = (await readBudget(budgets, AccountId, adopt?.name ?? spec.name)).adopt;
  const gaps = after ? budgetGaps(after, alerts, emails) : undefined;
  if (!after || gaps!.missing.length || gaps!.unheard.length) throw new Error(`budget ${adopt?.name ?? spec.name} does not read back with every alert and subscriber`);
  const what = adopt ? `adopted budget ${adopt.name} (${describeLimit(adopt)})` : `created budget ${spec.name} (${spec.amount} ${spec.currency} per month)`;
  return `${what}: alerts ${emailList(emails)} on ${alerts.map(describeAlert).join(', ')} (AWS emails each address about its alerts; no confirmation needed)`;
}

export const budgetPlanner: Planner = {
  id: 'budget',
  plan(ctx) {
    const spec = ctx.spec.budget;
    if (spec === false) return [];
    const base = { id: BUDGET_STEP, title: `Monthly cost budget ${spec.name}`, actions: ACTIONS };
    const refused = refusedWithoutEmails(ctx, base);
    if (refused) return refused;
    const runnable = { ...base, run: (apply: ApplyContext) => run(apply, spec) };
    const alerts = desiredAlerts(spec);
    const emails = ctx.spec.alertEmails;
    const budgets = ctx.snapshot.cost?.budgets;
    if (!budgets) return [{ ...runnable, kind: 'update', detail: notCollected('the budgets') }];
    const adopt = budgetToAdopt(budgets, spec.name);
    if (!adopt) {
      const create = `create a monthly COST budget ${spec.name} of ${spec.amount} ${spec.currency} for the whole account, alerting ${emailList(emails)} on ${alerts.map(describeAlert).join(', ')}`;
      if (budgets.some((b) => b.name === spec.name)) {
        return [{ ...base, kind: 'create', detail: create, refused: `budget ${spec.name} exists but does not watch the whole account's cost; set budget.name to another name` } satisfies Step];
      }
      return [{ ...runnable, kind: 'create', detail: create }];
    }
    const { missing, unheard } = budgetGaps(adopt, alerts, emails);
    const keeps = adopt.limit && (adopt.limit.amount !== spec.amount || adopt.limit.unit !== spec.currency) ? `; its amount (${describeLimit(adopt)}) is kept` : '';
    if (!missing.length && !unheard.length) return [{ ...base, kind: 'noop', detail: `budget ${adopt.name} alerts ${emailList(emails)} on ${alerts.map(describeAlert).join(', ')}${keeps}` }];
    const todo = [
      ...(missing.length ? [`add alerts ${missing.map(describeAlert).join(', ')}`] : []),
      ...unheard.map((u) => `subscribe ${emailList(u.emails)} to ${describeAlert(u.alert)}`),
    ];
    return [{ ...runnable, kind: 'update', detail: `adopt budget ${adopt.name}: ${todo.join('; ')} (no second budget)${keeps}` }];
  },
};
