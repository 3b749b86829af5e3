// `rampart audit` and `rampart snapshot` as subprocesses against the emulator, configured the way a user points
// rampart at LocalStack or moto: AWS_ENDPOINT_URL and ordinary credentials in the environment.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Scenario } from '../aws-emulator/index.js';
import { auditOutputSchema, type AuditOutput } from '../../src/report/audit-output.js';
import { parseSnapshot } from '../../src/inventory/load.js';
import { cleanAwsEnv, runBin, type BinRun } from './run-bin.js';

const ANSI = '\x1b[';

const scenarioPath = join(import.meta.dirname, '../aws-emulator/scenarios/leaky-account.json');
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario;
const CALLER_KEY = 'AKIADEVADMIN00000001';
/** The secret the CLI is given: it must never come back out. */
const CALLER_SECRET = 'CANARYcallerSECRETpassedTOrampart00000001';

/** Every secret the scenario plants (access key secrets, console passwords), plus the caller's own. */
const canaries = [
  CALLER_SECRET,
  ...[...(scenario.root.accessKeys ?? []), ...(scenario.users ?? []).flatMap((u) => u.accessKeys ?? [])].map((k) => k.secret),
  ...(scenario.users ?? []).flatMap((u) => (u.password ? [u.password.value] : [])),
];

let emu: Emulator;
let env: NodeJS.ProcessEnv;

const expectNoSecrets = (...texts: string[]) => {
  for (const text of texts) for (const secret of canaries) expect(text).not.toContain(secret);
};

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioPath });
  env = cleanAwsEnv({
    AWS_ENDPOINT_URL: emu.endpoint,
    AWS_ACCESS_KEY_ID: CALLER_KEY,
    AWS_SECRET_ACCESS_KEY: CALLER_SECRET,
    AWS_REGION: 'us-east-1',
  });
});

afterAll(() => emu.close());

describe('rampart audit against an AWS endpoint', () => {
  let run: BinRun;
  let out: AuditOutput;

  beforeAll(async () => {
    run = await runBin(['audit', '--format', 'json', '--check', 'root,identity,password-policy'], env);
    out = auditOutputSchema.parse(JSON.parse(run.stdout));
  });

  it('finds what is wrong with the leaky account and exits 1', () => {
    expect(run.code).toBe(1);
    expect(out.account).toEqual({ id: '123456789012', partition: 'aws', alias: 'my-side-project' });
    const status = (checkId: string, resourcePart = '') =>
      out.results.find((r) => r.checkId === checkId && r.resource.includes(resourcePart))?.status;
    expect(status('root-mfa')).toBe('FAIL');
    expect(status('root-access-keys')).toBe('FAIL');
    expect(status('root-recent-use')).toBe('FAIL');
    expect(status('user-console-mfa', 'dev-admin')).toBe('FAIL');
    expect(status('admin-access-keys', 'dev-admin')).toBe('FAIL');
    expect(status('access-key-age', 'dev-admin')).toBe('FAIL');
    expect(status('access-key-initial-setup', 'deploy-bot')).toBeUndefined(); // deploy-bot has no console password
    expect(status('admin-star-policy', 'FullAccessJustInCase')).toBe('FAIL');
    expect(status('password-policy-exists')).toBe('FAIL');
    expect(status('server-certificates-expired')).toBe('FAIL');
    expect(out.results.filter((r) => r.status === 'UNKNOWN')).toEqual([]);
  });

  it('never prints a secret', () => {
    expectNoSecrets(run.stdout, run.stderr);
  });

  it('prints the text report by default, without colour when not on a terminal', async () => {
    const text = await runBin(['audit', '--check', 'root'], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('root-mfa');
    expect(text.stdout).toContain('Summary');
    expect(text.stdout).not.toContain(ANSI);
    expectNoSecrets(text.stdout, text.stderr);
  });
});

describe('rampart snapshot', () => {
  it('writes a snapshot with no secrets, mode 0600, that audits offline to the same results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-snap-'));
    const file = join(dir, 'acct.json');
    const snap = await runBin(['snapshot', '-o', file], env);
    expect(snap.code).toBe(0);
    expect(snap.stderr).toContain(`written to ${file}`);
    const text = readFileSync(file, 'utf8');
    expectNoSecrets(text, snap.stdout, snap.stderr);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSnapshot(text, file).account.id).toBe('123456789012');

    const offline = await runBin(['audit', '--snapshot', file, '--format', 'json', '--check', 'root,identity,password-policy'], cleanAwsEnv());
    const online = await runBin(['audit', '--format', 'json', '--check', 'root,identity,password-policy'], env);
    const strip = (r: BinRun) => (JSON.parse(r.stdout) as AuditOutput).results.map(({ checkId, status, resource }) => ({ checkId, status, resource }));
    expect(strip(offline)).toEqual(strip(online));
  });
});

describe('when the audit cannot run', () => {
  it('no credentials at all: one clear line, exit 3', async () => {
    const run = await runBin(['audit'], cleanAwsEnv({ AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: emu.endpoint }));
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^rampart: .*credentials/i);
  });

  it('a denied credential report makes its checks UNKNOWN and leaves the rest alone', async () => {
    emu.setFaults([{ operation: 'iam:GetCredentialReport', kind: 'AccessDenied' }]);
    try {
      const run = await runBin(['audit', '--format', 'json', '--check', 'root,identity,password-policy'], env);
      const out = auditOutputSchema.parse(JSON.parse(run.stdout));
      const byId = (id: string) => out.results.filter((r) => r.checkId === id);
      expect(byId('user-console-mfa').map((r) => r.status)).toEqual(['UNKNOWN']);
      expect(byId('user-console-mfa')[0]?.message).toMatch(/iam:GetCredentialReport.*AccessDenied/);
      expect(byId('root-mfa')[0]?.status).toBe('FAIL'); // GetAccountSummary still says so
      expect(byId('password-policy-exists')[0]?.status).toBe('FAIL');
      expect(byId('admin-star-policy').some((r) => r.status === 'FAIL')).toBe(true);
    } finally {
      emu.setFaults([]);
    }
  });
});
