// `rampart creds audit`: every finding, present and absent, offline and --online against the emulator.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../aws-emulator/index.js';
import { credsScenario, DEV_KEY, DEV_MFA, DEV_SECRET, devCredentials, makeHome, OPS_KEY1, OPS_SECRET1, ROOT_KEY, ROOT_SECRET, type Home } from '../creds/fixture.js';
import { expectNoSecrets } from '../creds/no-secrets.js';
import { runCli } from './io.js';

interface Finding {
  id: string;
  severity: string;
  profile?: string;
  message: string;
  fix: string;
}

async function audit(home: Home, args: string[] = [], env: Record<string, string> = {}) {
  const run = await runCli(['creds', 'audit', '--format', 'json', '--fail-on', 'none', ...args], home.env(env));
  expect(run.stderr).toBe('');
  expectNoSecrets(home, run.stdout, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: Finding[]; profiles: string[] };
  return { ...report, ids: report.findings.map((f) => `${f.id}:${f.profile ?? ''}`) };
}

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('creds audit offline', () => {
  it('a tidy home (an SSO profile, 0600 files in a 0700 directory) has no findings and exits 0', async () => {
    const home = makeHome({ config: '[profile work]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n' });
    const report = await audit(home);
    expect(report.profiles).toEqual(['work']);
    expect(report.findings).toEqual([]);
    const text = await runCli(['creds', 'audit'], home.env());
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no findings');
  });

  it('creds-file-mode and creds-dir-mode: looser than 0600 / 0700, with the chmod that fixes it', async () => {
    const home = makeHome({ credentials: devCredentials });
    chmodSync(home.credentials, 0o644);
    chmodSync(home.aws, 0o755);
    const report = await audit(home);
    expect(report.findings.find((f) => f.id === 'creds-file-mode')).toMatchObject({ severity: 'high', fix: `chmod 600 ${home.credentials}` });
    expect(report.findings.find((f) => f.id === 'creds-dir-mode')).toMatchObject({ fix: `chmod 700 ${home.aws}` });
    expect(report.findings.filter((f) => f.id === 'creds-file-mode')).toHaveLength(1);
    chmodSync(home.credentials, 0o600);
    chmodSync(home.aws, 0o700);
    expect((await audit(home)).ids.filter((id) => id.startsWith('creds-file-mode') || id.startsWith('creds-dir-mode'))).toEqual([]);
  });

  it('exits 1 when a finding is at or above --fail-on (high by default)', async () => {
    const home = makeHome({ credentials: devCredentials });
    chmodSync(home.credentials, 0o640);
    expect((await runCli(['creds', 'audit'], home.env())).code).toBe(1);
    expect((await runCli(['creds', 'audit', '--fail-on', 'critical'], home.env())).code).toBe(0);
    chmodSync(home.credentials, 0o600);
    // A long-lived key is medium: under the default threshold.
    expect((await runCli(['creds', 'audit'], home.env())).code).toBe(0);
    expect((await runCli(['creds', 'audit', '--fail-on', 'medium'], home.env())).code).toBe(1);
  });

  it('creds-long-lived-key: a key in a plain file, masked; none for a session-only or SSO profile', async () => {
    const home = makeHome({ credentials: `${devCredentials}\n[temp]\naws_access_key_id = ASIATEMPTEMPTEMP0001\naws_secret_access_key = ${OPS_SECRET1}\naws_session_token = tok\n` });
    const report = await audit(home);
    const f = report.findings.filter((x) => x.id === 'creds-long-lived-key');
    expect(f.map((x) => x.profile)).toEqual(['dev']);
    expect(f[0]!.message).toContain('AKIA…0001');
    expect(f[0]!.message).not.toContain(DEV_KEY);
  });

  it('creds-prod-without-mfa: by the words of the profile or role name, not by substrings; mfa_serial or SSO clears it', async () => {
    const home = makeHome({
      credentials: `[prod-admin]\naws_access_key_id = ${DEV_KEY}\naws_secret_access_key = ${DEV_SECRET}\n`,
      config: [
        '[profile live_deploy]\nrole_arn = arn:aws:iam::123456789012:role/Deployer\nsource_profile = prod-admin',
        '[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/production-admin\nsource_profile = prod-admin',
        '[profile reproduce]\nrole_arn = arn:aws:iam::123456789012:role/Tester\nsource_profile = prod-admin',
        `[profile prod-safe]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = prod-admin\nmfa_serial = ${DEV_MFA}`,
        '[profile prod-sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin',
      ].join('\n\n'),
    });
    const ids = (await audit(home)).ids.filter((id) => id.startsWith('creds-prod-without-mfa'));
    expect(ids.sort()).toEqual(['creds-prod-without-mfa:live_deploy', 'creds-prod-without-mfa:ops', 'creds-prod-without-mfa:prod-admin']);
  });

  it('creds-duplicate-key: the same key in two profiles, named once', async () => {
    const home = makeHome({ credentials: `${devCredentials}\n[dev-copy]\naws_access_key_id = ${DEV_KEY}\naws_secret_access_key = ${DEV_SECRET}\n\n[ops]\naws_access_key_id = ${OPS_KEY1}\naws_secret_access_key = ${OPS_SECRET1}\n` });
    const dup = (await audit(home)).findings.filter((f) => f.id === 'creds-duplicate-key');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain('"dev", "dev-copy"');
    expect((await audit(makeHome({ credentials: devCredentials }))).ids.some((id) => id.startsWith('creds-duplicate-key'))).toBe(false);
  });

  it('creds-env-shadow: keys in the environment shadow AWS_PROFILE; none without them', async () => {
    const home = makeHome({ credentials: devCredentials });
    const report = await audit(home, [], { AWS_ACCESS_KEY_ID: OPS_KEY1, AWS_SECRET_ACCESS_KEY: OPS_SECRET1, AWS_PROFILE: 'dev' });
    const f = report.findings.find((x) => x.id === 'creds-env-shadow');
    expect(f).toMatchObject({ profile: 'dev' });
    expect(f!.message).toContain('AKIA…0001');
    expect((await audit(home, [], { AWS_PROFILE: 'dev' })).ids.some((id) => id.startsWith('creds-env-shadow'))).toBe(false);
  });

  it('creds-process-writable: a world-writable program, or one in a world-writable directory without the sticky bit', async () => {
    const home = makeHome({});
    const bin = join(home.dir, 'bin');
    mkdirSync(bin, { mode: 0o755 });
    chmodSync(bin, 0o755);
    const script = join(bin, 'get-creds');
    writeFileSync(script, '#!/bin/sh\necho {}\n', { mode: 0o755 });
    chmodSync(script, 0o755);
    writeFileSync(home.config, `[profile proc]\ncredential_process = ${script} --profile x\n\n[profile onpath]\ncredential_process = get-creds\n`);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    expect((await audit(home, [], env)).ids.filter((id) => id.startsWith('creds-process-writable'))).toEqual([]);
    chmodSync(script, 0o757);
    expect((await audit(home, [], env)).ids.filter((id) => id.startsWith('creds-process-writable'))).toEqual(['creds-process-writable:proc', 'creds-process-writable:onpath']);
    chmodSync(script, 0o755);
    chmodSync(bin, 0o777);
    const inDir = (await audit(home, [], env)).findings.filter((f) => f.id === 'creds-process-writable');
    expect(inDir).toHaveLength(2);
    expect(inDir[0]!.fix).toContain(`chmod o-w ${bin}`);
    chmodSync(bin, 0o1777);
    expect((await audit(home, [], env)).ids.filter((id) => id.startsWith('creds-process-writable'))).toEqual([]);
  });

  it('a malformed credentials file: one line naming file and line, exit 2, the file untouched, no secret', async () => {
    const broken = `[dev]\naws_access_key_id = ${DEV_KEY}\naws_secret_access_key ${DEV_SECRET}\n`;
    const home = makeHome({ credentials: broken });
    const before = readFileSync(home.credentials);
    for (const args of [['creds', 'audit'], ['creds', 'mfa', '--profile', 'dev', '--code', '123456'], ['creds', 'rotate', '--profile', 'dev', '--yes']]) {
      const run = await runCli(args, home.env());
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`rampart: ${home.credentials}:3: expected "key = value", a [section] header or a comment\n`);
      expect(run.stdout).toBe('');
      expectNoSecrets(undefined, run.stderr);
      expect(readFileSync(home.credentials).equals(before)).toBe(true);
    }
  });

  it('a malformed config file is named too, with its line', async () => {
    const home = makeHome({ credentials: devCredentials, config: '[profile dev]\nregion = us-east-1\n[profile broken\n' });
    const run = await runCli(['creds', 'audit'], home.env());
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: `rampart: ${home.config}:3: malformed section header: expected [name]\n` });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', async () => {
    const home = makeHome({});
    const other = join(home.dir, 'elsewhere');
    mkdirSync(other, { mode: 0o700 });
    writeFileSync(join(other, 'creds'), devCredentials, { mode: 0o600 });
    writeFileSync(join(other, 'conf'), '[profile x]\nregion = eu-west-1\n', { mode: 0o600 });
    const report = await audit(home, [], { AWS_SHARED_CREDENTIALS_FILE: join(other, 'creds'), AWS_CONFIG_FILE: join(other, 'conf') });
    expect(report.profiles.sort()).toEqual(['default', 'dev', 'x']);
  });
});

