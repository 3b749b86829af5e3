// The trail, security alarms, Config, Access Analyzer and GuardDuty planners' run() against the emulator, through the
// real SDK clients: an empty account brought to the baseline, the same steps again (nothing to write), the audit on a
// fresh snapshot; an existing trail and recorder adopted (never a second one); runs cut short and resumed.
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { applyHarness, collect } from '../../../test/fixtures/apply-context.js';
import { useEmulatedEnvironment } from '../../../test/aws-emulator/emulated-env.js';
import type { Scenario } from '../../../test/aws-emulator/index.js';
import { scenarioPath } from '../../../test/aws-emulator/test-helpers.js';
import { allChecks } from '../../checks/index.js';
import { CIS_EVENTS, MONITORING_CHECK_IDS } from '../../checks/monitoring/filter-pattern/index.js';
import { runChecks } from '../../checks/run.js';
import { DEFAULT_CHECK_OPTIONS } from '../../checks/types.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { orderByDependencies } from '../plan.js';
import type { Planner, Step } from '../types.js';
import { accessAnalyzerPlanner } from './access-analyzer.js';
import { configPlanner } from './config.js';
import { guardDutyPlanner } from './guardduty.js';
import { securityAlarmsPlanner } from './security-alarms.js';
import { securityHubPlanner } from './security-hub.js';
import { TRAIL_STEPS, trailPlanner } from './trail.js';

const env = useEmulatedEnvironment();

const ACCOUNT = '456789012345';
const OPS_KEY = 'AKIAOPS0000000000001';
const ADMINISTRATOR = 'arn:aws:iam::aws:policy/AdministratorAccess';
const PLANNERS: Planner[] = [trailPlanner, securityAlarmsPlanner, configPlanner, accessAnalyzerPlanner, guardDutyPlanner];
const SPEC = { alertEmails: ['security@acme.example'] };

/** A brand-new account where the admin user ops exists (the identity steps ran first, as root). */
const EMPTY: Scenario = {
  account: { id: ACCOUNT, created: '-1d' },
  root: { mfa: 'none', passwordLastUsed: '-1h' },
  users: [{ name: 'ops', created: '-1h', attachedPolicies: [ADMINISTRATOR], accessKeys: [{ id: OPS_KEY, secret: 'CANARY-ops-secret-0001', created: '-1h' }] }],
};

const LOGGING_CHECKS = [
  'cloudtrail-multi-region',
  'cloudtrail-log-validation',
  'cloudtrail-kms',
  'cloudtrail-cloudwatch-logs',
  'cloudtrail-bucket-not-public',
  'cloudtrail-bucket-access-logging',
  'cloudtrail-s3-data-events',
  'kms-key-rotation',
  'config-recorder',
  'config-rules',
  'access-analyzer',
  'guardduty-enabled',
];

/** [check, status, message] of these checks on the snapshot. */
function audit(snapshot: AccountSnapshot, ids: readonly string[]): [string, string, string][] {
  const checks = allChecks.filter((c) => ids.includes(c.id));
  expect(checks).toHaveLength(ids.length);
  return runChecks(snapshot, checks, { ...DEFAULT_CHECK_OPTIONS, now: new Date() }).map((r) => [r.checkId, r.status, r.message]);
}
const statusOf = (rows: [string, string, string][]) => rows.map(([id, status]) => [id, status]);
const kinds = (steps: Step[]) => steps.map((s) => [s.id, s.kind, s.refused ?? null]);
const runnable = (steps: Step[]) => steps.filter((s) => (s.kind === 'create' || s.kind === 'update') && !s.refused);

