// `rampart audit --snapshot`: options, output formats and exit codes, without AWS.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditOutputSchema } from '../../src/report/audit-output.js';
import { daysAgo, key, rootRow, snapshot, userRow } from '../fixtures/snapshot.js';
import { runCli } from './io.js';

const ANSI = '\x1b[';

let dir: string;
let clean: string;
let weak: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-cli-'));
  clean = join(dir, 'clean.json');
  weak = join(dir, 'weak.json');
  const policy = {
    minimumLength: 14, requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true,
    allowUsersToChangePassword: true, maxPasswordAge: 90, passwordReusePrevention: 24, hardExpiry: false,
  };
  await writeFile(clean, JSON.stringify(snapshot({ iam: { passwordPolicy: policy } })));
  // root without MFA (critical), a key 100 days old (medium), a 12-character password policy (medium)
  await writeFile(
    weak,
    JSON.stringify(
      snapshot({
        iam: {
          summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 },
          credentialReport: {
            generatedAt: daysAgo(0),
            rows: [rootRow({ mfaActive: false }), userRow('ci', { accessKeys: [key({ lastRotated: daysAgo(100) }), key({ active: false })] })],
          },
          passwordPolicy: { ...policy, minimumLength: 12 },
        },
      }),
    ),
  );
});

describe('rampart audit --snapshot', () => {
  it('prints the JSON contract and exits 1 when a high or critical check fails', async () => {
    const run = await runCli(['audit', '--snapshot', weak, '--format', 'json']);
    expect(run.code).toBe(1);
    const out = auditOutputSchema.parse(JSON.parse(run.stdout));
    expect(out.account.id).toBe('123456789012');
    const rootMfa = out.results.find((r) => r.checkId === 'root-mfa');
    expect(rootMfa).toMatchObject({ status: 'FAIL', severity: 'critical', area: 'root' });
    expect(rootMfa?.remediation.console.length).toBeGreaterThan(0);
    expect(out.summary.FAIL).toBe(out.results.filter((r) => r.status === 'FAIL').length);
  });

  it('--fail-on decides the exit code', async () => {
    expect((await runCli(['audit', '--snapshot', weak, '--fail-on', 'none'])).code).toBe(0);
    // without the critical and high failures (root-mfa, no admin user), only medium checks fail
    const highs = 'root-mfa,admin-user-exists';
    expect((await runCli(['audit', '--snapshot', weak, '--skip', highs])).code).toBe(0);
    expect((await runCli(['audit', '--snapshot', weak, '--skip', highs, '--fail-on', 'medium'])).code).toBe(1);
  });

  it('--check and --skip take ids and areas', async () => {
    const only = JSON.parse((await runCli(['audit', '--snapshot', weak, '--format', 'json', '--check', 'password-policy'])).stdout);
    expect(new Set(only.results.map((r: { area: string }) => r.area))).toEqual(new Set(['password-policy']));
    const skipped = JSON.parse((await runCli(['audit', '--snapshot', weak, '--format', 'json', '--skip', 'root,identity'])).stdout);
    expect(skipped.results.some((r: { area: string }) => r.area === 'root' || r.area === 'identity')).toBe(false);
  });

  it('thresholds are options', async () => {
    const strict = JSON.parse((await runCli(['audit', '--snapshot', weak, '--format', 'json', '--check', 'password-min-length', '--password-min-length', '12'])).stdout);
    expect(strict.results[0].status).toBe('PASS');
    const age = JSON.parse((await runCli(['audit', '--snapshot', weak, '--format', 'json', '--check', 'access-key-age', '--key-max-age-days', '120'])).stdout);
    expect(age.results.filter((r: { status: string }) => r.status === 'FAIL')).toEqual([]);
  });

  it('a clean account passes the root and password checks and exits 0', async () => {
    const run = await runCli(['audit', '--snapshot', clean, '--format', 'json', '--check', 'root-mfa,root-access-keys,password-policy']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results.every((r: { status: string }) => r.status === 'PASS')).toBe(true);
  });

  it('text output without a TTY has no colour, and NO_COLOR is honoured with FORCE_COLOR', async () => {
    const plain = await runCli(['audit', '--snapshot', weak]);
    expect(plain.stdout).toContain('root-mfa');
    expect(plain.stdout).not.toContain(ANSI);
    expect((await runCli(['audit', '--snapshot', weak], { FORCE_COLOR: '1' })).stdout).toContain(ANSI);
    expect((await runCli(['audit', '--snapshot', weak], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(ANSI);
  });

  it.each([
    [['audit', '--snapshot', 'missing.json'], /missing\.json: cannot read the snapshot/],
    [['audit', '--snapshot', 'x', '--fail-on', 'severe'], /--fail-on expects one of/],
    [['audit', '--snapshot', 'x', '--check', 'root-mfaa'], /unknown check or area "root-mfaa" \(did you mean "root-mfa"\?\)/],
    [['audit', '--snapshot', 'x', '--key-max-age-days', '-3'], /--key-max-age-days expects a positive whole number/],
    [['audit', '--format', 'yaml'], /--format expects one of text, json/],
    [['audit', '--bogus'], /unknown option/],
  ])('bad usage %j: one line on stderr, exit 2', async (args, message) => {
    const run = await runCli(args.map((a) => (a === 'x' ? weak : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('a corrupt snapshot is one line and exit 2', async () => {
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"kind":"rampart-snapshot","schemaVersion":1,"acc');
    const run = await runCli(['audit', '--snapshot', corrupt]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('corrupt.json: not a rampart snapshot: invalid JSON');
  });
});

describe('rampart checks', () => {
  it('lists every check with id, area, severity and sources', async () => {
    const run = await runCli(['checks', '--format', 'json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; area: string; severity: string; sources: string[] }[];
    expect(list.map((c) => c.id)).toContain('root-mfa');
    expect(list.every((c) => c.area && c.severity && c.sources.length > 0)).toBe(true);
    expect((await runCli(['checks'])).stdout).toContain('password-reuse');
  });
});

describe('rampart snapshot -o', () => {
  it('refuses a path it cannot write before calling AWS: one line, exit 2', async () => {
    const run = await runCli(['snapshot', '-o', '/nonexistent-dir/acct.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('rampart: /nonexistent-dir/acct.json: cannot write: no directory /nonexistent-dir\n');
    const intoDir = await runCli(['snapshot', '-o', dir]);
    expect(intoDir.code).toBe(2);
    expect(intoDir.stderr).toContain('cannot write: it is a directory');
  });
});
