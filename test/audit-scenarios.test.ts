// The whole audit, collectors and checks together, on the emulator's scenario accounts through the real SDK clients.
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../src/audit.js';
import { createSession } from '../src/aws/session.js';
import type { CheckResult } from '../src/checks/types.js';
import { collectSnapshot, type CollectOptions } from '../src/inventory/collect.js';
import type { EmulatorOptions } from './aws-emulator/index.js';
import { useEmulatedEnvironment } from './aws-emulator/emulated-env.js';
import { NOW } from './aws-emulator/test-helpers.js';

const env = useEmulatedEnvironment();
const scenario = (name: string) => `test/aws-emulator/scenarios/${name}.json`;
// The emulator's clock and the collection's are the same moment, so ages come out as the scenario states them.
const FAST: CollectOptions = { credentialReport: { delayMs: 1, maxDelayMs: 5 }, now: () => NOW };
const CLEAN_KEY = 'AKIACLEANCI000000001';

async function audit(name: string, key: string, emulator: Omit<EmulatorOptions, 'scenario'> = {}, collect: CollectOptions = {}) {
  const emu = await env.emulate(scenario(name), key, emulator);
  const snapshot = await collectSnapshot(createSession({ maxAttempts: 12 }), { ...FAST, ...collect });
  return { results: auditSnapshot(snapshot), snapshot, calls: emu.calls() };
}

const statuses = (results: CheckResult[]) => results.map((r) => `${r.checkId} ${r.resource} ${r.status}`).sort();
const ids = (results: CheckResult[], status: CheckResult['status']) => [...new Set(results.filter((r) => r.status === status).map((r) => r.checkId))].sort();

describe('the hardened account', () => {
  it('audits to zero FAIL and zero UNKNOWN in every region', async () => {
    const { results, snapshot } = await audit('clean-account', CLEAN_KEY);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.regions?.audited).toHaveLength(17);
    expect(results.filter((r) => r.status === 'FAIL' || r.status === 'UNKNOWN')).toEqual([]);
    // regional checks give a result per region
    expect(results.filter((r) => r.checkId === 'guardduty-enabled')).toHaveLength(17);
  });

  it('gives the same results with 30% of calls throttled', async () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-south-1'];
    const calm = await audit('clean-account', CLEAN_KEY, {}, { regions });
    const throttled = await audit('clean-account', CLEAN_KEY, { faults: [{ operation: '*', kind: 'Throttling', rate: 0.3 }], seed: 7 }, { regions });
    expect(statuses(throttled.results)).toEqual(statuses(calm.results));
    expect(throttled.snapshot.errors).toEqual([]);
  });

  it('a region that answers nothing times out: its checks are UNKNOWN, every other region is judged', async () => {
    const { results, snapshot } = await audit('clean-account', CLEAN_KEY, { hangRegions: ['ap-south-1'] }, { callTimeoutMs: 500, regions: ['us-east-1', 'eu-west-1', 'ap-south-1'] });
    expect(snapshot.errors.length).toBeGreaterThan(0);
    expect(snapshot.errors.every((e) => e.region === 'ap-south-1' && e.code === 'TimeoutError')).toBe(true);
    const inSouth = results.filter((r) => r.resource === 'ap-south-1');
    expect(inSouth.length).toBeGreaterThan(0);
    expect(inSouth.every((r) => r.status === 'UNKNOWN')).toBe(true);
    expect(inSouth[0]?.message).toMatch(/ap-south-1/);
    expect(results.filter((r) => r.status === 'UNKNOWN' && r.resource !== 'ap-south-1')).toEqual([]);
    expect(results.filter((r) => r.status === 'FAIL')).toEqual([]);
  });

  it('AccessDenied on Budgets makes the budget checks UNKNOWN and nothing else', async () => {
    const { results } = await audit('clean-account', CLEAN_KEY, { faults: [{ operation: 'budgets:*', kind: 'AccessDenied' }] }, { regions: ['us-east-1'] });
    expect(ids(results, 'UNKNOWN')).toEqual(['budget-alerts', 'budget-exists']);
    expect(results.find((r) => r.checkId === 'budget-exists')?.message).toMatch(/budgets:DescribeBudgets failed \(AccessDenied/);
    expect(ids(results, 'FAIL')).toEqual([]);
  });
});

describe('a brand-new account', () => {
  it('fails exactly the checks that ask for something to exist, with nothing UNKNOWN', async () => {
    const { results, snapshot } = await audit('empty-account', 'ASIAROOTSESSION00001');
    expect(snapshot.errors).toEqual([]);
    expect(ids(results, 'UNKNOWN')).toEqual([]);
    expect(ids(results, 'FAIL')).toEqual(
      [
        'root-mfa', 'account-contacts', 'root-recent-use',
        'admin-user-exists', 'support-role',
        'password-policy-exists', 'password-min-length', 'password-complexity', 'password-reuse', 'password-max-age', 'password-allow-change',
        'budget-exists', 'budget-alerts', 'billing-alarm', 'cost-anomaly-monitor', 'cost-usage-report',
        'cloudtrail-multi-region', 'cloudtrail-log-validation', 'cloudtrail-kms', 'cloudtrail-cloudwatch-logs',
        'cloudtrail-bucket-not-public', 'cloudtrail-bucket-access-logging', 'cloudtrail-s3-data-events', 'config-recorder', 'config-rules',
        'alarm-unauthorized-api-calls', 'alarm-console-login-without-mfa', 'alarm-root-usage', 'alarm-iam-policy-changes',
        'alarm-cloudtrail-changes', 'alarm-console-auth-failures', 'alarm-kms-cmk-deletion', 'alarm-s3-bucket-policy-changes',
        'alarm-config-changes', 'alarm-security-group-changes', 'alarm-nacl-changes', 'alarm-network-gateway-changes',
        'alarm-route-table-changes', 'alarm-vpc-changes', 'alarm-organizations-changes',
        's3-account-public-access-block', 'access-analyzer', 'guardduty-enabled', 'securityhub-enabled',
      ].sort(),
    );
  });
});

describe("seed 002's account", () => {
  it("finds the ARN typo that cost an afternoon, reading DynamoDB only where a policy names a table", async () => {
    const { results, calls } = await audit('leaky-account', 'AKIADEVADMIN00000001', {}, { regions: ['us-east-1', 'eu-west-1'] });
    const typo = results.find((r) => r.checkId === 'policy-resource-missing' && r.status === 'FAIL');
    expect(typo?.message).toContain('no DynamoDB table in us-east-1 named user-session-prod in account 123456789012 (did you mean user-sessions-prod?)');
    expect(calls['dynamodb:ListTables']).toBe(1);
  });

  it('asks DynamoDB nothing in an account whose policies name no table', async () => {
    const { calls } = await audit('clean-account', CLEAN_KEY, {}, { regions: ['us-east-1'] });
    expect(calls['dynamodb:ListTables']).toBeUndefined();
  });
});
