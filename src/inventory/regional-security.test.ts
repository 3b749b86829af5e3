// The logging and exposure sections of the regional fan-out (KMS keys, Config recorders and rules, Access Analyzer,
// GuardDuty, Security Hub), through the real SDK clients against the emulator.
import { describe, expect, it } from 'vitest';
import { canaries, useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import type { Scenario } from '../../test/aws-emulator/index.js';
import { CLEAN_ACCOUNT, CLEAN_CI_KEY, LEAKY_ADMIN_KEY, readScenario, scenarioPath } from '../../test/aws-emulator/test-helpers.js';
import { createSession } from '../aws/session.js';
import type { ProgressEvent } from './context.js';
import { collectRegional, REGIONAL_COLLECTORS, type FanOutResult } from './regional.js';
import type { RegionFacts } from './schema/regional.js';

const CLEAN = readScenario('clean-account');
const LEAKY = readScenario('leaky-account');
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];
const SECTIONS: (keyof RegionFacts)[] = ['kmsKeys', 'configRecorders', 'configRules', 'accessAnalyzers', 'guardDutyDetectors', 'securityHub'];
const MINE = REGIONAL_COLLECTORS.filter((c) => SECTIONS.includes(c.section));
const SEED_RULES = [
  'root-access-key-check',
  'mfa-enabled-for-iam-console-access',
  'iam-password-policy',
  'cloudtrail-enabled',
  's3-bucket-public-read-prohibited',
  's3-bucket-public-write-prohibited',
];

const { emulate } = useEmulatedEnvironment();

async function fanOut(regions = REGIONS, callTimeoutMs = 10_000): Promise<FanOutResult & { events: ProgressEvent[] }> {
  const session = createSession();
  const events: ProgressEvent[] = [];
  try {
    const result = await collectRegional(session, { audited: regions }, { concurrency: 8, callTimeoutMs, report: (e) => events.push(e), collectors: MINE });
    return { ...result, events };
  } finally {
    session.close();
  }
}

const codes = (errors: FanOutResult['errors']) => errors.map((e) => `${e.region}:${e.service}:${e.operation}:${e.code}`).sort();

describe('regional logging and exposure: the clean account', () => {
  it('finds Config, the seed rules, an analyzer, GuardDuty and Security Hub in every region, and the rotated key', async () => {
    const emu = await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const { facts, errors, events } = await fanOut();
    expect(errors).toEqual([]);
    // Eight calls a region where everything is on, plus one or two per KMS key (us-east-1 has two keys, one of them customer managed).
    const total = Object.values(emu.calls()).reduce((a, b) => a + b, 0);
    expect(total).toBe(8 * REGIONS.length + 2 + 1);
    for (const region of REGIONS) {
      const f = facts[region]!;
      expect(f.configRecorders).toEqual([
        { name: 'default', allSupported: true, includeGlobalResourceTypes: true, recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES', recording: true, lastStatus: 'SUCCESS' },
      ]);
      expect(f.configRules?.map((r) => r.name)).toEqual(SEED_RULES);
      expect(f.configRules?.[0]).toEqual({ name: 'root-access-key-check', sourceIdentifier: 'IAM_ROOT_ACCESS_KEY_CHECK', owner: 'AWS', state: 'ACTIVE' });
      expect(f.accessAnalyzers).toEqual([
        { arn: `arn:aws:access-analyzer:${region}:${CLEAN_ACCOUNT}:analyzer/account-analyzer`, name: 'account-analyzer', type: 'ACCOUNT', status: 'ACTIVE' },
      ]);
      expect(f.guardDutyDetectors).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'ENABLED' }]);
      expect(f.securityHub).toEqual({ hubArn: `arn:aws:securityhub:${region}:${CLEAN_ACCOUNT}:hub/default` });
    }
    expect(facts['us-east-1']?.kmsKeys).toEqual([
      {
        id: '5f0c1a2b-3c4d-4e5f-a617-28394a5b6c7d',
        arn: `arn:aws:kms:us-east-1:${CLEAN_ACCOUNT}:key/5f0c1a2b-3c4d-4e5f-a617-28394a5b6c7d`,
        manager: 'CUSTOMER',
        spec: 'SYMMETRIC_DEFAULT',
        state: 'Enabled',
        rotationEnabled: true,
      },
      // AWS rotates its own keys: not asked.
      expect.objectContaining({ manager: 'AWS', rotationEnabled: null }),
    ]);
    expect(facts['eu-west-1']?.kmsKeys).toEqual([]);
    expect(events.filter((e) => e.state === 'done')).toHaveLength(SECTIONS.length * REGIONS.length);
    expect(events.find((e) => e.step === 'guardduty:detectors' && e.region === 'eu-west-1')).toBeDefined();
  });
});

