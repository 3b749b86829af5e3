// The trail, security alarms, Config, Access Analyzer, GuardDuty and Security Hub planners' plan(): from a snapshot and the spec to
// create / update / noop / manual / refused. An existing qualifying trail or recorder is adopted, never doubled.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  LOGGING_REGIONS,
  TRAIL_BUCKET,
  TRAIL_LOG_GROUP,
  bareRegionFacts,
  bareSnapshot,
  cisAlarmFacts,
  cloudTrail,
  configRecorder,
  configRule,
  kmsKey,
  loggingRegionFacts,
  loggingSnapshot,
  monitoringSnapshot,
  rootSignInRule,
  securedRegion,
  snsSubscriptionTo,
  trailBucket,
} from '../../../test/fixtures/snapshot.js';
import { ADMIN_CALLER, planContext } from '../../../test/fixtures/steps.js';
import { MONITORING_CHECK_IDS } from '../../checks/monitoring/filter-pattern/index.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { specSchema } from '../spec.js';
import type { Planner, Step } from '../types.js';
import { accessAnalyzerPlanner } from './access-analyzer.js';
import { configPlanner } from './config.js';
import { guardDutyPlanner } from './guardduty.js';
import { securityAlarmsPlanner } from './security-alarms.js';
import { securityHubPlanner } from './security-hub.js';
import { trailPlanner } from './trail.js';

const EMAILS = { alertEmails: ['security@acme.example'] };
const spec = (over: Record<string, unknown> = {}) => specSchema.parse({ ...EMAILS, ...over });
const plan = (planner: Planner, s: AccountSnapshot, over: Record<string, unknown> = {}, regions = LOGGING_REGIONS): Step[] =>
  planner.plan(planContext({ snapshot: s, spec: spec(over), caller: ADMIN_CALLER, regions }));
