// Regions, the cost section and the monitoring facts of the regional fan-out, through collectSnapshot and the real
// SDK clients against the emulator: what the clean and leaky accounts give, opt-in regions, --regions, a region that
// does not answer, AccessDenied in one region, throttling, and how many calls it all takes.
import { describe, expect, it } from 'vitest';
import { useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import type { Scenario } from '../../test/aws-emulator/index.js';
import { CLEAN_CI_KEY, LEAKY_ADMIN_KEY, readScenario, scenarioPath } from '../../test/aws-emulator/test-helpers.js';
import { createSession, type SessionOptions } from '../aws/session.js';
import { InputError } from '../util/errors.js';
import { collectSnapshot, type CollectOptions, type ProgressEvent } from './collect.js';
import { collectRegional, REGIONAL_COLLECTORS } from './regional.js';
import { snapshotSchema, type AccountSnapshot } from './snapshot.js';

const CLEAN = readScenario('clean-account');
const COST_AND_MONITORING: CollectOptions = { scope: ['cost', 'monitoring'] };
const MONITORING = REGIONAL_COLLECTORS.filter((c) => ['alarms', 'metricFilters', 'snsSubscriptions'].includes(c.section));

const { emulate } = useEmulatedEnvironment();

async function collect(options: CollectOptions = {}, sessionOptions: SessionOptions = {}) {
  const session = createSession(sessionOptions);
  const events: ProgressEvent[] = [];
  try {
    const snapshot = await collectSnapshot(session, { ...options, onProgress: (e) => events.push(e) });
    return { snapshot, calls: session.calls(), events };
  } finally {
    session.close();
  }
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
const withoutTime = ({ collectedAt: _collectedAt, ...rest }: AccountSnapshot) => rest;
const callsOf = (calls: Record<string, number>, prefix: string) =>
  Object.fromEntries(Object.entries(calls).filter(([key]) => key.startsWith(prefix)));

describe('the clean account', () => {
  it('has the budget with its four alerts, anomaly detection, a CUR, and the monitoring facts in us-east-1', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const { snapshot } = await collect(COST_AND_MONITORING);
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.errors).toEqual([]);

    expect(snapshot.regions).toEqual({
      enabled: expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-south-1']),
      notEnabled: ['af-south-1', 'ap-east-1', 'me-south-1'],
      audited: snapshot.regions!.enabled,
      notes: [],
    });
    expect(snapshot.regions!.enabled).toHaveLength(17);

    const email = [{ type: 'EMAIL', address: 'billing@clean.example' }];
    const alert = (notificationType: string, threshold: number) => ({
      notificationType,
      comparisonOperator: 'GREATER_THAN',
      threshold,
      thresholdType: 'PERCENTAGE',
      state: 'OK',
      subscribers: email,
    });
    expect(snapshot.cost).toEqual({
      budgets: [
        {
          name: 'monthly-cost',
          budgetType: 'COST',
          timeUnit: 'MONTHLY',
          limit: { amount: 50, unit: 'USD' },
          costFilters: {},
          notifications: [alert('ACTUAL', 50), alert('ACTUAL', 80), alert('ACTUAL', 100), alert('FORECASTED', 100)],
        },
      ],
      anomalyMonitors: [{ arn: expect.stringMatching(/^arn:aws:ce::210987654321:anomalymonitor\//), name: 'aws-services', type: 'DIMENSIONAL' }],
      anomalySubscriptions: [
        { arn: expect.stringContaining(':anomalysubscription/'), name: 'daily-cost-anomalies', monitorArns: [snapshot.cost!.anomalyMonitors![0]!.arn], frequency: 'DAILY', subscribers: email },
      ],
      reportDefinitions: [{ name: 'clean-co-cur', s3Bucket: 'clean-co-billing-reports', s3Region: 'us-east-1' }],
      dataExports: [],
    });

    // The trail delivers to CloudTrail/DefaultLogGroup in us-east-1: the monitoring facts are asked there only.
    const east = snapshot.regional['us-east-1']!;
    expect(east.metricFilters).toHaveLength(15);
    expect(east.metricFilters!.every((f) => f.logGroupName === 'CloudTrail/DefaultLogGroup')).toBe(true);
    expect(east.metricFilters!.find((f) => f.metricTransformations[0]!.metricName === 'RootAccountUsage')!.pattern).toContain('$.userIdentity.type = "Root"');
    expect(east.alarms).toHaveLength(16);
    expect(east.alarms!.find((a) => a.namespace === 'AWS/Billing')).toEqual({
      name: 'billing-over-10-usd',
      arn: 'arn:aws:cloudwatch:us-east-1:210987654321:alarm:billing-over-10-usd',
      namespace: 'AWS/Billing',
      metricName: 'EstimatedCharges',
      dimensions: { Currency: 'USD' },
      threshold: 10,
      comparisonOperator: 'GreaterThanThreshold',
      actionsEnabled: true,
      alarmActions: ['arn:aws:sns:us-east-1:210987654321:billing-alerts'],
      stateValue: 'OK',
    });
    expect(east.snsSubscriptions).toEqual([
      { topicArn: 'arn:aws:sns:us-east-1:210987654321:billing-alerts', protocol: 'email', endpoint: 'billing@clean.example', confirmed: true },
      { topicArn: 'arn:aws:sns:us-east-1:210987654321:security-alarms', protocol: 'email', endpoint: 'security@clean.example', confirmed: true },
    ]);
    expect(Object.keys(snapshot.regional).sort()).toEqual([...snapshot.regions!.audited].sort());
    expect(snapshot.regional['eu-west-1']).toEqual({});
  });

  it('takes a bounded number of calls: one per page, the subscribers of each budget alert, nothing per alarm', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const { calls } = await collect(COST_AND_MONITORING);
    expect(callsOf(calls, 'budgets:')).toEqual({
      'budgets:DescribeBudgetNotificationsForAccount': 1,
      'budgets:DescribeBudgets': 1,
      'budgets:DescribeSubscribersForNotification': 4,
    });
    expect(callsOf(calls, 'cloudwatch:')).toEqual({ 'cloudwatch:DescribeAlarms': 1 });
    expect(callsOf(calls, 'cloudwatchlogs:')).toEqual({ 'cloudwatchlogs:DescribeMetricFilters': 1 });
    expect(callsOf(calls, 'sns:')).toEqual({ 'sns:ListSubscriptions': 1 });
    expect(calls['ec2:DescribeRegions']).toBe(1);
    // No identity call but the alias; no Config, KMS or GuardDuty outside the scope.
    expect(Object.keys(calls).filter((k) => k.startsWith('iam:'))).toEqual(['iam:ListAccountAliases']);
    expect(Object.keys(calls).some((k) => /^(kms|configservice|guardduty|securityhub|accessanalyzer):/.test(k))).toBe(false);
  });

  it('gives the same snapshot when 30% of calls are throttled', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const calm = await collect(COST_AND_MONITORING);
    const emu = await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: '*', kind: 'Throttling', rate: 0.3 }] });
    const throttled = await collect(COST_AND_MONITORING, { maxAttempts: 12 });
    expect(total(emu.calls())).toBeGreaterThan(total(calm.calls));
    expect(throttled.snapshot.errors).toEqual([]);
    expect(withoutTime(throttled.snapshot)).toEqual(withoutTime(calm.snapshot));
  }, 60_000);
});

