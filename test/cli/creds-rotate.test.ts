// `rampart creds rotate` against the emulator: the happy path, a failure injected at each step, a kill between
// steps, two rotations at once. Whatever happens, the profile ends with a working key and no second active key
// is left behind without a word.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startEmulator, type Emulator, type Fault, type Scenario } from '../aws-emulator/index.js';
import { ACCOUNT, credsScenario, DEV_KEY, devCredentials, makeHome, OPS_KEY1, OPS_SECRET1, type Home } from '../creds/fixture.js';
import { expectNoSecrets } from '../creds/no-secrets.js';
import { runCli } from './io.js';

const BIN = join(import.meta.dirname, '../../bin/rampart.js');
const FAST = ['--yes', '--verify-delay', '0'];

const emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function setup(scenario: Partial<Scenario> = {}, faults: Fault[] = [], latencyMs = 0) {
  const emu = await startEmulator({ scenario: credsScenario(scenario), now: new Date(), faults, latencyMs });
  emulators.push(emu);
  return { emu, home: makeHome({ credentials: devCredentials }, emu.endpoint) };
}

async function rotate(home: Home, args: string[] = []) {
  const r = await runCli(['creds', 'rotate', '--profile', 'dev', ...FAST, ...args], home.env());
  expectNoSecrets(home, r.stdout, r.stderr);
  return r;
}

/** The key in [dev], the keys IAM has for dev, and whether [dev] works with the real SDK credential chain. */
async function state(emu: Emulator, home: Home) {
  const provider = fromIni({ profile: 'dev', filepath: home.credentials, configFilepath: home.config, ignoreCache: true });
  const creds = await provider();
  const who = await new STSClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 })
    .send(new GetCallerIdentityCommand({}))
    .then((o) => o.Arn, () => 'refused');
  const keys = (await new IAMClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 }).send(new ListAccessKeysCommand({ UserName: 'dev' }))).AccessKeyMetadata ?? [];
  return {
    profileKey: creds.accessKeyId,
    works: who === `arn:aws:iam::${ACCOUNT}:user/dev`,
    active: keys.filter((k) => k.Status === 'Active').map((k) => k.AccessKeyId),
    inactive: keys.filter((k) => k.Status === 'Inactive').map((k) => k.AccessKeyId),
    staging: /rampart-(new|old)/.test(home.read()),
  };
}

/** The end every run must reach: [dev] works and is the only active key. */
async function expectSettled(emu: Emulator, home: Home) {
  const s = await state(emu, home);
  expect(s).toMatchObject({ works: true, active: [s.profileKey], staging: false });
  return s;
}

