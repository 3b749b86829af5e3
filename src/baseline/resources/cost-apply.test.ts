// The cost planners' run() against the emulator: budget, billing alarm ladder, anomaly detection; adoption of what the
// account already has; a second run that writes nothing; the cost checks on a fresh snapshot.
import { BCMDataExportsClient, CreateExportCommand } from '@aws-sdk/client-bcm-data-exports';
import { GetBucketPolicyCommand, GetPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { applyHarness, collect } from '../../../test/fixtures/apply-context.js';
import { useEmulatedEnvironment } from '../../../test/aws-emulator/emulated-env.js';
import type { Scenario } from '../../../test/aws-emulator/index.js';
import { scenarioPath } from '../../../test/aws-emulator/test-helpers.js';
import { allChecks } from '../../checks/index.js';
import { runChecks } from '../../checks/run.js';
import { DEFAULT_CHECK_OPTIONS } from '../../checks/types.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { billingAlarmsPlanner } from './billing-alarms.js';
import { budgetPlanner } from './budget.js';
import { costAnomalyPlanner } from './cost-anomaly.js';
import { costReportPlanner } from './cost-report.js';
import { manualPlanner } from './manual.js';

const env = useEmulatedEnvironment();

const ROOT_SESSION = 'ASIAROOTSESSION00001';
const EMAILS = ['billing@acme.example', 'cfo@acme.example'];
const COST = [budgetPlanner, billingAlarmsPlanner, costAnomalyPlanner];

const results = (snapshot: AccountSnapshot, id: string) =>
  runChecks(
    snapshot,
    allChecks.filter((c) => c.id === id),
    { ...DEFAULT_CHECK_OPTIONS, now: new Date() },
  );

describe('an empty account', () => {
  it('gets the budget, the billing alarms and anomaly detection; a second run writes nothing; the checks pass', async () => {
    const h = await applyHarness(env, scenarioPath('empty-account'), ROOT_SESSION, { alertEmails: EMAILS });
    const { ctx, steps } = await h.plan(...COST);
    expect(steps.map((s) => [s.id, s.kind])).toEqual([
      ['budget', 'create'],
      ['billing-alarms:topic', 'create'],
      ['billing-alarms:alarms', 'create'],
      ['billing-alarms:confirm-subscriptions', 'manual'],
      ['cost-anomaly', 'create'],
    ]);

    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines[0]).toBe(
      'created budget monthly-cost (20 USD per month): alerts billing@acme.example, cfo@acme.example on ACTUAL 50%, ACTUAL 80%, ACTUAL 100%, FORECASTED 100% (AWS emails each address about its alerts; no confirmation needed)',
    );
    expect(lines[1]).toMatch(/^created topic rampart-billing, subscribed billing@acme.example, cfo@acme.example \(each address stays PendingConfirmation until/);
    expect(lines[2]).toBe('created billing alarms at 10, 50, 100 USD notifying arn:aws:sns:us-east-1:456789012345:rampart-billing');
    expect(lines[3]).toBe(
      'created monitor rampart-aws-services, created a daily subscription to billing@acme.example, cfo@acme.example for anomalies of 10 USD or more (monitor rampart-aws-services)',
    );
    expect(h.writes()).toEqual({
      'budgets:CreateBudget': 1,
      'ce:CreateAnomalyMonitor': 1,
      'ce:CreateAnomalySubscription': 1,
      'cloudwatch:PutMetricAlarm': 3,
      'sns:CreateTopic': 1,
      'sns:Subscribe': 2,
    });

    h.emulator.resetCalls();
    const again = await h.runAll(ctx, steps);
    expect(h.writes()).toEqual({});
    expect(again[1]).toBe('topic rampart-billing has every alert address; billing@acme.example, cfo@acme.example not confirmed yet: click the link in the email');

    // Planned again: nothing to do but the confirmation only a person can give.
    const { steps: replanned } = await h.plan(...COST);
    expect(replanned.map((s) => [s.id, s.kind])).toEqual([
      ['budget', 'noop'],
      ['billing-alarms:topic', 'noop'],
      ['billing-alarms:alarms', 'noop'],
      ['billing-alarms:confirm-subscriptions', 'manual'],
      ['cost-anomaly', 'noop'],
    ]);

    const after = await collect();
    for (const id of ['budget-exists', 'budget-alerts', 'cost-anomaly-monitor']) expect(results(after, id).map((r) => [r.checkId, r.status])).toEqual([[id, 'PASS']]);
    // The alarms are there; what is missing is the click in the email.
    const [alarm] = results(after, 'billing-alarm');
    expect(alarm).toMatchObject({ status: 'FAIL', message: expect.stringContaining('no confirmed subscription (pending confirmation: check the inbox)') });
    expect(after.regional['us-east-1']?.alarms?.map((a) => a.name)).toEqual(['rampart-billing-over-10-usd', 'rampart-billing-over-100-usd', 'rampart-billing-over-50-usd']);

    // The new alarms have no data yet: the billing-alerts preference stays on the manual list.
    const manual = manualPlanner.plan(await h.context()).map((s) => s.id);
    expect(manual).toContain('manual:billing-alerts-preference');
    expect(manual).toContain('manual:root-mfa');
  });
});

/** An account with its own budget (ACTUAL 80% only, to the finance address) and its own AWS services monitor. */
const ownCost: Scenario = {
  account: { id: '456789012345' },
  root: { mfa: 'virtual' },
  callers: { ASIAROOTSESSION00001: 'arn:aws:iam::456789012345:root' },
  budgets: [
    { name: 'team-budget', limit: { amount: 100 }, notifications: [{ type: 'ACTUAL', threshold: 80, subscribers: [{ address: 'finance@acme.example' }] }] },
    { name: 'ec2-only', limit: { amount: 5 }, costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } },
  ],
  anomalyMonitors: [{ name: 'services', type: 'DIMENSIONAL', dimension: 'SERVICE' }],
};

