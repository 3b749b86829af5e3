// The cost planners' and the manual steps' plan(): budget, billing alarms, anomaly detection, what only a person can do.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  budgetNotification,
  costBudget,
  key,
  regionalSnapshot,
  report,
  rootRow,
  snapshot,
  snsSubscriptionTo,
  billingAlarm,
} from '../../../test/fixtures/snapshot.js';
import { planContext } from '../../../test/fixtures/steps.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { specSchema } from '../spec.js';
import type { Planner, Step } from '../types.js';
import { billingAlarmName, billingAlarmsPlanner } from './billing-alarms.js';
import { budgetPlanner } from './budget.js';
import { costAnomalyPlanner } from './cost-anomaly.js';
import { NEEDS_ALERT_EMAILS } from './cost-common.js';
import { costReportPlanner } from './cost-report.js';
import { manualPlanner } from './manual.js';

const EMAIL = 'billing@example.com';
const spec = (over: Record<string, unknown> = {}) => specSchema.parse({ alertEmails: [EMAIL], ...over });
const plan = (planner: Planner, s: AccountSnapshot, over: Record<string, unknown> = {}): Step[] => planner.plan(planContext({ snapshot: s, spec: spec(over) }));
const only = (steps: Step[]): Step => {
  expect(steps).toHaveLength(1);
  return steps[0]!;
};
const withBudgets = (...budgets: ReturnType<typeof costBudget>[]) => snapshot({ cost: { budgets } });
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:rampart-billing`;

describe('without alertEmails', () => {
  it('budget, billing alarms and anomaly detection are refused, not thrown', () => {
    for (const planner of [budgetPlanner, billingAlarmsPlanner, costAnomalyPlanner]) {
      const step = only(plan(planner, snapshot(), { alertEmails: [] }));
      expect(step.refused).toBe(NEEDS_ALERT_EMAILS);
      expect(step.run).toBeUndefined();
    }
  });
});

describe('budget', () => {
  it('creates a whole-account monthly COST budget with the seed alerts', () => {
    const step = only(plan(budgetPlanner, withBudgets()));
    expect(step).toMatchObject({ id: 'budget', kind: 'create', actions: ['budgets:ViewBudget', 'budgets:ModifyBudget'] });
    expect(step.detail).toBe(
      `create a monthly COST budget monthly-cost of 20 USD for the whole account, alerting ${EMAIL} on ACTUAL 50%, ACTUAL 80%, ACTUAL 100%, FORECASTED 100%`,
    );
  });

  it('adopts an existing whole-account COST budget: adds the missing alerts, keeps its amount', () => {
    const step = only(plan(budgetPlanner, withBudgets(costBudget('team-budget'))));
    expect(step.kind).toBe('update');
    expect(step.detail).toBe('adopt budget team-budget: add alerts ACTUAL 50% (no second budget); its amount (25 USD per month) is kept');
  });

  it('subscribes missing addresses to alerts that exist, and is a noop when everything is there', () => {
    const alerts = [budgetNotification('ACTUAL', 50), budgetNotification('ACTUAL', 80), budgetNotification('ACTUAL', 100), budgetNotification('FORECASTED', 100)];
    const complete = costBudget('monthly-cost', { limit: { amount: 20, unit: 'USD' }, notifications: alerts });
    expect(only(plan(budgetPlanner, withBudgets(complete))).kind).toBe('noop');
    const two = only(plan(budgetPlanner, withBudgets(complete), { alertEmails: [EMAIL, 'cfo@example.com'] }));
    expect(two.detail).toContain('subscribe cfo@example.com to ACTUAL 50%');
    // A threshold given as an amount counts by its percentage: 10 of 20 USD is 50%.
    const absolute = costBudget('monthly-cost', {
      limit: { amount: 20, unit: 'USD' },
      notifications: [budgetNotification('ACTUAL', 10, { thresholdType: 'ABSOLUTE_VALUE' }), ...alerts.slice(1)],
    });
    expect(only(plan(budgetPlanner, withBudgets(absolute))).kind).toBe('noop');
  });

  it('does not adopt a filtered budget, and refuses to reuse its name', () => {
    const filtered = costBudget('monthly-cost', { costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } });
    const step = only(plan(budgetPlanner, withBudgets(filtered)));
    expect(step.kind).toBe('create');
    expect(step.refused).toMatch(/does not watch the whole account/);
    expect(only(plan(budgetPlanner, withBudgets(filtered), { budget: { name: 'all-of-it' } })).refused).toBeUndefined();
  });
});

describe('billing-alarms', () => {
  const facts = (f: AccountSnapshot['regional'][string]) => regionalSnapshot({ 'us-east-1': f });
  const ids = (steps: Step[]) => steps.map((s) => [s.id, s.kind]);

  it('creates the topic with email subscriptions, the alarm ladder, and asks the person to confirm', () => {
    const steps = plan(billingAlarmsPlanner, facts({ alarms: [], snsSubscriptions: [] }));
    expect(ids(steps)).toEqual([
      ['billing-alarms:topic', 'create'],
      ['billing-alarms:alarms', 'create'],
      ['billing-alarms:confirm-subscriptions', 'manual'],
    ]);
    expect(steps[0]!.detail).toMatch(/create topic rampart-billing and subscribe billing@example.com by email; each address stays PendingConfirmation until/);
    expect(steps[1]).toMatchObject({ dependsOn: ['billing-alarms:topic'], detail: 'alarm on AWS/Billing EstimatedCharges (USD) at 10, 50, 100 USD, notifying topic rampart-billing' });
    expect(steps[2]!.manual).toMatchObject({ verify: 'rampart audit --check billing-alarm' });
    expect(steps[2]!.detail).toMatch(/^confirm the subscription email sent to billing@example.com/);
  });

  it('is a noop once the alarms notify the topic and the subscription is confirmed', () => {
    const alarms = [10, 50, 100].map((t) => billingAlarm({ name: billingAlarmName(t), threshold: t, alarmActions: [TOPIC] }));
    const done = plan(billingAlarmsPlanner, facts({ alarms, snsSubscriptions: [{ ...snsSubscriptionTo(TOPIC), endpoint: EMAIL }] }));
    expect(ids(done)).toEqual([
      ['billing-alarms:topic', 'noop'],
      ['billing-alarms:alarms', 'noop'],
    ]);
    const pending = plan(billingAlarmsPlanner, facts({ alarms, snsSubscriptions: [{ ...snsSubscriptionTo(TOPIC, false), endpoint: EMAIL }] }));
    expect(ids(pending)).toEqual([
      ['billing-alarms:topic', 'noop'],
      ['billing-alarms:alarms', 'noop'],
      ['billing-alarms:confirm-subscriptions', 'manual'],
    ]);
    expect(pending[0]!.detail).toContain('billing@example.com not confirmed yet');
  });

  it("adopts the account's own alarm at a threshold and creates only the others", () => {
    const theirs = billingAlarm({ threshold: 10 });
    const step = plan(billingAlarmsPlanner, facts({ alarms: [theirs], snsSubscriptions: [] }))[1]!;
    expect(step).toMatchObject({ kind: 'update', detail: expect.stringContaining('at 50, 100 USD') });
  });

  it('plans updates when us-east-1 was not collected', () => {
    const steps = plan(billingAlarmsPlanner, snapshot());
    expect(ids(steps)).toEqual([
      ['billing-alarms:topic', 'update'],
      ['billing-alarms:alarms', 'update'],
      ['billing-alarms:confirm-subscriptions', 'manual'],
    ]);
  });
});

describe('cost-anomaly', () => {
  const monitor = { arn: `arn:aws:ce::${ACCOUNT}:anomalymonitor/abc`, name: 'services', type: 'DIMENSIONAL' };
  const sub = (name: string, emails: string[]) => ({ arn: `arn:aws:ce::${ACCOUNT}:anomalysubscription/${name}`, name, monitorArns: [monitor.arn], frequency: 'DAILY', subscribers: emails.map((address) => ({ type: 'EMAIL', address })) });
  const withCe = (anomalyMonitors: (typeof monitor)[], anomalySubscriptions: ReturnType<typeof sub>[]) => snapshot({ cost: { anomalyMonitors, anomalySubscriptions } });

  it('creates the monitor and the subscription; adopts an existing monitor; noop when someone already gets the alerts', () => {
    expect(only(plan(costAnomalyPlanner, withCe([], [])))).toMatchObject({ kind: 'create', detail: expect.stringContaining('for anomalies of 10 USD or more') });
    expect(only(plan(costAnomalyPlanner, withCe([monitor], []))).detail).toMatch(/^adopt monitor services: add a daily email/);
    expect(only(plan(costAnomalyPlanner, withCe([monitor], [sub('theirs', [EMAIL])]))).kind).toBe('noop');
    expect(only(plan(costAnomalyPlanner, withCe([monitor], [sub('rampart-cost-anomalies', ['old@example.com'])]))).detail).toBe(
      `add ${EMAIL} to subscription rampart-cost-anomalies of monitor services`,
    );
  });
});

describe('manual', () => {
  const ids = (s: AccountSnapshot, over: Record<string, unknown> = {}) => plan(manualPlanner, s, over).map((step) => step.id);

  it('asks for root MFA and deleting root keys only when the account needs it', () => {
    const leaky = snapshot({
      iam: { summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 }, credentialReport: report() },
    });
    leaky.iam.credentialReport!.rows[0] = rootRow({ mfaActive: false, accessKeys: [key(), key({ active: false, lastRotated: null })] });
    const steps = plan(manualPlanner, leaky);
    expect(steps.map((s) => s.id)).toEqual(['manual:root-mfa', 'manual:root-access-keys', 'manual:iam-billing-access', 'manual:billing-alerts-preference']);
    expect(steps.every((s) => s.kind === 'manual' && s.run === undefined)).toBe(true);
    expect(steps[0]!.manual).toMatchObject({ verify: 'rampart audit --check root-mfa' });
    expect(steps[0]!.manual!.console).toContain('Click the account name (top right), then Security credentials');
    expect(steps[1]!.manual!.verify).toBe('rampart audit --check root-access-keys');
    expect(ids(snapshot())).toEqual(['manual:iam-billing-access', 'manual:billing-alerts-preference']);
  });

  it('says the billing settings cannot be read, and drops the alerts preference once the metric flows', () => {
    const [access, alerts] = plan(manualPlanner, snapshot());
    expect(access!.manual!.verify).toMatch(/^no API shows this setting/);
    expect(alerts!.manual!.console).toContain('Tick "Receive CloudWatch billing alerts", then click Update (it cannot be turned off afterwards)');
    const flowing = regionalSnapshot({ 'us-east-1': { alarms: [billingAlarm({ stateValue: 'OK' })] } });
    expect(ids(flowing)).toEqual(['manual:iam-billing-access']);
    expect(ids(snapshot(), { billingAlarms: false, budget: false, costAnomaly: false, admins: false })).toEqual([]);
  });
});

describe('cost-report', () => {
  const withReports = (cost: AccountSnapshot['cost']) => snapshot({ cost });
  const ids = (steps: Step[]) => steps.map((s) => [s.id, s.kind]);

  it('creates the bucket, then the CUR 2.0 export into it, when nothing delivers the bill to S3', () => {
    const steps = plan(costReportPlanner, withReports({ reportDefinitions: [], dataExports: [] }));
    expect(ids(steps)).toEqual([
      ['cost-report:bucket', 'create'],
      ['cost-report:export', 'create'],
    ]);
    expect(steps[0]!.detail).toBe(
      `bucket rampart-cost-reports-${ACCOUNT} (us-east-1) with all four public access block settings and the policy that lets bcm-data-exports.amazonaws.com and billingreports.amazonaws.com write (this account only, HTTPS only)`,
    );
    expect(steps[1]!.detail).toBe(
      `data export rampart-cost-and-usage: CUR 2.0 (SELECT * FROM COST_AND_USAGE_REPORT), daily with resource ids, Parquet, into s3://rampart-cost-reports-${ACCOUNT}/cur2/ (exports are free; S3 storage is billed)`,
    );
    expect(steps[1]!.dependsOn).toEqual(['cost-report:bucket']);
    expect(steps[1]!.actions).toContain('bcm-data-exports:CreateExport');
    for (const step of steps) expect(step.run).toBeTypeOf('function');
    // No alert address is needed: nobody is emailed.
    expect(ids(plan(costReportPlanner, withReports({ reportDefinitions: [], dataExports: [] }), { alertEmails: [] }))).toEqual(ids(steps));
  });

  it('uses the bucket the spec names', () => {
    const steps = plan(costReportPlanner, withReports({ reportDefinitions: [], dataExports: [] }), { costReport: { bucket: 'acme-billing' } });
    expect(steps[0]!.title).toBe('Cost report bucket acme-billing');
    expect(steps[1]!.detail).toContain('into s3://acme-billing/cur2/');
  });

  it('adopts a legacy CUR or a data export that delivers to S3', () => {
    const legacy = plan(costReportPlanner, withReports({ reportDefinitions: [{ name: 'hourly', s3Bucket: 'acme-cur', s3Region: 'eu-west-1' }], dataExports: [] }));
    expect(ids(legacy)).toEqual([['cost-report:export', 'noop']]);
    expect(legacy[0]!.detail).toBe('Cost and Usage Report hourly delivers to s3://acme-cur (eu-west-1): adopted');
    const cur2 = plan(costReportPlanner, withReports({ reportDefinitions: [], dataExports: [{ name: 'cur2', arn: 'arn:aws:bcm-data-exports:us-east-1:1:export/cur2', s3Bucket: 'acme-exports' }] }));
    expect(ids(cur2)).toEqual([['cost-report:export', 'noop']]);
    expect(cur2[0]!.detail).toBe('data export cur2 delivers to s3://acme-exports: adopted');
  });

  it('leaves the decision to apply when the reports could not be read, and plans nothing when turned off', () => {
    const unread = plan(costReportPlanner, withReports({ reportDefinitions: [] }));
    expect(ids(unread)).toEqual([
      ['cost-report:bucket', 'create'],
      ['cost-report:export', 'create'],
    ]);
    expect(unread[1]!.detail).toContain('the report definitions and data exports could not be read when the account was collected');
    // An export whose destination GetExport could not read: apply looks again.
    const blind = plan(costReportPlanner, withReports({ reportDefinitions: [], dataExports: [{ name: 'x', arn: 'arn', s3Bucket: null }] }));
    expect(blind[0]!.detail).toContain('could not be read');
    expect(plan(costReportPlanner, withReports({ reportDefinitions: [], dataExports: [] }), { costReport: false })).toEqual([]);
  });
});