describe('AccessDenied on budgets', () => {
  it('leaves only the budgets out of the cost section', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'budgets:*', kind: 'AccessDenied' }] });
    const { snapshot, events } = await collect({ scope: ['cost'] });
    expect(snapshot.errors).toEqual([
      { service: 'budgets', operation: 'DescribeBudgets', code: 'AccessDeniedException', message: expect.any(String), region: null },
    ]);
    expect(snapshot.cost).toEqual({
      anomalyMonitors: expect.any(Array),
      anomalySubscriptions: expect.any(Array),
      reportDefinitions: expect.any(Array),
      dataExports: [],
    });
    expect(snapshot.regional['us-east-1']!.alarms).toHaveLength(16);
    expect(events.filter((e) => e.step === 'budgets:budgets').map((e) => e.state)).toEqual(['start', 'error']);
  });
});

describe('the leaky account', () => {
  it('has no budget, anomaly monitor, report, alarm or subscription, and no trail to look for filters on', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const { snapshot, calls } = await collect(COST_AND_MONITORING);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.cost).toEqual({ budgets: [], anomalyMonitors: [], anomalySubscriptions: [], reportDefinitions: [], dataExports: [] });
    // No budget: no notification call.
    expect(calls['budgets:DescribeBudgetNotificationsForAccount']).toBeUndefined();
    expect(snapshot.logging?.trails).toEqual([]);
    // eventRules: the root sign-in rule apply plans, asked in us-east-1 only.
    expect(snapshot.regional['us-east-1']).toEqual({ alarms: [], snsSubscriptions: [], eventRules: [] });
    expect(calls['cloudwatchlogs:DescribeMetricFilters']).toBeUndefined();
  });
});