describe('creds rotate', () => {
  it('creates, switches, verifies, deactivates and deletes: the profile works with a new key, the file keeps the rest', async () => {
    const { emu, home } = await setup();
    const r = await rotate(home);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dev: created AKIA…\w{4}\n/);
    expect(r.stdout).toContain('dev: rotated AKIA…0001 -> AKIA…');
    expect(r.stdout).not.toContain(DEV_KEY);
    const s = await expectSettled(emu, home);
    expect(s.profileKey).not.toBe(DEV_KEY);
    expect(s.inactive).toEqual([]);
    expect(home.read()).toMatch(/^# my keys\n\[default\]\nregion = us-east-1\n\n\[dev\]\naws_access_key_id = AKIA\w+\naws_secret_access_key = \S+\n$/);
    expect(existsSync(`${home.credentials}.rampart-bak`)).toBe(true);
    expect(existsSync(join(home.aws, 'rampart', 'credentials.lock'))).toBe(false);
  });

  it('waits for a new key STS refuses at first (bounded retries)', async () => {
    const { emu, home } = await setup({ sts: { newKeyDelay: { calls: 3 } } });
    const r = await rotate(home, ['--verify-attempts', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(try 4)');
    await expectSettled(emu, home);
  });

  it('STS refusing the new key past the bound: rolled back to the old key, the new one deleted (exit 3)', async () => {
    const { emu, home } = await setup({ sts: { newKeyDelay: { calls: 100 } } });
    const r = await rotate(home, ['--verify-attempts', '3']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^rampart: STS did not accept the new key AKIA…\w{4} after 3 tries \(InvalidClientTokenId: .*\); rolled back: deleted the new key AKIA…\w{4}; profile "dev" still uses AKIA…0001\n$/);
    const s = await expectSettled(emu, home);
    expect(s.profileKey).toBe(DEV_KEY);
    expect(home.read()).toBe(devCredentials);
  });

  it('AccessDenied on CreateAccessKey: nothing changed (exit 3)', async () => {
    const { emu, home } = await setup({}, [{ operation: 'iam:CreateAccessKey', kind: 'AccessDenied' }]);
    const r = await rotate(home);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('(iam:CreateAccessKey): AccessDenied');
    expect(r.stderr).toContain('nothing was changed');
    expect((await expectSettled(emu, home)).profileKey).toBe(DEV_KEY);
    expect(home.read()).toBe(devCredentials);
  });

  it('AccessDenied on UpdateAccessKey (deactivate): the profile goes back to the old key, the new one is deleted', async () => {
    const { emu, home } = await setup({}, [{ operation: 'iam:UpdateAccessKey', kind: 'AccessDenied' }]);
    const r = await rotate(home);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not deactivate the old key AKIA…0001 \(iam:UpdateAccessKey\): AccessDenied: .*; rolled back: profile "dev" uses AKIA…0001 again; deleted the new key AKIA…\w{4}\n$/);
    expect((await expectSettled(emu, home)).profileKey).toBe(DEV_KEY);
  });

  it('AccessDenied on deactivate and on delete: says that two keys are active, and which', async () => {
    const { emu, home } = await setup({}, [
      { operation: 'iam:UpdateAccessKey', kind: 'AccessDenied' },
      { operation: 'iam:DeleteAccessKey', kind: 'AccessDenied' },
    ]);
    const r = await rotate(home);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could NOT delete the new key AKIA…\w{4} \(AccessDenied: .*\): two keys are active, delete that one in the IAM console\n$/);
    const s = await state(emu, home);
    expect(s).toMatchObject({ works: true, profileKey: DEV_KEY, staging: false });
    expect(s.active).toHaveLength(2);
  });

  it('AccessDenied on DeleteAccessKey: the new key works, the old one is inactive, and the next rotate deletes it', async () => {
    const { emu, home } = await setup({}, [{ operation: 'iam:DeleteAccessKey', kind: 'AccessDenied' }]);
    const r = await rotate(home);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/now uses AKIA…\w{4} and works; the old key AKIA…0001 is inactive but could not be deleted \(iam:DeleteAccessKey: AccessDenied/);
    const s = await expectSettled(emu, home);
    expect(s.inactive).toEqual([DEV_KEY]);
    emu.setFaults([]);
    const next = await rotate(home);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('dev: deleted AKIA…0001: the key rotated out earlier, its grace period is over');
    const after = await expectSettled(emu, home);
    expect(after.inactive).toEqual([]);
  });

  it('--grace keeps the old key inactive and recorded; a run after the grace deletes it', async () => {
    const { emu, home } = await setup();
    const r = await rotate(home, ['--grace', '1s']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kept AKIA…0001 inactive until \d{4}-.*: a later "rampart creds rotate" deletes it/);
    expect((await expectSettled(emu, home)).inactive).toEqual([DEV_KEY]);
    await sleep(1100);
    const next = await rotate(home);
    expect(next.stdout).toContain('deleted AKIA…0001');
    expect((await expectSettled(emu, home)).inactive).toEqual([]);
  });

  it('refuses when the user already has two keys, naming both and the choices (exit 2)', async () => {
    const { emu, home } = await setup();
    const opsHome = makeHome({ credentials: `[ops]\naws_access_key_id = ${OPS_KEY1}\naws_secret_access_key = ${OPS_SECRET1}\n` }, emu.endpoint);
    const r = await runCli(['creds', 'rotate', '--profile', 'ops', ...FAST], opsHome.env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already has two access keys, AKIA…0001 \(Active, created \d{4}-\d\d-\d\d\) and AKIA…0002 \(Inactive, created .*\), and IAM allows two: delete the one you no longer use .*nothing was changed\n$/);
    expect(emu.calls()['iam:CreateAccessKey']).toBeUndefined();
    expect(home.read()).toBe(devCredentials);
  });

  it('refuses without --yes off a terminal, and a profile without its own key', async () => {
    const { home } = await setup();
    expect((await runCli(['creds', 'rotate', '--profile', 'dev'], home.env())).code).toBe(2);
    const noKey = await runCli(['creds', 'rotate', '--profile', 'default', ...FAST], home.env());
    expect(noKey).toMatchObject({ code: 2 });
    expect(noKey.stderr).toContain('has no access key of its own');
  });

  it('on a terminal, asks first: no changes nothing (exit 1)', async () => {
    const { emu, home } = await setup();
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    let err = '';
    const sink = (add: (s: string) => void) => new Writable({ write: (c: Buffer, _e, cb) => (add(c.toString()), cb()) });
    const pending = main(['node', 'rampart', 'creds', 'rotate', '--profile', 'dev'], { stdin, stdout: sink(() => undefined), stderr: sink((x) => (err += x)), env: home.env() });
    await vi.waitFor(() => expect(err).toContain('Rotate the access key of "dev"?'), { timeout: 20_000 });
    stdin.write('n\r');
    expect(await pending).toBe(1);
    expect(err).toContain('rampart: rotation cancelled; nothing was changed');
    expect(home.read()).toBe(devCredentials);
    expect(emu.calls()).toEqual({});
  });

  it('--all-older-than rotates only profiles whose key is that old', async () => {
    const { emu } = await setup();
    const both = makeHome({ credentials: `${devCredentials}\n[ops]\naws_access_key_id = ${OPS_KEY1}\naws_secret_access_key = ${OPS_SECRET1}\n` }, emu.endpoint);
    const r = await runCli(['creds', 'rotate', '--all-older-than', '90d', ...FAST], both.env());
    expectNoSecrets(both, r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dev: rotated');
    expect(r.stdout).not.toContain('ops:');
  });

  it('--format json: one object on stdout, the steps on stderr', async () => {
    const { emu, home } = await setup();
    const r = await rotate(home, ['--format', 'json', '--grace', '1d']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; rotated: { profile: string; oldKey: string; newKey: string; oldKeyState: string; deleteAfter?: string }[]; failed?: unknown };
    const now = await expectSettled(emu, home);
    expect(doc).toMatchObject({ schemaVersion: 1, rotated: [{ profile: 'dev', oldKey: 'AKIA…0001', newKey: `AKIA…${now.profileKey!.slice(-4)}`, oldKeyState: 'inactive' }] });
    expect(Date.parse(doc.rotated[0]!.deleteAfter!) - Date.now()).toBeGreaterThan(86_000_000);
    expect(doc.failed).toBeUndefined();
    expect(r.stderr).toMatch(/^dev: created AKIA…\w{4}\n/m);

    // Nothing old enough: an empty list.
    const none = await runCli(['creds', 'rotate', '--all-older-than', '9999d', '--format', 'json', ...FAST], home.env());
    expect(JSON.parse(none.stdout)).toMatchObject({ rotated: [] });
  });

  it('--format json: a profile rotated before another fails is reported beside the failure', async () => {
    const { emu } = await setup();
    // Both keys are over 20 days old; ops's user already has two keys, so its rotation is refused (exit 2).
    const both = makeHome({ credentials: `${devCredentials}\n[ops]\naws_access_key_id = ${OPS_KEY1}\naws_secret_access_key = ${OPS_SECRET1}\n` }, emu.endpoint);
    const r = await runCli(['creds', 'rotate', '--all-older-than', '20d', '--format', 'json', ...FAST], both.env());
    expectNoSecrets(both, r.stdout, r.stderr);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { rotated: { profile: string }[]; failed: { profile: string; message: string } };
    expect(doc.rotated.map((x) => x.profile)).toEqual(['dev']);
    expect(doc.failed.profile).toBe('ops');
    expect(doc.failed.message).toContain('already has two access keys');
  });

  it('--format json after a failure: the object names it, and the run still fails as the text one does', async () => {
    const { home } = await setup({}, [{ operation: 'iam:CreateAccessKey', kind: 'AccessDenied' }]);
    const r = await rotate(home, ['--format', 'json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { rotated: unknown[]; failed: { profile: string; message: string } };
    expect(doc.rotated).toEqual([]);
    expect(doc.failed.profile).toBe('dev');
    expect(doc.failed.message).toContain('(iam:CreateAccessKey): AccessDenied');
    expect(r.stderr).toContain('nothing was changed');
  });

  it('two rotations at once: the second waits for the lock, or refuses when told not to wait; never interleaved', async () => {
    const { emu, home } = await setup({}, [], 50);
    const [a, b] = await Promise.all([rotate(home), rotate(home)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(emu.calls()['iam:CreateAccessKey']).toBe(2);
    await expectSettled(emu, home);
    const first = rotate(home);
    const lock = join(home.aws, 'rampart', 'credentials.lock');
    while (!existsSync(lock)) await sleep(2);
    const refused = await rotate(home, ['--lock-wait', '0']);
    expect((await first).code).toBe(0);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^rampart: another rampart \(pid \d+\) is changing .*credentials; try again when it has finished/);
    await expectSettled(emu, home);
  });
});

/** Runs the real bin and SIGKILLs it as soon as `when` says so (checked on each stdout chunk and every 5 ms). */
function killWhen(env: NodeJS.ProcessEnv, when: (stdout: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'creds', 'rotate', '--profile', 'dev', ...FAST], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const check = () => {
      if (when(out)) child.kill('SIGKILL');
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      check();
    });
    const timer = setInterval(check, 5);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(out);
    });
  });
}