describe('regional logging and exposure: the leaky account', () => {
  it('finds nothing turned on, and the key that does not rotate', async () => {
    const emu = await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const { facts, errors } = await fanOut();
    expect(errors).toEqual([]);
    for (const region of REGIONS) {
      expect(facts[region]).toMatchObject({ configRecorders: [], configRules: [], accessAnalyzers: [], guardDutyDetectors: [], securityHub: null });
    }
    expect(facts['us-east-1']?.kmsKeys?.find((k) => k.manager === 'CUSTOMER')).toMatchObject({ spec: 'SYMMETRIC_DEFAULT', state: 'Enabled', rotationEnabled: false });
    for (const secret of canaries(LEAKY)) expect(JSON.stringify(facts)).not.toContain(secret);
    // No recorder, no status to ask; no detector, nothing to get.
    expect(emu.calls()['config:DescribeConfigurationRecorderStatus']).toBeUndefined();
    expect(emu.calls()['guardduty:GetDetector']).toBeUndefined();
  });
});

describe('regional logging and exposure: failures stay in their region and section', () => {
  it('GuardDuty refused in one region leaves only that section of that region out', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'guardduty:*', kind: 'AccessDenied', region: 'eu-west-1' }] });
    const { facts, errors, events } = await fanOut();
    expect(codes(errors)).toEqual(['eu-west-1:guardduty:ListDetectors:AccessDeniedException']);
    expect(facts['eu-west-1']?.guardDutyDetectors).toBeUndefined();
    expect(facts['eu-west-1']?.securityHub).toBeDefined();
    expect(facts['us-east-1']?.guardDutyDetectors).toHaveLength(1);
    expect(facts['ap-south-1']?.guardDutyDetectors).toHaveLength(1);
    expect(events.find((e) => e.step === 'guardduty:detectors' && e.region === 'eu-west-1' && e.state === 'error')).toMatchObject({
      error: { code: 'AccessDeniedException' },
    });
  });

  it('keeps a detector whose status cannot be read, as UNKNOWN', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'guardduty:GetDetector', kind: 'AccessDenied', region: 'us-east-1' }] });
    const { facts, errors } = await fanOut(['us-east-1']);
    expect(facts['us-east-1']?.guardDutyDetectors).toEqual([{ id: expect.any(String), status: 'UNKNOWN' }]);
    expect(codes(errors)).toEqual(['us-east-1:guardduty:GetDetector:AccessDeniedException']);
  });

  it('keeps the recorders when only their status is refused', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'config:DescribeConfigurationRecorderStatus', kind: 'AccessDenied' }] });
    const { facts, errors } = await fanOut(['us-east-1']);
    expect(facts['us-east-1']?.configRecorders).toEqual([expect.objectContaining({ name: 'default', allSupported: true, recording: null, lastStatus: null })]);
    expect(codes(errors)).toEqual(['us-east-1:config:DescribeConfigurationRecorderStatus:AccessDeniedException']);
  });

  it('records a refused DescribeHub as a failure, not as "not subscribed"', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'securityhub:DescribeHub', kind: 'AccessDenied' }] });
    const { facts, errors } = await fanOut(['us-east-1']);
    expect('securityHub' in (facts['us-east-1'] ?? {})).toBe(false);
    expect(codes(errors)).toEqual(['us-east-1:securityhub:DescribeHub:AccessDeniedException']);
  });

  it('files Access Analyzer failures under access-analyzer, as the checks read them', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'accessanalyzer:ListAnalyzers', kind: 'AccessDenied', region: 'ap-south-1' }] });
    const { facts, errors } = await fanOut();
    expect(codes(errors)).toEqual(['ap-south-1:access-analyzer:ListAnalyzers:AccessDeniedException']);
    expect(facts['ap-south-1']?.accessAnalyzers).toBeUndefined();
    expect(facts['us-east-1']?.accessAnalyzers).toHaveLength(1);
  });

  it('gives every section of a region that does not answer up within the deadline, and no other', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { hangRegions: ['ap-south-1'] });
    const { facts, errors } = await fanOut(REGIONS, 300);
    expect(facts['ap-south-1']).toEqual({});
    expect(new Set(errors.map((e) => `${e.region}:${e.code}`))).toEqual(new Set(['ap-south-1:TimeoutError']));
    // One failure per section at least (Config's recorders and their status are two calls).
    expect(new Set(errors.map((e) => e.service)).size).toBe(new Set(MINE.map((c) => c.service)).size);
    expect(facts['eu-west-1']?.guardDutyDetectors).toHaveLength(1);
  });
});