describe('creds audit --online', () => {
  it('root keys, key age and last use from AWS; nothing for a young, used key', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: new Date() });
    const home = makeHome(
      {
        credentials: `${devCredentials}\n[root]\naws_access_key_id = ${ROOT_KEY}\naws_secret_access_key = ${ROOT_SECRET}\n\n[ops]\naws_access_key_id = ${OPS_KEY1}\naws_secret_access_key = ${OPS_SECRET1}\n`,
      },
      emu.endpoint,
    );
    const report = await audit(home, ['--online']);
    expect(report.ids.filter((id) => /root-key|key-age|key-unused|online/.test(id)).sort()).toEqual([
      'creds-key-age:dev', // created 200 days ago
      'creds-key-age:root', // 400 days
      'creds-key-unused:ops', // never used
      'creds-key-unused:root',
      'creds-root-key:root',
    ]);
    expect(report.findings.find((f) => f.id === 'creds-key-age' && f.profile === 'dev')!.message).toContain('200 days old');
    expect((await audit(home, ['--online', '--max-key-age', '365d'])).ids.filter((id) => id.startsWith('creds-key-age'))).toEqual(['creds-key-age:root']);
    // Offline: no AWS call at all.
    emu.resetCalls();
    await audit(home);
    expect(emu.calls()).toEqual({});
  });

  it('a call AWS refuses is creds-online-unknown, never a pass', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: new Date(), faults: [{ operation: 'iam:GetAccessKeyLastUsed', kind: 'AccessDenied' }] });
    const home = makeHome({ credentials: devCredentials }, emu.endpoint);
    const report = await audit(home, ['--online']);
    expect(report.findings.find((f) => f.id === 'creds-online-unknown')).toMatchObject({ profile: 'dev', severity: 'info' });
    expect(report.findings.find((f) => f.id === 'creds-online-unknown')!.message).toContain('GetAccessKeyLastUsed');
  });
});