describe('creds rotate in two processes at once', () => {
  const runBin = (home: Home, args: string[] = []) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'creds', 'rotate', '--profile', 'dev', ...FAST, ...args], { env: home.env(), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
    });

  it('started together, both rotate one after the other and the profile ends on one working key', { timeout: 120_000 }, async () => {
    const { emu, home } = await setup({}, [], 400);
    expect((await Promise.all([runBin(home), runBin(home)])).map((r) => r.code)).toEqual([0, 0]);
    // Interleaved, the second would have seen two keys and refused: IAM made exactly two keys, one after the other.
    expect(emu.calls()['iam:CreateAccessKey']).toBe(2);
    await expectSettled(emu, home);
  });

  it('a lock held by another live process is refused after --lock-wait; one left by a dead process is taken over', { timeout: 120_000 }, async () => {
    const live = await setup();
    const dead = await setup();
    const lockOf = (home: Home) => join(home.aws, 'rampart', 'credentials.lock');
    for (const { home } of [live, dead]) mkdirSync(join(home.aws, 'rampart'), { recursive: true, mode: 0o700 });
    // This test's own process is alive and is not the child.
    writeFileSync(lockOf(live.home), `${process.pid}\n`);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(lockOf(dead.home), `${gone.pid}\n`);
    const [refused, tookOver] = await Promise.all([runBin(live.home, ['--lock-wait', '1s']), runBin(dead.home)]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(`rampart: another rampart (pid ${process.pid}) is changing ${live.home.credentials}; try again when it has finished (lock: ${lockOf(live.home)})\n`);
    expect(live.emu.calls()).toEqual({});
    expect(tookOver.code).toBe(0);
    await expectSettled(dead.emu, dead.home);
    expect(existsSync(lockOf(dead.home))).toBe(false);
  });
});