const kinds = (steps: Step[]) => steps.map((s) => [s.id, s.kind, s.refused ?? null]);
const byId = (steps: Step[], id: string): Step => {
  const step = steps.find((s) => s.id === id);
  expect(step, `no step ${id}`).toBeDefined();
  return step!;
};
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:rampart-security`;

describe('cloudtrail', () => {
  it('creates the trail and what it needs, step by step, when there is none', () => {
    const steps = plan(trailPlanner, bareSnapshot());
    expect(kinds(steps)).toEqual([
      ['cloudtrail:access-log-bucket', 'create', null],
      ['cloudtrail:bucket', 'create', null],
      ['cloudtrail:kms-key', 'create', null],
      ['cloudtrail:cloudwatch-logs', 'create', null],
      ['cloudtrail:trail', 'create', null],
      ['cloudtrail:logging', 'create', null],
    ]);
    expect(byId(steps, 'cloudtrail:bucket').dependsOn).toEqual(['cloudtrail:access-log-bucket']);
    expect(byId(steps, 'cloudtrail:trail').dependsOn).toEqual(['cloudtrail:bucket', 'cloudtrail:kms-key', 'cloudtrail:cloudwatch-logs']);
    expect(byId(steps, 'cloudtrail:logging').dependsOn).toEqual(['cloudtrail:trail']);
    expect(byId(steps, 'cloudtrail:bucket').detail).toBe(
      `bucket rampart-cloudtrail-${ACCOUNT} (us-east-1) with all four public access block settings, the CloudTrail bucket policy (this trail only, HTTPS only) and server access logging into rampart-cloudtrail-${ACCOUNT}-access-logs`,
    );
    expect(byId(steps, 'cloudtrail:trail').detail).toBe(
      `multi-region trail rampart-management-events in us-east-1 into bucket rampart-cloudtrail-${ACCOUNT}, log file validation, SSE-KMS with alias/cloudtrail/rampart-management-events, ` +
        'CloudWatch Logs group rampart/cloudtrail, read and write management events, S3 object events of all buckets ' +
        '(S3 data events for all buckets are billed per event ($0.10 per 100,000): busy buckets can cost more than the rest of the baseline)',
    );
    for (const step of steps) expect(step.run).toBeTypeOf('function');
    expect(byId(steps, 'cloudtrail:trail').actions).toContain('iam:PassRole');
  });

  it('leaves out the key and the log group the spec turns off, and uses the bucket and home region it names', () => {
    const steps = plan(trailPlanner, bareSnapshot(), { cloudtrail: { kms: false, cloudWatchLogs: false, bucket: 'acme-trail' }, regions: ['eu-west-1', 'us-east-1'] });
    expect(steps.map((s) => s.id)).toEqual(['cloudtrail:access-log-bucket', 'cloudtrail:bucket', 'cloudtrail:trail', 'cloudtrail:logging']);
    expect(byId(steps, 'cloudtrail:trail').detail).toMatch(/^multi-region trail rampart-management-events in eu-west-1 into bucket acme-trail, log file validation, read and write/);
    expect(byId(steps, 'cloudtrail:access-log-bucket').detail).toMatch(/^bucket acme-trail-access-logs \(eu-west-1\)/);
  });

  it('adopts a qualifying trail that has everything: nothing to do, no second trail', () => {
    const steps = plan(trailPlanner, loggingSnapshot());
    expect(kinds(steps)).toEqual([
      ['cloudtrail:bucket', 'noop', null],
      ['cloudtrail:trail', 'noop', null],
    ]);
    expect(byId(steps, 'cloudtrail:trail').detail).toBe('trail management-events (home us-east-1) qualifies and has what the spec asks: adopted, no second trail');
  });

  it('adopts a qualifying trail and adds only what the spec asks and it lacks', () => {
    const trail = cloudTrail('main', { logFileValidation: false, kmsKeyId: null, cloudWatchLogsLogGroupArn: null, cloudWatchLogsRoleArn: null });
    const steps = plan(trailPlanner, loggingSnapshot({ trails: [trail], buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { accessLogging: null }) } }));
    expect(kinds(steps)).toEqual([
      ['cloudtrail:access-log-bucket', 'create', null],
      ['cloudtrail:bucket', 'update', null],
      ['cloudtrail:kms-key', 'create', null],
      ['cloudtrail:cloudwatch-logs', 'create', null],
      ['cloudtrail:trail', 'update', null],
    ]);
    expect(byId(steps, 'cloudtrail:trail').detail).toBe(
      'adopt trail main (home us-east-1) (it qualifies: no second trail) and add log file validation, SSE-KMS, CloudWatch Logs delivery (group rampart/cloudtrail); its event selectors stay as they are',
    );
    expect(byId(steps, 'cloudtrail:trail').dependsOn).toEqual(['cloudtrail:kms-key', 'cloudtrail:cloudwatch-logs']);
    expect(byId(steps, 'cloudtrail:bucket').detail).toBe(
      `bucket ${TRAIL_BUCKET} of trail main (home us-east-1): server access logging into ${TRAIL_BUCKET}-access-logs (its policy is left as it is)`,
    );
    // With kms and CloudWatch Logs off, only the validation is added.
    expect(kinds(plan(trailPlanner, loggingSnapshot({ trails: [trail] }), { cloudtrail: { kms: false, cloudWatchLogs: false } }))).toEqual([
      ['cloudtrail:bucket', 'noop', null],
      ['cloudtrail:trail', 'update', null],
    ]);
  });

  it("prefers the account's own qualifying trail, and one of the spec's name, to adopt", () => {
    const org = cloudTrail('org-trail', { arn: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail', isOrganizationTrail: true });
    const own = cloudTrail('rampart-management-events', { logFileValidation: false });
    const steps = plan(trailPlanner, loggingSnapshot({ trails: [org, cloudTrail('other'), own] }));
    expect(byId(steps, 'cloudtrail:trail').detail).toMatch(/^adopt trail rampart-management-events /);
  });

  it("asks for the change in the management account when the trail is an organization's", () => {
    const org = cloudTrail('org-trail', { arn: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail', isOrganizationTrail: true, logFileValidation: false });
    const [step, ...rest] = plan(trailPlanner, loggingSnapshot({ trails: [org], buckets: {} }));
    expect(rest).toEqual([]);
    expect(step).toMatchObject({ id: 'cloudtrail:trail', kind: 'manual' });
    expect(step!.detail).toBe(
      'organization trail org-trail (home us-east-1) belongs to account 999999999999 (the organization\'s management account) and lacks log file validation: change it there; no second trail is created here',
    );
    expect(step!.manual?.console[0]).toBe('Sign in to account 999999999999 (the organization\'s management account)');
  });

  it("creates its own trail beside one that does not qualify, and finishes its own from an earlier run", () => {
    const single = cloudTrail('legacy', { isMultiRegion: false });
    const steps = plan(trailPlanner, loggingSnapshot({ trails: [single] }));
    expect(byId(steps, 'cloudtrail:trail').kind).toBe('create');

    const ours = cloudTrail('rampart-management-events', { isLogging: false, s3BucketName: `rampart-cloudtrail-${ACCOUNT}` });
    const resumed = plan(trailPlanner, loggingSnapshot({ trails: [ours], buckets: { [`rampart-cloudtrail-${ACCOUNT}`]: trailBucket(`rampart-cloudtrail-${ACCOUNT}`) } }));
    expect(kinds(resumed)).toEqual([
      ['cloudtrail:access-log-bucket', 'noop', null],
      ['cloudtrail:bucket', 'update', null],
      ['cloudtrail:kms-key', 'noop', null],
      ['cloudtrail:cloudwatch-logs', 'noop', null],
      ['cloudtrail:trail', 'update', null],
      ['cloudtrail:logging', 'update', null],
    ]);
    expect(byId(resumed, 'cloudtrail:bucket').detail).toBe(`bucket rampart-cloudtrail-${ACCOUNT}: CloudTrail bucket policy`);
    expect(byId(resumed, 'cloudtrail:trail').detail).toMatch(/^rampart's trail rampart-management-events: read and write management events and S3 object events of all buckets/);
  });

  it('turns on the rotation of its own key when it is off', () => {
    const key = kmsKey('k1', { rotationEnabled: false });
    const ours = cloudTrail('rampart-management-events', { isLogging: false, kmsKeyId: key.arn });
    const steps = plan(trailPlanner, loggingSnapshot({ trails: [ours], regional: { 'us-east-1': loggingRegionFacts('us-east-1', { kmsKeys: [key] }), 'eu-west-1': loggingRegionFacts('eu-west-1') } }));
    expect(byId(steps, 'cloudtrail:kms-key')).toMatchObject({ kind: 'update', detail: `key ${key.arn}: turn on yearly rotation` });
  });

  it('plans to create when the trails could not be read, saying apply looks again first', () => {
    const s = loggingSnapshot({ logging: {} });
    const steps = plan(trailPlanner, s);
    expect(steps.map((x) => x.kind)).toEqual(['create', 'create', 'create', 'create', 'create', 'create']);
    expect(byId(steps, 'cloudtrail:trail').detail).toContain('the trails could not be read when the account was collected; apply reads it again and acts only on what is missing, and creates nothing if a qualifying trail exists');
  });

  it('plans nothing when the spec leaves CloudTrail alone', () => {
    expect(plan(trailPlanner, bareSnapshot(), { cloudtrail: false })).toEqual([]);
  });
});

describe('security-alarms', () => {
  it('is refused without alert emails', () => {
    const steps = plan(securityAlarmsPlanner, bareSnapshot(), { alertEmails: [] });
    expect(kinds(steps)).toEqual([['security-alarms:topic:all', 'create', 'needs alertEmails in rampart.yaml']]);
  });

  it('is refused when no trail delivers to CloudWatch Logs and the spec asks for none', () => {
    const steps = plan(securityAlarmsPlanner, bareSnapshot(), { cloudtrail: { cloudWatchLogs: false } });
    expect(steps[0]?.refused).toBe('needs a trail delivering to CloudWatch Logs (cloudtrail.cloudWatchLogs in rampart.yaml)');
  });

  it('on a new account: the topic, 15 filters and alarms on the log group the trail step creates, the root sign-in rule, the confirmation', () => {
    const steps = plan(securityAlarmsPlanner, bareSnapshot());
    expect(kinds(steps)).toEqual([
      ['security-alarms:topic:us-east-1', 'create', null],
      ...MONITORING_CHECK_IDS.map((id) => [`security-alarms:${id}`, 'create', null]),
      ['security-alarms:root-sign-in-rule', 'create', null],
      ['security-alarms:confirm-subscriptions', 'manual', null],
    ]);
    const item = byId(steps, 'security-alarms:alarm-root-usage');
    expect(item.dependsOn).toEqual(['cloudtrail:cloudwatch-logs', 'security-alarms:topic:us-east-1']);
    expect(item.detail).toBe(`metric filter alarm-root-usage on rampart/cloudtrail (us-east-1) with the CIS pattern, alarm alarm-root-usage (1 or more in 5 minutes) notifying ${TOPIC}`);
    expect(byId(steps, 'security-alarms:confirm-subscriptions').manual?.verify).toBe('rampart audit --check alarm-root-usage');
  });

  it("leaves alone the items the audit already passes, on the trail's own log group", () => {
    const facts = cisAlarmFacts('alarm-root-usage');
    const s = monitoringSnapshot({ ...facts, eventRules: [rootSignInRule(`arn:aws:sns:us-east-1:${ACCOUNT}:security-alarms`)] });
    const steps = plan(securityAlarmsPlanner, s);
    expect(byId(steps, 'security-alarms:alarm-root-usage').kind).toBe('noop');
    expect(byId(steps, 'security-alarms:alarm-iam-policy-changes')).toMatchObject({ kind: 'create', dependsOn: ['security-alarms:topic:us-east-1'] });
    expect(byId(steps, 'security-alarms:alarm-iam-policy-changes').detail).toContain(`on ${TRAIL_LOG_GROUP} (us-east-1)`);
    expect(byId(steps, 'security-alarms:root-sign-in-rule')).toMatchObject({ kind: 'noop', detail: `rule root-sign-in already sends root console sign-ins to arn:aws:sns:us-east-1:${ACCOUNT}:security-alarms` });
  });

  it("adds only an alarm on the metric of the account's filter that the judge accepts, not a second filter", () => {
    const theirs = cisAlarmFacts('alarm-vpc-changes').metricFilters!.map((f) => ({ ...f, name: 'their-vpc-filter', metricTransformations: [{ metricName: 'VpcChanges', metricNamespace: 'Acme' }] }));
    const steps = plan(securityAlarmsPlanner, monitoringSnapshot({ metricFilters: theirs }));
    expect(byId(steps, 'security-alarms:alarm-vpc-changes')).toMatchObject({
      kind: 'create',
      detail: `alarm alarm-vpc-changes on Acme/VpcChanges of the account's metric filter their-vpc-filter (the judge accepts it: no second filter), notifying ${TOPIC}`,
    });
    // A filter the judge does not accept does not count: rampart's own filter goes beside it.
    const broken = theirs.map((f) => ({ ...f, pattern: '{ $.eventName = CreateVpc }' }));
    expect(byId(plan(securityAlarmsPlanner, monitoringSnapshot({ metricFilters: broken })), 'security-alarms:alarm-vpc-changes').detail).toMatch(/^metric filter alarm-vpc-changes on /);
  });

  it('is done once its own filters, alarms, rule and confirmed subscriptions are there', () => {
    const own = MONITORING_CHECK_IDS.map((id) => cisAlarmFacts(id));
    const s = monitoringSnapshot({
      metricFilters: own.flatMap((f) => f.metricFilters ?? []),
      alarms: own.flatMap((f) => (f.alarms ?? []).map((a) => ({ ...a, alarmActions: [TOPIC] }))),
      snsSubscriptions: [{ ...snsSubscriptionTo(TOPIC), endpoint: 'security@acme.example' }],
      eventRules: [rootSignInRule(TOPIC, { name: 'rampart-root-sign-in' })],
    });
    expect(plan(securityAlarmsPlanner, s).filter((x) => x.kind !== 'noop')).toEqual([]);
    // Not confirmed yet: the items are in place, the confirmation is what is left.
    const pending = { ...s, regional: { ...s.regional, 'us-east-1': { ...s.regional['us-east-1'], snsSubscriptions: [{ ...snsSubscriptionTo(TOPIC, false), endpoint: 'security@acme.example' }] } } };
    expect(kinds(plan(securityAlarmsPlanner, pending).filter((x) => x.kind !== 'noop'))).toEqual([['security-alarms:confirm-subscriptions', 'manual', null]]);
  });

  it('puts a second topic in us-east-1 for the root sign-in rule when the log group is elsewhere', () => {
    const trail = cloudTrail('main', { homeRegion: 'eu-west-1', cloudWatchLogsLogGroupArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:trail/main:*` });
    const regional = { 'us-east-1': bareRegionFacts(), 'eu-west-1': bareRegionFacts({ metricFilters: [] }) };
    const steps = plan(securityAlarmsPlanner, loggingSnapshot({ trails: [trail], regional }));
    expect(steps.map((x) => x.id).filter((id) => id.includes('topic'))).toEqual(['security-alarms:topic:eu-west-1', 'security-alarms:topic:us-east-1']);
    expect(byId(steps, 'security-alarms:alarm-vpc-changes').detail).toContain(`notifying arn:aws:sns:eu-west-1:${ACCOUNT}:rampart-security`);
    expect(byId(steps, 'security-alarms:root-sign-in-rule').dependsOn).toEqual(['security-alarms:topic:us-east-1']);
    expect(plan(securityAlarmsPlanner, loggingSnapshot({ trails: [trail], regional }), { securityAlarms: { rootSignInRule: false } }).filter((x) => x.id.includes('topic'))).toHaveLength(1);
  });
});

describe('config', () => {
  it('is done where a recorder records everything with the rules', () => {
    expect(plan(configPlanner, loggingSnapshot()).map((s) => s.kind)).toEqual(['noop', 'noop', 'noop', 'noop']);
  });

  it('on a new account: the role, the bucket, a recorder per region (global types in the home region), the rules', () => {
    const steps = plan(configPlanner, bareSnapshot());
    expect(kinds(steps)).toEqual([
      ['config:service-linked-role', 'create', null],
      ['config:bucket', 'create', null],
      ['config:recorder:us-east-1', 'create', null],
      ['config:recorder:eu-west-1', 'create', null],
      ['config:rules:us-east-1', 'create', null],
      ['config:rules:eu-west-1', 'create', null],
    ]);
    expect(byId(steps, 'config:recorder:us-east-1').detail).toContain('and global resource types (IAM)');
    expect(byId(steps, 'config:recorder:eu-west-1').detail).not.toContain('global');
    expect(byId(steps, 'config:rules:us-east-1').detail).toContain('root-access-key-check');
    expect(byId(steps, 'config:rules:eu-west-1').detail).toBe('AWS managed rules s3-bucket-public-read-prohibited, s3-bucket-public-write-prohibited; each evaluation is billed');
    expect(byId(steps, 'config:recorder:eu-west-1').dependsOn).toEqual(['config:service-linked-role', 'config:bucket']);
  });

  it('adopts a recorder (one per region): records more and starts it, keeps the region that records global types', () => {
    const regional = {
      'us-east-1': loggingRegionFacts('us-east-1', { configRecorders: [configRecorder({ name: 'acme', allSupported: false, recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES', includeGlobalResourceTypes: false, recording: false })] }),
      'eu-west-1': loggingRegionFacts('eu-west-1', { configRecorders: [configRecorder({ includeGlobalResourceTypes: true })] }),
    };
    const steps = plan(configPlanner, loggingSnapshot({ regional }));
    expect(kinds(steps)).toEqual([
      ['config:bucket', 'create', null],
      ['config:recorder:us-east-1', 'update', null],
      ['config:recorder:eu-west-1', 'noop', null],
      ['config:rules:us-east-1', 'noop', null],
      ['config:rules:eu-west-1', 'noop', null],
    ]);
    expect(byId(steps, 'config:recorder:us-east-1').detail).toBe('adopt recorder acme (one per region): record all supported resource types; start recording (with a delivery channel if it has none)');
  });

  it('adds the account-wide rules once, and only where no region has them', () => {
    const s3Only = [configRule('s3-bucket-public-read-prohibited', 'S3_BUCKET_PUBLIC_READ_PROHIBITED'), configRule('s3-bucket-public-write-prohibited', 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED')];
    const regional = { 'us-east-1': loggingRegionFacts('us-east-1', { configRules: s3Only }), 'eu-west-1': loggingRegionFacts('eu-west-1', { configRules: s3Only }) };
    const steps = plan(configPlanner, loggingSnapshot({ regional }));
    expect(byId(steps, 'config:rules:us-east-1')).toMatchObject({ kind: 'update' });
    expect(byId(steps, 'config:rules:us-east-1').detail).toBe(
      'AWS managed rules root-access-key-check, mfa-enabled-for-iam-console-access, iam-password-policy, cloudtrail-enabled (the account-wide ones once, in the region recording global resources); each evaluation is billed',
    );
    expect(byId(steps, 'config:rules:eu-west-1').kind).toBe('noop');
    expect(plan(configPlanner, loggingSnapshot({ regional }), { config: { rules: false } }).map((x) => x.id)).toEqual(['config:recorder:us-east-1', 'config:recorder:eu-west-1']);
  });

  it('says what it could not read, and leaves the decision to apply', () => {
    const regional = { 'us-east-1': loggingRegionFacts('us-east-1', { configRecorders: undefined, configRules: undefined }), 'eu-west-1': loggingRegionFacts('eu-west-1') };
    const steps = plan(configPlanner, loggingSnapshot({ regional }));
    expect(byId(steps, 'config:recorder:us-east-1')).toMatchObject({ kind: 'update', detail: 'the AWS Config recorder in us-east-1 could not be read when the account was collected; apply reads it again and acts only on what is missing' });
  });
});

describe('access-analyzer and guardduty', () => {
  it('create what is missing per region, adopt what is there, re-enable a suspended detector', () => {
    const s = loggingSnapshot({
      regional: {
        'us-east-1': securedRegion('us-east-1'),
        'eu-west-1': securedRegion('eu-west-1', {
          accessAnalyzers: [{ arn: 'arn', name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' }],
          guardDutyDetectors: [{ id: 'gd1', status: 'DISABLED' }],
        }),
      },
    });
    expect(kinds(plan(accessAnalyzerPlanner, s))).toEqual([
      ['access-analyzer:us-east-1', 'noop', null],
      ['access-analyzer:eu-west-1', 'create', null],
    ]);
    expect(kinds(plan(guardDutyPlanner, s))).toEqual([
      ['guardduty:us-east-1', 'noop', null],
      ['guardduty:eu-west-1', 'update', null],
    ]);
    expect(plan(guardDutyPlanner, s)[1]?.detail).toMatch(/^re-enable suspended detector gd1/);
    expect(plan(accessAnalyzerPlanner, s, { accessAnalyzer: false })).toEqual([]);
    expect(plan(guardDutyPlanner, bareSnapshot()).map((x) => x.kind)).toEqual(['create', 'create']);
  });
});

describe('security-hub', () => {
  it('enables Security Hub where it is off, after the region\'s Config recorder; a region where it is on is done', () => {
    const s = loggingSnapshot({ regional: { 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1', { securityHub: null }) } });
    const steps = plan(securityHubPlanner, s);
    expect(kinds(steps)).toEqual([
      ['security-hub:us-east-1', 'noop', null],
      ['security-hub:eu-west-1', 'create', null],
    ]);
    expect(steps[0]!.detail).toBe(`Security Hub is enabled (arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default)`);
    expect(steps[0]!.run).toBeUndefined();
    expect(steps[1]).toMatchObject({
      title: 'Security Hub in eu-west-1',
      detail: 'enable Security Hub with the default standards, AWS Foundational Security Best Practices and CIS (free for 30 days, then billed per security check and finding ingested)',
      dependsOn: ['config:recorder:eu-west-1'],
      actions: ['securityhub:DescribeHub', 'securityhub:EnableSecurityHub', 'iam:CreateServiceLinkedRole'],
    });
    expect(steps[1]!.run).toBeTypeOf('function');
  });

  it('says when the hub could not be read, and plans nothing when the spec turns it off', () => {
    const [step] = plan(securityHubPlanner, bareSnapshot(), {}, ['us-east-1']);
    expect(step).toMatchObject({ id: 'security-hub:us-east-1', kind: 'create' });
    expect(step!.detail).toContain('Security Hub in us-east-1 could not be read when the account was collected');
    expect(plan(securityHubPlanner, bareSnapshot(), { securityHub: false })).toEqual([]);
  });
});