describe('an account with its own budget and monitor', () => {
  it('adopts them: alerts and subscribers added, no second budget, no second monitor', async () => {
    const h = await applyHarness(env, ownCost, ROOT_SESSION, { alertEmails: ['billing@acme.example'] });
    const { ctx, steps } = await h.plan(budgetPlanner, costAnomalyPlanner);
    expect(steps.map((s) => [s.id, s.kind])).toEqual([
      ['budget', 'update'],
      ['cost-anomaly', 'update'],
    ]);
    expect(steps[0]!.detail).toBe(
      'adopt budget team-budget: add alerts ACTUAL 50%, ACTUAL 100%, FORECASTED 100%; subscribe billing@acme.example to ACTUAL 80% (no second budget); its amount (100 USD per month) is kept',
    );

    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines[0]).toMatch(/^adopted budget team-budget \(100 USD per month\)/);
    expect(h.writes()).toEqual({ 'budgets:CreateNotification': 3, 'budgets:CreateSubscriber': 1, 'ce:CreateAnomalySubscription': 1 });

    h.emulator.resetCalls();
    await h.runAll(ctx, steps);
    expect(h.writes()).toEqual({});

    const after = await collect();
    expect(after.cost?.budgets?.map((b) => b.name).sort()).toEqual(['ec2-only', 'team-budget']);
    const team = after.cost?.budgets?.find((b) => b.name === 'team-budget');
    expect(team?.notifications.find((n) => n.threshold === 80)?.subscribers).toEqual([
      { type: 'EMAIL', address: 'finance@acme.example' },
      { type: 'EMAIL', address: 'billing@acme.example' },
    ]);
    expect(after.cost?.anomalyMonitors?.map((m) => m.name)).toEqual(['services']);
    for (const id of ['budget-exists', 'budget-alerts', 'cost-anomaly-monitor']) expect(results(after, id)[0]?.status).toBe('PASS');
  });
});