describe('creds rotate killed between steps', () => {
  const KILL_POINTS: [string, (emu: Emulator) => (out: string) => boolean][] = [
    // CreateAccessKey in flight: the emulator has made the key (it answers after its latency), the secret never arrives.
    ['while CreateAccessKey is in flight', (emu) => () => (emu.calls()['iam:CreateAccessKey'] ?? 0) > 0],
    ['after the new key is staged', () => (out) => out.includes('staged it')],
    ['after STS accepts the new key', () => (out) => out.includes('STS accepts')],
    ['after the switch', () => (out) => out.includes('now uses')],
    ['after the old key is deactivated', () => (out) => out.includes('deactivated')],
    ['after the verification', () => (out) => out.includes('verified')],
  ];

  it('a second run always ends with the profile working on one active key', { timeout: 240_000 }, async () => {
    // Each kill point has its own account and HOME; the children run side by side to keep the test short.
    const outcomes = await Promise.all(
      KILL_POINTS.map(async ([name, trigger]) => {
        // Latency: the kill lands while the next call is in flight, not after it.
        const { emu, home } = await setup({}, [], 300);
        const killedOut = await killWhen(home.env(), trigger(emu));
        emu.setLatency(0);
        const rerun = await rotate(home);
        return { name, emu, home, killedOut, rerun };
      }),
    );
    for (const { name, emu, home, killedOut, rerun } of outcomes) {
      expectNoSecrets(home, killedOut);
      expect(rerun.code, `${name}: ${rerun.stderr}`).toBe(0);
      const s = await expectSettled(emu, home);
      expect(s.inactive, name).toEqual([]);
      expect(s.profileKey, name).not.toBe(DEV_KEY);
    }
    // The kill during CreateAccessKey left a key whose secret was lost: the rerun deleted it.
    expect(outcomes[0]!.rerun.stdout).toMatch(/deleted AKIA…\w{4}: made by an interrupted rotation, its secret was never saved/);
    // Killed with a staged key (its STS check in flight): the rerun verifies and switches to it.
    expect(outcomes[1]!.rerun.stdout).toMatch(/resuming an interrupted rotation: AKIA…\w{4} is staged/);
    // Killed after the switch, with the next IAM call in flight: the rerun finishes with the old key.
    for (const i of [3, 4, 5]) expect(outcomes[i]!.rerun.stdout, outcomes[i]!.name).toContain('resuming an interrupted rotation: profile "dev" already uses the new key');
  });
});