describe('regions', () => {
  const optIn: Scenario = {
    ...CLEAN,
    regions: ['us-east-1', 'eu-west-1', { name: 'eu-south-1', optIn: 'opted-in' }, { name: 'ap-east-1', optIn: 'not-opted-in' }],
  };

  it('audits opted-in regions and skips the ones not enabled, without an error', async () => {
    const emu = await emulate(optIn, CLEAN_CI_KEY);
    const { snapshot } = await collect({ scope: ['exposure'] });
    expect(snapshot.regions).toEqual({
      enabled: ['us-east-1', 'eu-west-1', 'eu-south-1'],
      notEnabled: ['ap-east-1'],
      audited: ['us-east-1', 'eu-west-1', 'eu-south-1'],
      notes: [],
    });
    expect(Object.keys(snapshot.regional).sort()).toEqual(['eu-south-1', 'eu-west-1', 'us-east-1']);
    expect(snapshot.regional['eu-south-1']!.guardDutyDetectors).toHaveLength(1);
    expect(snapshot.errors).toEqual([]);
    // Three regions, one ListDetectors each.
    expect(emu.calls()['guardduty:ListDetectors']).toBe(3);
  });

  it('--regions limits the fan-out; a requested region not enabled is skipped with a note', async () => {
    const emu = await emulate(optIn, CLEAN_CI_KEY);
    const { snapshot } = await collect({ scope: ['exposure'], regions: ['eu-west-1', 'ap-east-1'] });
    expect(snapshot.regions!.audited).toEqual(['eu-west-1']);
    expect(snapshot.regions!.notes).toEqual(['ap-east-1 was requested but is an opt-in region this account has not enabled: skipped']);
    expect(Object.keys(snapshot.regional)).toEqual(['eu-west-1']);
    expect(emu.calls()['guardduty:ListDetectors']).toBe(1);
  });

  it('an unknown region name is an InputError before anything else is asked', async () => {
    const emu = await emulate(optIn, CLEAN_CI_KEY);
    const error = await collect({ regions: ['eu-west-1', 'eu-wset-1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('"eu-wset-1" (did you mean "eu-west-1"?)');
    expect(Object.keys(emu.calls()).sort()).toEqual(['ec2:DescribeRegions', 'sts:GetCallerIdentity']);
  });

  it('when DescribeRegions is denied: the regions every account has, and the error', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'ec2:DescribeRegions', kind: 'AccessDenied' }] });
    const { snapshot } = await collect({ scope: ['cost'] });
    expect(snapshot.regions!.audited).toHaveLength(17);
    expect(snapshot.regions!.notes![0]).toMatch(/^ec2:DescribeRegions failed \(UnauthorizedOperation: /);
    expect(snapshot.errors).toEqual([
      { service: 'ec2', operation: 'DescribeRegions', code: 'UnauthorizedOperation', message: expect.any(String), region: 'us-east-1' },
    ]);
    expect(snapshot.regional['us-east-1']!.alarms).toHaveLength(16);
  });

  it('an identity-only collection asks no region anything', async () => {
    const emu = await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const { snapshot } = await collect({ scope: ['identity'], credentialReport: { delayMs: 1, maxDelayMs: 5 } });
    expect(snapshot.regions).toBeUndefined();
    expect(snapshot.cost).toBeUndefined();
    expect(snapshot.regional).toEqual({});
    expect(Object.keys(emu.calls()).every((k) => /^(iam|sts|account):/.test(k))).toBe(true);
  });
});

