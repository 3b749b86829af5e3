// `rampart diff`: two snapshots of the seed 002 account, a week apart, and a saved audit against a snapshot.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './io.js';

let dir: string;
let before: string;
let after: string;
let beforeAudit: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-diff-'));
  const leaky = JSON.parse(await readFile('examples/leaky-account.json', 'utf8'));
  before = join(dir, 'before.json');
  after = join(dir, 'after.json');
  await writeFile(before, JSON.stringify(leaky));
  // A week later: root got MFA (better), and an attacker's user with two active keys appeared (new, worse).
  const later = structuredClone(leaky);
  later.collectedAt = '2026-06-22T12:00:00.000Z';
  later.iam.summary.AccountMFAEnabled = 1;
  const root = later.iam.credentialReport.rows.find((r: { user: string }) => r.user === '<root_account>');
  root.mfaActive = true;
  const arn = `arn:aws:iam::${leaky.account.id}:user/backup-svc`;
  later.iam.users.push({ name: 'backup-svc', id: 'AIDAEXAMPLEBACKUPSVC', arn, path: '/', createDate: '2026-06-20T03:47:00.000Z', groups: [], attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }], inlinePolicies: [], permissionsBoundaryArn: null, tags: {} });
  const keyRow = { active: true, lastRotated: '2026-06-20T03:48:00.000Z', lastUsedDate: '2026-06-20T03:50:00.000Z', lastUsedRegion: 'us-east-1', lastUsedService: 'ec2' };
  later.iam.credentialReport.rows.push({
    user: 'backup-svc', arn, userCreationTime: '2026-06-20T03:47:00.000Z', passwordEnabled: false, passwordLastUsed: null,
    passwordLastChanged: null, passwordNextRotation: null, mfaActive: false, accessKeys: [keyRow, { ...keyRow }], certs: [],
  });
  await writeFile(after, JSON.stringify(later));
  beforeAudit = join(dir, 'before-audit.json');
  const audit = await runCli(['audit', '--snapshot', before, '--format', 'json', '--fail-on', 'none']);
  await writeFile(beforeAudit, audit.stdout);
});

describe('rampart diff', () => {
  it('shows what got worse, what is new and what got better, and exits 1 on a regression', async () => {
    const run = await runCli(['diff', before, after]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^rampart diff: account 123456789012 \(my-side-project\)/);
    const section = (name: string): string => run.stdout.split(/\n\n/).find((s) => s.startsWith(name)) ?? '';
    expect(section('Better')).toContain('root-mfa');
    expect(section('Better')).toMatch(/FAIL -> PASS/);
    expect(section('New')).toContain('backup-svc');
    expect(section('Identities')).toContain(`+ user   arn:aws:iam::123456789012:user/backup-svc`);
    expect(section('Identities')).toContain('~ keys   backup-svc: active 0 -> 2, 2 created since');
    expect(run.stdout).toMatch(/\d+ worse, \d+ new, \d+ better, 0 gone, \d+ unchanged\n$/);
  });

  it('exits 0 when nothing got worse, and with --fail-on none', async () => {
    expect((await runCli(['diff', after, after])).code).toBe(0);
    expect((await runCli(['diff', before, after, '--fail-on', 'none'])).code).toBe(0);
    const critical = await runCli(['diff', before, after, '--fail-on', 'critical']);
    expect(critical.code).toBe(0);
  });

  it('compares a saved audit with a snapshot, and prints JSON', async () => {
    const run = await runCli(['diff', beforeAudit, after, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ kind: 'rampart-diff', schemaVersion: 1, old: { kind: 'audit' }, new: { kind: 'snapshot' } });
    expect(doc.inventory).toBeUndefined();
    expect(doc.changes.some((c: { direction: string; checkId: string }) => c.direction === 'better' && c.checkId === 'root-mfa')).toBe(true);
    expect(doc.score.after).toBeGreaterThan(doc.score.before);
  });

  it('notes when the old file is the newer one', async () => {
    const run = await runCli(['diff', after, before]);
    expect(run.stderr).toContain('was collected after');
    expect(run.stdout).toMatch(/Worse \(\d+\)\n.*root-mfa/);
  });

  it.each([
    [['diff', 'nope.json', 'examples/leaky-account.json'], /^rampart: nope\.json: cannot read: no such file\n$/],
    [['diff', 'package.json', 'examples/leaky-account.json'], /^rampart: package\.json: not a rampart snapshot or audit: /],
    [['diff', 'examples/clean-account.json', 'examples/leaky-account.json'], /is account 210987654321 but .* is account 123456789012; pass --any-account/],
  ])('rejects %j with one line and exit 2', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('compares two accounts when asked', async () => {
    const run = await runCli(['diff', 'examples/clean-account.json', 'examples/leaky-account.json', '--any-account', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Worse');
  });
});