describe('an empty account, brought to the baseline', () => {
  it('creates the trail and everything around it, the alarms, Config, Access Analyzer and GuardDuty; a second run writes nothing; the audit passes', async () => {
    const h = await applyHarness(env, EMPTY, OPS_KEY, SPEC);
    const { ctx, steps: planned } = await h.plan(...PLANNERS);
    const steps = orderByDependencies(planned);
    expect(kinds(steps)).toEqual([
      ['cloudtrail:access-log-bucket', 'create', null],
      ['cloudtrail:bucket', 'create', null],
      ['cloudtrail:kms-key', 'create', null],
      ['cloudtrail:cloudwatch-logs', 'create', null],
      ['cloudtrail:trail', 'create', null],
      ['cloudtrail:logging', 'create', null],
      ['security-alarms:topic:us-east-1', 'create', null],
      ...MONITORING_CHECK_IDS.map((id) => [`security-alarms:${id}`, 'create', null]),
      ['security-alarms:root-sign-in-rule', 'create', null],
      ['security-alarms:confirm-subscriptions', 'manual', null],
      ['config:service-linked-role', 'create', null],
      ['config:bucket', 'create', null],
      ['config:recorder:us-east-1', 'create', null],
      ['config:rules:us-east-1', 'create', null],
      ['access-analyzer:us-east-1', 'create', null],
      ['guardduty:us-east-1', 'create', null],
    ]);
    expect(steps.find((s) => s.id === TRAIL_STEPS.trail)?.detail).toContain('billed per event');

    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines).toHaveLength(runnable(steps).length);
    expect(lines[0]).toBe(`created bucket rampart-cloudtrail-${ACCOUNT}-access-logs with a policy letting S3 deliver the access logs of rampart-cloudtrail-${ACCOUNT}`);
    expect(lines[1]).toBe(`created bucket rampart-cloudtrail-${ACCOUNT} with the CloudTrail bucket policy, server access logging into rampart-cloudtrail-${ACCOUNT}-access-logs`);
    expect(lines[2]).toMatch(/^created key [0-9a-f-]{36} \(alias\/cloudtrail\/rampart-management-events\) with the CloudTrail key policy; turned on yearly rotation$/);
    expect(lines[3]).toBe('created log group rampart/cloudtrail (us-east-1); created role CloudTrailRoleForCloudWatchLogs_rampart-management-events; gave it cloudtrail-cloudwatch-logs (logs:CreateLogStream and logs:PutLogEvents on the group)');
    expect(lines[4]).toBe(
      'created multi-region trail rampart-management-events (home us-east-1) with log file validation, SSE-KMS, CloudWatch Logs delivery; records read and write management events and S3 object events of all buckets',
    );
    expect(lines[5]).toBe('started logging on trail rampart-management-events');
    expect(lines[6]).toContain('created topic rampart-security (us-east-1), subscribed security@acme.example');
    expect(h.writes()).toMatchObject({
      's3:CreateBucket': 3,
      'kms:CreateKey': 1,
      'kms:CreateAlias': 1,
      'kms:EnableKeyRotation': 1,
      'logs:CreateLogGroup': 1,
      'iam:CreateRole': 1,
      'iam:PutRolePolicy': 1,
      'cloudtrail:CreateTrail': 1,
      'cloudtrail:PutEventSelectors': 1,
      'cloudtrail:StartLogging': 1,
      'sns:CreateTopic': 1,
      'sns:Subscribe': 1,
      'sns:SetTopicAttributes': 1,
      'logs:PutMetricFilter': 15,
      'cloudwatch:PutMetricAlarm': 15,
      'events:PutRule': 1,
      'events:PutTargets': 1,
      'iam:CreateServiceLinkedRole': 1,
      'config:PutConfigurationRecorder': 1,
      'config:PutDeliveryChannel': 1,
      'config:StartConfigurationRecorder': 1,
      'config:PutConfigRule': 6,
      'accessanalyzer:CreateAnalyzer': 1,
      'guardduty:CreateDetector': 1,
    });

    // The same steps again, and a plan on a fresh snapshot: nothing to write, nothing to do but the confirmation.
    h.emulator.resetCalls();
    const again = await h.context();
    const second = await h.runAll(again, steps);
    expect(h.writes()).toEqual({});
    expect(second[4]).toBe('trail rampart-management-events (home us-east-1) already as the spec says');
    const replanned = PLANNERS.flatMap((p) => p.plan(again));
    expect(replanned.filter((s) => s.kind !== 'noop').map((s) => [s.id, s.kind])).toEqual([['security-alarms:confirm-subscriptions', 'manual']]);

    // The audit on a fresh snapshot: the logging and exposure checks pass; the alarms wait for the email link.
    const before = await collect();
    expect(statusOf(audit(before, LOGGING_CHECKS)).filter(([, s]) => s !== 'PASS')).toEqual([]);
    const alarms = audit(before, MONITORING_CHECK_IDS);
    expect(alarms).toHaveLength(15);
    for (const [, status, message] of alarms) {
      expect(status).toBe('FAIL');
      expect(message).toContain('pending confirmation');
    }
    expect(h.emulator.confirmSubscriptions()).toBe(1);
    const after = await collect();
    expect(statusOf(audit(after, MONITORING_CHECK_IDS)).filter(([, s]) => s !== 'PASS')).toEqual([]);
    expect(PLANNERS.flatMap((p) => p.plan({ ...again, snapshot: after })).filter((s) => s.kind !== 'noop')).toEqual([]);
  });

  it('puts regional things in every region of the plan, global resource types and the account-wide rules in the home region only', async () => {
    const h = await applyHarness(env, EMPTY, OPS_KEY, { ...SPEC, regions: ['eu-west-1', 'us-east-1'], securityAlarms: false, cloudtrail: false });
    const base = await h.context();
    const ctx = { ...base, regions: ['eu-west-1', 'us-east-1'] };
    const steps = orderByDependencies([configPlanner, accessAnalyzerPlanner, guardDutyPlanner].flatMap((p) => p.plan(ctx)));
    expect(kinds(steps).map(([id]) => id)).toEqual([
      'config:service-linked-role',
      'config:bucket',
      'config:recorder:eu-west-1',
      'config:recorder:us-east-1',
      'config:rules:eu-west-1',
      'config:rules:us-east-1',
      'access-analyzer:eu-west-1',
      'access-analyzer:us-east-1',
      'guardduty:eu-west-1',
      'guardduty:us-east-1',
    ]);
    expect(steps.find((s) => s.id === 'config:rules:eu-west-1')?.detail).toContain('root-access-key-check');
    expect(steps.find((s) => s.id === 'config:rules:us-east-1')?.detail).not.toContain('root-access-key-check');
    await h.runAll(ctx, steps);
    expect(h.writes()['config:PutConfigRule']).toBe(8);
    expect(h.writes()['s3:CreateBucket']).toBe(1);

    const session = h.session;
    const { collectSnapshot } = await import('../../inventory/collect.js');
    const snapshot = await collectSnapshot(session, { regions: ['eu-west-1', 'us-east-1'], credentialReport: { delayMs: 1, maxDelayMs: 1 } });
    expect(snapshot.regional['eu-west-1']?.configRecorders).toEqual([expect.objectContaining({ includeGlobalResourceTypes: true, recording: true })]);
    expect(snapshot.regional['us-east-1']?.configRecorders).toEqual([expect.objectContaining({ includeGlobalResourceTypes: false, recording: true })]);
    expect(statusOf(audit(snapshot, ['config-recorder', 'config-rules', 'access-analyzer', 'guardduty-enabled']))).toEqual([
      ['config-recorder', 'PASS'],
      ['config-recorder', 'PASS'],
      ['config-rules', 'PASS'],
      ['config-rules', 'PASS'],
      ['access-analyzer', 'PASS'],
      ['access-analyzer', 'PASS'],
      ['guardduty-enabled', 'PASS'],
      ['guardduty-enabled', 'PASS'],
    ]);
  });
});