describe('a region that does not answer', () => {
  it('times out within the deadline: its sections absent, the failures naming it, the other regions complete', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { hangRegions: ['eu-west-1'] });
    const started = Date.now();
    const { snapshot, events } = await collect({ regions: ['us-east-1', 'eu-west-1', 'ap-south-1'], callTimeoutMs: 400 });
    const elapsed = Date.now() - started;
    // One deadline for the region, not one per call: the calls queued behind the first timeout are not sent.
    expect(elapsed).toBeLessThan(2_500);

    expect(snapshot.regional['eu-west-1']).toEqual({});
    const silent = snapshot.errors.filter((e) => e.region === 'eu-west-1');
    expect(silent.length).toBeGreaterThanOrEqual(6);
    expect(new Set(silent.map((e) => e.code))).toEqual(new Set(['TimeoutError']));
    expect(silent.map((e) => `${e.service}:${e.operation}`)).toEqual(
      expect.arrayContaining(['kms:ListKeys', 'config:DescribeConfigurationRecorders', 'guardduty:ListDetectors', 'securityhub:DescribeHub']),
    );
    expect(silent[0]!.message).toMatch(/in eu-west-1/);
    expect(snapshot.errors.filter((e) => e.region !== 'eu-west-1')).toEqual([]);

    for (const region of ['us-east-1', 'ap-south-1']) {
      expect(snapshot.regional[region]).toMatchObject({ configRecorders: expect.any(Array), guardDutyDetectors: expect.any(Array), kmsKeys: expect.any(Array) });
    }
    expect(snapshot.regional['us-east-1']!.alarms).toHaveLength(16);
    expect(snapshot.cost!.budgets).toHaveLength(1);
    expect(events.filter((e) => e.region === 'eu-west-1' && e.state === 'error').length).toBe(silent.length);
  });
});

describe('AccessDenied on DescribeAlarms in one region', () => {
  it('leaves only that region without alarms', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, {
      faults: [{ operation: 'cloudwatch:DescribeAlarms', kind: 'AccessDenied', region: 'eu-west-1' }],
    });
    const session = createSession();
    try {
      // Without the trails, monitoring is asked in every audited region.
      const { facts, errors } = await collectRegional(
        session,
        { audited: ['us-east-1', 'eu-west-1'] },
        { concurrency: 4, callTimeoutMs: 10_000, report: () => undefined, collectors: MONITORING },
      );
      expect(errors).toEqual([
        { service: 'cloudwatch', operation: 'DescribeAlarms', code: 'AccessDenied', message: expect.stringContaining('not authorized'), region: 'eu-west-1' },
      ]);
      expect(facts['eu-west-1']).toEqual({ metricFilters: [], snsSubscriptions: [] });
      expect(facts['us-east-1']!.alarms).toHaveLength(16);
      expect(facts['us-east-1']!.metricFilters).toHaveLength(15);
    } finally {
      session.close();
    }
  });
});

describe('paging and secrets', () => {
  it('pages alarms and subscriptions without a call per item, and keeps only the origin of an HTTPS endpoint', async () => {
    const alarms = Array.from({ length: 250 }, (_, i) => ({ name: `app-${i}`, namespace: 'App', metricName: 'Errors', actions: ['ops'] }));
    const subscriptions = Array.from({ length: 120 }, (_, i) => ({ protocol: 'email' as const, endpoint: `u${i}@example.com` }));
    const emu = await emulate(
      {
        ...CLEAN,
        regional: {
          'us-east-1': {
            alarms,
            snsTopics: [{ name: 'ops', subscriptions: [...subscriptions, { protocol: 'https', endpoint: 'https://hooks.example.com/services/T0/B0/CANARY-webhook-token' }] }],
          },
        },
      },
      CLEAN_CI_KEY,
    );
    const { snapshot } = await collect({ scope: ['monitoring'], regions: ['us-east-1'] });
    const east = snapshot.regional['us-east-1']!;
    expect(east.alarms).toHaveLength(250);
    expect(new Set(east.alarms!.map((a) => a.name)).size).toBe(250);
    expect(east.snsSubscriptions).toHaveLength(121);
    expect(east.snsSubscriptions!.at(-1)).toEqual({ topicArn: 'arn:aws:sns:us-east-1:210987654321:ops', protocol: 'https', endpoint: 'https://hooks.example.com/…', confirmed: true });
    expect(JSON.stringify(snapshot)).not.toContain('CANARY-webhook-token');
    expect(emu.calls()['cloudwatch:DescribeAlarms']).toBe(3);
    expect(emu.calls()['sns:ListSubscriptions']).toBe(2);
  });
});
