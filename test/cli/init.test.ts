// `rampart init` in-process against the emulator's first-day account (root in CloudShell), with the real planners:
// answers piped on stdin, or --yes with an existing spec.
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useEmulatedEnvironment } from '../aws-emulator/emulated-env.js';
import { firstDayWithAdmin, OPS_KEY, readScenario } from '../aws-emulator/test-helpers.js';
import { main } from '../../src/cli/main.js';
import { runCli, runPiped } from './io.js';

const ROOT_SESSION = 'ASIAROOTSESSION00001';

/** The first-day account with an admin user `ops` who signs with long-term keys. */
const ADMIN_SCENARIO = firstDayWithAdmin();

const env = useEmulatedEnvironment();
let dir: string;
let spec: string;
let stateDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-init-'));
  spec = join(dir, 'rampart.yaml');
  stateDir = join(dir, 'state');
});

async function secretFiles(): Promise<string[]> {
  return (await readdir(join(stateDir, 'secrets'))).map((f) => join(stateDir, 'secrets', f));
}

describe('rampart init', () => {
  it('as root with piped answers: writes rampart.yaml, creates the admin, hands the rest to it', async () => {
    await env.emulate(readScenario('empty-account'), ROOT_SESSION);
    const run = await runPiped(['init', '--spec', spec, '--state-dir', stateDir, '--quiet'], ['ops@example.com, cfo@example.com', '35', 'alice', 'us-east-1', 'y']);
    const { stdout, stderr } = run;
    expect(stdout).toContain('You are root in account 456789012345: rampart will create your daily admin user, then you sign in as it.');
    expect(stdout).toMatch(/^Audit now: score \d+\/100, [1-9]\d* critical and \d+ high failing\.$/m);

    const written = await readFile(spec, 'utf8');
    expect(written).toContain('regions:\n  - us-east-1');
    expect(written).toContain('alertEmails:\n  - ops@example.com\n  - cfo@example.com');
    expect(written).toContain('budget:\n  amount: 35');
    expect(written).toContain('admins:\n  users:\n    - alice');
    expect(stdout).toContain(`Wrote ${spec}.`);

    // root runs only the bootstrap; the rest is refused with the sign-in message
    expect(stdout).toMatch(/^done +admin-group /m);
    expect(stdout).toMatch(/^done +admin-user:alice /m);
    expect(stdout).toMatch(/^\d+ more steps are for your admin user, not root \(runs as your admin user, not root: sign in as alice and run rampart apply again\)\.$/m);
    expect(stdout).toContain('Applied: 4 done, 0 failed, 0 skipped');
    expect(stdout).not.toMatch(/^failed /m);
    expect(stdout).toContain('Sign-in URL: https://456789012345.signin.aws.amazon.com/console');
    expect(stdout).toContain('Next: sign in as alice and run rampart apply');

    // the password: in its 0600 file only
    const [secretPath, ...others] = await secretFiles();
    expect(others).toEqual([]);
    expect((await stat(secretPath!)).mode & 0o777).toBe(0o600);
    const password = (await readFile(secretPath!, 'utf8')).trim();
    expect(password.length).toBeGreaterThanOrEqual(14);
    expect(stdout).toContain(`First console password (change it at first sign-in): in ${secretPath}`);
    for (const text of [stdout, stderr, written, await readFile(join(stateDir, 'journal.jsonl'), 'utf8')]) expect(text).not.toContain(password);

    // manual steps, then the score before and after
    expect(stdout).toContain('Still to do by hand, as root in the console (steps above): Root user has MFA.');
    expect(stdout).toContain('Click the account name (top right), then Security credentials');
    expect(stdout).toMatch(/^Audit score: before \d+\/100 \(.*\), after \d+\/100 \(.*\)\.$/m);
    expect(run.code).toBe(0); // what root leaves to the admin user is the plan, not a failure
  });

  it('--yes --spec runs without a question from an existing spec', async () => {
    await env.emulate(readScenario('empty-account'), ROOT_SESSION);
    await writeFile(spec, 'regions: [us-east-1]\nalertEmails: [ops@example.com]\nadmins:\n  users: [bob]\n');
    const run = await runCli(['init', '--yes', '--spec', spec, '--state-dir', stateDir, '--quiet']);
    expect(run.stdout).not.toContain('Wrote');
    expect(run.stdout).toMatch(/^done +admin-user:bob /m);
    expect(run.stdout).toContain('Still to do by hand, as root in the console (steps above):');
    expect(run.stdout).toMatch(/^Audit score: before /m);
    expect(await readFile(spec, 'utf8')).toBe('regions: [us-east-1]\nalertEmails: [ops@example.com]\nadmins:\n  users: [bob]\n');
    const password = (await readFile((await secretFiles())[0]!, 'utf8')).trim();
    expect(run.stdout + run.stderr).not.toContain(password);
    expect(run.code).toBe(0);
  });

  it('an invalid piped email is one line and exit 2, before anything is written or changed', async () => {
    const emu = await env.emulate(readScenario('empty-account'), ROOT_SESSION);
    const run = await runPiped(['init', '--spec', spec, '--state-dir', stateDir, '--quiet'], ['not-an-email', '20', 'alice', 'all', 'y']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('rampart: stdin line 1: Alert email(s), comma-separated: "not-an-email" is not an email address\n');
    await expect(stat(spec)).rejects.toThrow();
    const writes = Object.keys(emu.calls()).filter((op) => /Create|Put|Update|Attach|Add/.test(op));
    expect(writes).toEqual([]);
  });

  it('an admin user is not asked for an admin name; an existing spec is kept when the answer is no', async () => {
    await env.emulate(ADMIN_SCENARIO, OPS_KEY);
    const run = await runPiped(['init', '--spec', spec, '--state-dir', stateDir, '--quiet'], ['ops@example.com', '', 'us-east-1', 'n']);
    expect(run.stdout).toContain('You are the IAM user ops, an admin of account 456789012345: rampart will not create another admin user.');
    expect(await readFile(spec, 'utf8')).not.toContain('admins');
    expect(await readFile(spec, 'utf8')).toContain('amount: 20');
    expect(run.stderr).toContain('rampart: apply cancelled; nothing was changed');
    expect(run.code).toBe(1);

    await writeFile(spec, 'regions: [us-east-1]\nalertEmails: [kept@example.com]\n');
    const kept = await runPiped(['init', '--spec', spec, '--state-dir', stateDir, '--quiet'], ['n', 'n']);
    expect(kept.stdout).not.toContain('Wrote');
    expect(kept.stdout).toContain('kept@example.com');
    expect(await readFile(spec, 'utf8')).toBe('regions: [us-east-1]\nalertEmails: [kept@example.com]\n');
  });

  it('on a terminal: asks again after a bad email, applies on yes, re-checks root on Enter until q', async () => {
    await env.emulate(readScenario('empty-account'), ROOT_SESSION);
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    let out = '';
    let all = '';
    const sink = () => new Writable({ write: (chunk: Buffer, _enc, cb) => ((out += chunk.toString()), (all += chunk.toString()), cb()) });
    const pending = main(['node', 'rampart', 'init', '--spec', spec, '--state-dir', stateDir, '--quiet'], { stdin, stdout: sink(), stderr: sink(), env: {} });
    const answer = async (prompt: string, keys: string) => {
      await vi.waitFor(() => expect(out).toContain(prompt), { timeout: 20_000 });
      out = out.slice(out.indexOf(prompt) + prompt.length);
      stdin.write(keys);
    };
    await answer('Alert email(s)', 'nope\r');
    await answer('"nope" is not an email address', '\x7f\x7f\x7f\x7fops@example.com\r');
    await answer('Monthly budget amount', '\r');
    await answer('Name of your daily admin user', 'carol\r');
    await answer('Regions', 'us-east-1\r');
    await answer('Apply 4 changes to account 456789012345?', 'y\r');
    await answer('Press Enter when done, or q to stop', '\r');
    await answer('Not yet: Root user has MFA', '');
    await answer('Press Enter when done, or q to stop', 'q\r');
    const code = await pending;
    expect(out).toMatch(/Audit score: before \d+\/100/);
    expect(code).toBe(0);
    const written = await readFile(spec, 'utf8');
    expect(written).toContain('alertEmails:\n  - ops@example.com\n');
    expect(written).toContain('amount: 20');
    expect(written).toContain('users:\n    - carol');
    const password = (await readFile(join(stateDir, 'secrets', 'carol-console-password'), 'utf8')).trim();
    expect(password.length).toBeGreaterThanOrEqual(14);
    expect(all).not.toContain(password);
  });

  it('without answers or an existing spec, exit 2 before any AWS call', async () => {
    const emu = await env.emulate(readScenario('empty-account'), ROOT_SESSION);
    const run = await runCli(['init', '--yes', '--spec', spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rampart: rampart init needs answers/);
    expect(emu.calls()).toEqual({});
  });
});