describe('what exists is adopted', () => {
  it('the hardened account: its trail, filters, alarms, recorder, analyzer and detector are adopted; only the root sign-in rule is new', async () => {
    const h = await applyHarness(env, scenarioPath('clean-account'), 'AKIACLEANCI000000001', { alertEmails: ['security@clean.example'] });
    const { ctx, steps } = await h.plan(...PLANNERS);
    expect(kinds(steps)).toEqual([
      ['cloudtrail:bucket', 'noop', null],
      ['cloudtrail:trail', 'noop', null],
      ['security-alarms:topic:us-east-1', 'create', null],
      ...MONITORING_CHECK_IDS.map((id) => [`security-alarms:${id}`, 'noop', null]),
      ['security-alarms:root-sign-in-rule', 'create', null],
      ['security-alarms:confirm-subscriptions', 'manual', null],
      ['config:recorder:us-east-1', 'noop', null],
      ['config:rules:us-east-1', 'noop', null],
      ['access-analyzer:us-east-1', 'noop', null],
      ['guardduty:us-east-1', 'noop', null],
    ]);
    expect(steps.find((s) => s.id === 'cloudtrail:trail')?.detail).toBe('trail management-events (home us-east-1) qualifies and has what the spec asks: adopted, no second trail');
    expect(steps.find((s) => s.id === 'security-alarms:alarm-root-usage')?.detail).toMatch(/^the audit passes: log group CloudTrail\/DefaultLogGroup \(us-east-1\): metric filter cis-RootAccountUsage feeds alarm cis-RootAccountUsage/);
    h.emulator.resetCalls();
    await h.runAll(ctx, steps);
    expect(Object.keys(h.writes()).sort()).toEqual(['events:PutRule', 'events:PutTargets', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe']);
  });

  it('a qualifying trail without validation, KMS and CloudWatch Logs gets them, and stays the only trail', async () => {
    const scenario: Scenario = {
      ...EMPTY,
      trails: [{ name: 'org-audit', homeRegion: 'us-east-1', multiRegion: true, bucket: 'acme-trail-logs' }],
      buckets: [{ name: 'acme-trail-logs', region: 'us-east-1', policy: { Version: '2012-10-17', Statement: [{ Sid: 'CT', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-trail-logs/*' }] } }],
    };
    const h = await applyHarness(env, scenario, OPS_KEY, SPEC);
    const { ctx, steps } = await h.plan(trailPlanner);
    expect(kinds(steps)).toEqual([
      ['cloudtrail:access-log-bucket', 'create', null],
      ['cloudtrail:bucket', 'update', null],
      ['cloudtrail:kms-key', 'create', null],
      ['cloudtrail:cloudwatch-logs', 'create', null],
      ['cloudtrail:trail', 'update', null],
    ]);
    expect(steps.at(-1)?.detail).toBe(
      'adopt trail org-audit (home us-east-1) (it qualifies: no second trail) and add log file validation, SSE-KMS, CloudWatch Logs delivery (group rampart/cloudtrail); its event selectors stay as they are',
    );
    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines.at(-1)).toBe('adopted trail org-audit (home us-east-1), no second trail: added log file validation, SSE-KMS, CloudWatch Logs delivery');
    expect(h.writes()['cloudtrail:CreateTrail']).toBeUndefined();
    expect(h.writes()['cloudtrail:PutEventSelectors']).toBeUndefined();
    expect(h.writes()['s3:PutBucketPolicy']).toBe(1); // the access-log bucket's; the trail bucket's policy is left alone
    const trails = await h.session.client(CloudTrailClient).send(new DescribeTrailsCommand({}));
    expect(trails.trailList?.map((t) => t.Name)).toEqual(['org-audit']);

    const snapshot = await collect();
    expect(statusOf(audit(snapshot, ['cloudtrail-multi-region', 'cloudtrail-log-validation', 'cloudtrail-kms', 'cloudtrail-cloudwatch-logs', 'cloudtrail-bucket-not-public', 'cloudtrail-bucket-access-logging', 'kms-key-rotation']))).toEqual([
      ['cloudtrail-multi-region', 'PASS'],
      ['cloudtrail-log-validation', 'PASS'],
      ['cloudtrail-kms', 'PASS'],
      ['cloudtrail-cloudwatch-logs', 'PASS'],
      ['cloudtrail-bucket-not-public', 'PASS'],
      ['cloudtrail-bucket-access-logging', 'PASS'],
      ['kms-key-rotation', 'PASS'],
    ]);
    h.emulator.resetCalls();
    await h.runAll(await h.context(), steps);
    expect(h.writes()).toEqual({});
  });

  it("an accepted filter of the account gets an alarm on its metric, and no second filter", async () => {
    const group = 'acme/trail';
    const scenario: Scenario = {
      ...EMPTY,
      trails: [{ name: 'acme', multiRegion: true, bucket: 'acme-logs', logFileValidation: true, cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:*`, roleArn: `arn:aws:iam::${ACCOUNT}:role/ct` }],
      buckets: [{ name: 'acme-logs' }],
      regional: { 'us-east-1': { metricFilters: [{ name: 'root-use', logGroup: group, pattern: CIS_EVENTS['alarm-root-usage'].reference, metricName: 'RootUse', metricNamespace: 'Acme' }] } },
    };
    const h = await applyHarness(env, scenario, OPS_KEY, SPEC);
    const { ctx, steps } = await h.plan(securityAlarmsPlanner);
    const item = steps.find((s) => s.id === 'security-alarms:alarm-root-usage')!;
    expect(item.kind).toBe('create');
    await steps.find((s) => s.id === 'security-alarms:topic:us-east-1')!.run!(ctx);
    h.emulator.resetCalls();
    expect(await item.run!(ctx)).toBe(`created alarm alarm-root-usage on Acme/RootUse (of the account's metric filter root-use) notifying arn:aws:sns:us-east-1:${ACCOUNT}:rampart-security`);
    expect(h.writes()).toEqual({ 'cloudwatch:PutMetricAlarm': 1 });
    h.emulator.confirmSubscriptions();
    expect(statusOf(audit(await collect(), ['alarm-root-usage']))).toEqual([['alarm-root-usage', 'PASS']]);
  });

  it('a stopped recorder and a suspended detector are started, not replaced', async () => {
    const scenario: Scenario = {
      ...EMPTY,
      buckets: [{ name: 'acme-config', region: 'us-east-1', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-config/*' }] } }],
      regional: {
        'us-east-1': {
          configRecorders: [{ name: 'acme', allSupported: false, includeGlobalResourceTypes: false, recording: false, resourceTypes: ['AWS::S3::Bucket'] }],
          deliveryChannels: [{ name: 'acme', bucket: 'acme-config' }],
          guardDutyDetectors: [{ status: 'DISABLED' }],
        },
      },
    };
    const h = await applyHarness(env, scenario, OPS_KEY, { ...SPEC, config: { rules: false } });
    const { ctx, steps } = await h.plan(configPlanner, guardDutyPlanner);
    expect(kinds(steps)).toEqual([
      ['config:bucket', 'create', null],
      ['config:recorder:us-east-1', 'update', null],
      ['guardduty:us-east-1', 'update', null],
    ]);
    expect(steps[1]?.detail).toBe('adopt recorder acme (one per region): record all supported resource types; record global resource types (IAM) here; start recording (with a delivery channel if it has none)');
    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines[1]).toBe('us-east-1: recorder acme records all supported resource types and global ones, started recording');
    expect(lines[2]).toMatch(/^us-east-1: re-enabled suspended detector [0-9a-f]{32}$/);
    expect(h.writes()['config:PutDeliveryChannel']).toBeUndefined();
    expect(h.writes()['guardduty:CreateDetector']).toBeUndefined();
    const snapshot = await collect();
    expect(snapshot.regional['us-east-1']?.configRecorders?.map((r) => r.name)).toEqual(['acme']);
    expect(statusOf(audit(snapshot, ['config-recorder', 'guardduty-enabled']))).toEqual([
      ['config-recorder', 'PASS'],
      ['guardduty-enabled', 'PASS'],
    ]);
  });
});

describe('a run cut short, then resumed', () => {
  it('finishes its own trail rather than creating a second one', async () => {
    const h = await applyHarness(env, EMPTY, OPS_KEY, { ...SPEC, securityAlarms: false, config: false });
    const { ctx, steps } = await h.plan(trailPlanner);
    // Killed right after the trail was created: logging never started.
    for (const step of steps.filter((s) => s.id !== TRAIL_STEPS.logging)) await step.run!(ctx);
    const { ctx: ctx2, steps: resumed } = await h.plan(trailPlanner);
    expect(kinds(resumed)).toEqual([
      ['cloudtrail:access-log-bucket', 'noop', null],
      ['cloudtrail:bucket', 'noop', null],
      ['cloudtrail:kms-key', 'noop', null],
      ['cloudtrail:cloudwatch-logs', 'noop', null],
      ['cloudtrail:trail', 'noop', null],
      ['cloudtrail:logging', 'update', null],
    ]);
    h.emulator.resetCalls();
    expect(await h.runAll(ctx2, resumed)).toEqual(['started logging on trail rampart-management-events']);
    expect(h.writes()).toEqual({ 'cloudtrail:StartLogging': 1 });
  });

  it('names the key an earlier run created but did not get to name, instead of creating another', async () => {
    const h = await applyHarness(env, EMPTY, OPS_KEY, { ...SPEC, securityAlarms: false, config: false });
    const { ctx, steps } = await h.plan(trailPlanner);
    const kms = h.session.client(KMSClient);
    await kms.send(new CreateKeyCommand({ Description: 'rampart: encrypts CloudTrail log files' }));
    h.emulator.resetCalls();
    const line = await steps.find((s) => s.id === TRAIL_STEPS.key)!.run!(ctx);
    expect(line).toMatch(/^named key [0-9a-f-]{36} alias\/cloudtrail\/rampart-management-events; key alias\/cloudtrail\/rampart-management-events: added the CloudTrail statements to its policy; turned on yearly rotation$/);
    expect(h.writes()['kms:CreateKey']).toBeUndefined();
    expect((await kms.send(new ListKeysCommand({}))).Keys).toHaveLength(1);
  });

  it("stops at the bucket, with the setting to change, when another account owns the bucket's name", async () => {
    const h = await applyHarness(env, { ...EMPTY, buckets: [{ name: 'taken-name', owner: '999999999999' }] }, OPS_KEY, { ...SPEC, securityAlarms: false, config: false, cloudtrail: { bucket: 'taken-name' } });
    const { ctx, steps } = await h.plan(trailPlanner);
    await expect(steps.find((s) => s.id === TRAIL_STEPS.accessLogBucket)!.run!(ctx)).resolves.toBe(
      'created bucket taken-name-access-logs with a policy letting S3 deliver the access logs of taken-name',
    );
    await expect(steps.find((s) => s.id === TRAIL_STEPS.bucket)!.run!(ctx)).rejects.toThrow(
      'bucket taken-name belongs to another account (bucket names are global): choose another name with cloudtrail.bucket in rampart.yaml',
    );
  });

  it('creates nothing when the trails could not be read and a qualifying trail turns out to exist', async () => {
    const scenario: Scenario = { ...EMPTY, trails: [{ name: 'theirs', homeRegion: 'us-east-1', multiRegion: true, bucket: 'their-logs', logFileValidation: true }], buckets: [{ name: 'their-logs' }] };
    const h = await applyHarness(env, scenario, OPS_KEY, { ...SPEC, securityAlarms: false, config: false });
    h.emulator.setFaults([{ operation: 'cloudtrail:DescribeTrails', kind: 'AccessDenied' }]);
    const { ctx, steps } = await h.plan(trailPlanner);
    h.emulator.setFaults([]);
    expect(steps.map((s) => s.kind)).toEqual(['create', 'create', 'create', 'create', 'create', 'create']);
    expect(steps[4]?.detail).toContain('creates nothing if a qualifying trail exists');
    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps.slice(0, 5));
    for (const line of lines) expect(line).toBe('trail theirs (home us-east-1) already qualifies: nothing created, no second trail (run rampart plan again to bring it to the spec)');
    expect(h.writes()).toEqual({});
  });
});

describe('Security Hub', () => {
  it('is enabled with the default standards where it is off; a second run writes nothing; the check passes', async () => {
    const h = await applyHarness(env, EMPTY, OPS_KEY, SPEC);
    const { ctx, steps } = await h.plan(securityHubPlanner);
    expect(kinds(steps)).toEqual([['security-hub:us-east-1', 'create', null]]);
    expect(statusOf(audit(ctx.snapshot, ['securityhub-enabled']))).toEqual([['securityhub-enabled', 'FAIL']]);

    h.emulator.resetCalls();
    expect(await h.runAll(ctx, steps)).toEqual([`us-east-1: enabled Security Hub with the default standards (arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default)`]);
    expect(h.writes()).toEqual({ 'securityhub:EnableSecurityHub': 1 });

    h.emulator.resetCalls();
    expect(await h.runAll(ctx, steps)).toEqual([`us-east-1: Security Hub is enabled (arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default)`]);
    expect(h.writes()).toEqual({});

    const after = await collect();
    expect(audit(after, ['securityhub-enabled'])).toEqual([['securityhub-enabled', 'PASS', `Security Hub is enabled in us-east-1 (arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default)`]]);
    expect(kinds(securityHubPlanner.plan({ ...ctx, snapshot: after }))).toEqual([['security-hub:us-east-1', 'noop', null]]);
  });

  it('enables each region of the plan on its own, and leaves a region where it is on alone', async () => {
    const h = await applyHarness(env, { ...EMPTY, regional: { 'eu-west-1': { securityHub: { subscribed: '-30d' } } } }, OPS_KEY, SPEC);
    const base = await h.context();
    const ctx = { ...base, regions: ['eu-west-1', 'us-east-1'] };
    const steps = securityHubPlanner.plan(ctx);
    // The harness collects us-east-1 only: eu-west-1 is unread, and its run finds the hub on.
    expect(kinds(steps)).toEqual([
      ['security-hub:eu-west-1', 'create', null],
      ['security-hub:us-east-1', 'create', null],
    ]);
    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines[0]).toBe(`eu-west-1: Security Hub is enabled (arn:aws:securityhub:eu-west-1:${ACCOUNT}:hub/default)`);
    expect(lines[1]).toMatch(/^us-east-1: enabled Security Hub/);
    expect(h.writes()).toEqual({ 'securityhub:EnableSecurityHub': 1 });
  });
});