describe('the cost report', () => {
  const BUCKET = 'rampart-cost-reports-456789012345';

  it('an empty account gets the bucket and the CUR 2.0 export; a second run writes nothing; the check passes', async () => {
    const h = await applyHarness(env, scenarioPath('empty-account'), ROOT_SESSION);
    const { ctx, steps } = await h.plan(costReportPlanner);
    expect(steps.map((s) => [s.id, s.kind])).toEqual([
      ['cost-report:bucket', 'create'],
      ['cost-report:export', 'create'],
    ]);
    expect(results(ctx.snapshot, 'cost-usage-report')[0]?.status).toBe('FAIL');

    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines).toEqual([
      `created bucket ${BUCKET} with a policy letting Data Exports and billing reports write`,
      `created data export rampart-cost-and-usage (CUR 2.0, daily, Parquet) into s3://${BUCKET}/cur2/ (the first delivery arrives within 24 hours)`,
    ]);
    // Created with the public access block on; only the policy is added.
    expect(h.writes()).toEqual({ 's3:CreateBucket': 1, 's3:PutBucketPolicy': 1, 'bcm-data-exports:CreateExport': 1 });

    h.emulator.resetCalls();
    const again = await h.runAll(ctx, steps);
    expect(h.writes()).toEqual({});
    expect(again).toEqual([
      `data export rampart-cost-and-usage delivers to s3://${BUCKET}: adopted, nothing created`,
      `data export rampart-cost-and-usage delivers to s3://${BUCKET}: adopted, nothing created`,
    ]);

    const after = await collect();
    expect(results(after, 'cost-usage-report').map((r) => [r.status, r.message])).toEqual([['PASS', `data export rampart-cost-and-usage is delivered to s3://${BUCKET}`]]);
    const replanned = costReportPlanner.plan({ ...ctx, snapshot: after });
    expect(replanned.map((s) => [s.id, s.kind])).toEqual([['cost-report:export', 'noop']]);
    // The bucket is private; only the billing services of this account may write to it.
    const s3 = h.session.client(S3Client, { region: 'us-east-1' });
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: BUCKET }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET }))).Policy ?? '{}') as { Statement: Record<string, unknown>[] };
    expect(policy.Statement[0]).toMatchObject({
      Principal: { Service: ['billingreports.amazonaws.com', 'bcm-data-exports.amazonaws.com'] },
      Condition: { StringLike: { 'aws:SourceAccount': '456789012345' } },
    });
  });

  it('adopts a legacy Cost and Usage Report: nothing planned, nothing written', async () => {
    const h = await applyHarness(env, { ...ownCost, reportDefinitions: [{ name: 'hourly', bucket: 'acme-cur' }] }, ROOT_SESSION);
    const { steps } = await h.plan(costReportPlanner);
    expect(steps.map((s) => [s.id, s.kind, s.detail])).toEqual([['cost-report:export', 'noop', 'Cost and Usage Report hourly delivers to s3://acme-cur (us-east-1): adopted']]);
  });

  it('adopts an export created between the plan and the run instead of making a second one', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'bcm-data-exports.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::their-bucket/*' }],
    };
    const h = await applyHarness(env, { ...ownCost, buckets: [{ name: 'their-bucket', policy }] }, ROOT_SESSION, { costReport: { bucket: 'acme-billing' } });
    const { ctx, steps } = await h.plan(costReportPlanner);
    expect(steps.map((s) => s.kind)).toEqual(['create', 'create']);
    // Someone sets one up in the console meanwhile.
    await h.session.client(BCMDataExportsClient, { region: 'us-east-1' }).send(
      new CreateExportCommand({
        Export: {
          Name: 'console-cur',
          DataQuery: { QueryStatement: 'SELECT * FROM COST_AND_USAGE_REPORT' },
          DestinationConfigurations: {
            S3Destination: { S3Bucket: 'their-bucket', S3Prefix: 'cur', S3Region: 'us-east-1', S3OutputConfigurations: { OutputType: 'CUSTOM', Format: 'TEXT_OR_CSV', Compression: 'GZIP', Overwrite: 'CREATE_NEW_REPORT' } },
          },
          RefreshCadence: { Frequency: 'SYNCHRONOUS' },
        },
      }),
    );
    h.emulator.resetCalls();
    expect(await h.runAll(ctx, steps)).toEqual([
      'data export console-cur delivers to s3://their-bucket: adopted, nothing created',
      'data export console-cur delivers to s3://their-bucket: adopted, nothing created',
    ]);
    expect(h.writes()).toEqual({});
  });
});