describe('regional logging and exposure: KMS', () => {
  const keys: NonNullable<NonNullable<Scenario['regional']>[string]['kmsKeys']> = [
    { description: 'rotating', rotation: true },
    { description: 'not rotating' },
    { manager: 'AWS' },
    { spec: 'RSA_2048' },
    { state: 'Disabled' },
    { state: 'PendingDeletion' },
  ];

  it('asks rotation only of enabled, symmetric, customer managed keys', async () => {
    const emu = await emulate({ ...CLEAN, regional: { 'eu-west-1': { kmsKeys: keys } } }, CLEAN_CI_KEY);
    const { facts, errors } = await fanOut(['eu-west-1']);
    expect(errors).toEqual([]);
    expect(facts['eu-west-1']?.kmsKeys?.map((k) => [k.manager, k.spec, k.state, k.rotationEnabled])).toEqual([
      ['CUSTOMER', 'SYMMETRIC_DEFAULT', 'Enabled', true],
      ['CUSTOMER', 'SYMMETRIC_DEFAULT', 'Enabled', false],
      ['AWS', 'SYMMETRIC_DEFAULT', 'Enabled', null],
      ['CUSTOMER', 'RSA_2048', 'Enabled', null],
      ['CUSTOMER', 'SYMMETRIC_DEFAULT', 'Disabled', null],
      ['CUSTOMER', 'SYMMETRIC_DEFAULT', 'PendingDeletion', null],
    ]);
    expect(emu.calls()).toMatchObject({ 'kms:ListKeys': 1, 'kms:DescribeKey': 6, 'kms:GetKeyRotationStatus': 2 });
  });

  it('keeps a key it cannot describe, its facts unknown', async () => {
    await emulate({ ...CLEAN, regional: { 'eu-west-1': { kmsKeys: keys.slice(0, 2) } } }, CLEAN_CI_KEY, {
      faults: [{ operation: 'kms:DescribeKey', kind: 'AccessDenied' }],
    });
    const { facts, errors } = await fanOut(['eu-west-1']);
    expect(facts['eu-west-1']?.kmsKeys).toEqual([
      expect.objectContaining({ manager: 'UNKNOWN', spec: 'UNKNOWN', state: 'UNKNOWN', rotationEnabled: null }),
      expect.objectContaining({ manager: 'UNKNOWN', rotationEnabled: null }),
    ]);
    expect(codes(errors)).toEqual(['eu-west-1:kms:DescribeKey:AccessDeniedException', 'eu-west-1:kms:DescribeKey:AccessDeniedException']);
  });
});

describe('regional logging and exposure: paging', () => {
  it('reads every page of rules and analyzers', async () => {
    const rules = Array.from({ length: 60 }, (_, i) => `rule-${i}`);
    const analyzers = Array.from({ length: 130 }, (_, i) => ({ name: `analyzer-${i}` }));
    const emu = await emulate({ ...CLEAN, regional: { 'us-east-1': { configRules: rules, accessAnalyzers: analyzers } } }, CLEAN_CI_KEY);
    const { facts } = await fanOut(['us-east-1']);
    expect(facts['us-east-1']?.configRules?.map((r) => r.name)).toEqual(rules);
    expect(facts['us-east-1']?.accessAnalyzers).toHaveLength(130);
    expect(emu.calls()).toMatchObject({ 'config:DescribeConfigRules': 3, 'accessanalyzer:ListAnalyzers': 2 });
  });
});
