// `--regions` and the scope of a collection, through the built CLI against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../aws-emulator/index.js';
import { parseSnapshot } from '../../src/inventory/load.js';
import { cleanAwsEnv, runBin } from './run-bin.js';

const SCENARIO = {
  account: { id: '111111111111' },
  root: { mfa: 'none' as const },
  users: [{ name: 'auditor', created: '-9d', accessKeys: [{ id: 'AKIAREGIONS000000001', secret: 'CANARY-regions', created: '-9d' }] }],
  regions: ['us-east-1', 'eu-west-1', { name: 'ap-east-1', optIn: 'not-opted-in' as const }],
};

let emu: Emulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emu = await startEmulator({ scenario: SCENARIO });
  env = cleanAwsEnv({ AWS_ENDPOINT_URL: emu.endpoint, AWS_ACCESS_KEY_ID: 'AKIAREGIONS000000001', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1' });
});
afterAll(() => emu.close());

describe('--regions', () => {
  it('limits the regional facts; a region the account has not enabled is skipped with a note', async () => {
    const run = await runBin(['snapshot', '-o', '-', '--regions', 'eu-west-1,ap-east-1'], env);
    expect(run.code).toBe(0);
    const snapshot = parseSnapshot(run.stdout, 'stdout');
    expect(snapshot.regions).toMatchObject({ enabled: ['us-east-1', 'eu-west-1'], notEnabled: ['ap-east-1'], audited: ['eu-west-1'] });
    expect(snapshot.regions!.notes).toEqual(['ap-east-1 was requested but is an opt-in region this account has not enabled: skipped']);
    expect(Object.keys(snapshot.regional)).toEqual(['eu-west-1']);
  });

  it('an unknown region is bad usage (exit 2), said on one line', async () => {
    const run = await runBin(['audit', '--regions', 'eu-wset-1'], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('--regions: unknown region "eu-wset-1" (did you mean "eu-west-1"?)')]);
  });

  it('an audit of the identity checks asks no region anything', async () => {
    emu.resetCalls();
    const run = await runBin(['audit', '--format', 'json', '--check', 'root,identity,password-policy'], env);
    expect([0, 1]).toContain(run.code);
    expect(Object.keys(emu.calls()).filter((k) => !/^(iam|sts|account):/.test(k))).toEqual([]);
  });
});
