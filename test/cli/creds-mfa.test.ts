// `rampart creds mfa` and `rampart creds process` against the emulator: sessions written, reused while valid,
// refused without a code, and credential_process output the real SDK consumes.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromIni, fromProcess } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startEmulator, type Emulator } from '../aws-emulator/index.js';
import { ACCOUNT, CODE, credsScenario, DEV_MFA, devCredentials, makeHome, PROD_ROLE, type Home } from '../creds/fixture.js';
import { expectNoSecrets } from '../creds/no-secrets.js';
import { runCli } from './io.js';

const BIN = join(import.meta.dirname, '../../bin/rampart.js');
const HOUR = 3_600_000;

let emu: Emulator;
afterEach(() => emu?.close());

const start = async (now = new Date()) => {
  emu = await startEmulator({ scenario: credsScenario(), now });
  return emu;
};
const devHome = () => makeHome({ credentials: devCredentials, config: `[profile dev]\nmfa_serial = ${DEV_MFA}\nregion = us-east-1\n` }, emu.endpoint);

async function run(home: Home, args: string[]) {
  const r = await runCli(args, home.env());
  expectNoSecrets(home, r.stdout, r.stderr);
  return r;
}

const whoAmI = async (credentials: STSClientConfig['credentials']) =>
  (await new STSClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}))).Arn;

describe('creds mfa', () => {
  it('writes PROFILE-mfa with a session and its expiry, keeps the rest of the file, then reuses it without STS', async () => {
    await start();
    const home = devHome();
    const first = await run(home, ['creds', 'mfa', '--profile', 'dev', '--code', CODE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^new MFA session in profile "dev-mfa", valid until \d{4}-/);
    const text = home.read();
    expect(text.startsWith(devCredentials)).toBe(true);
    expect(text).toMatch(/\[dev-mfa\]\naws_access_key_id = ASIA\w+\naws_secret_access_key = \S+\naws_session_token = \S+\nx_security_token_expires = \S+\nregion = us-east-1\n$/);
    expect(statSync(home.credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${home.credentials}.rampart-bak`, 'utf8')).toBe(devCredentials);
    expect(statSync(`${home.credentials}.rampart-bak`).mode & 0o777).toBe(0o600);
    const arn = await whoAmI(fromIni({ profile: 'dev-mfa', filepath: home.credentials, configFilepath: home.config, ignoreCache: true }));
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);

    const second = await run(home, ['creds', 'mfa', '--profile', 'dev']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^reusing MFA session in profile "dev-mfa"/);
    expect(emu.calls()['sts:GetSessionToken']).toBe(1);
  });

  it('asks STS again once the session has expired (the emulator clock 12 hours back)', async () => {
    await start(new Date(Date.now() - 12 * HOUR + 60_000));
    const home = devHome();
    expect((await run(home, ['creds', 'mfa', '--profile', 'dev', '--code', CODE])).code).toBe(0);
    const again = await run(home, ['creds', 'mfa', '--profile', 'dev', '--code', CODE, '--as', 'dev-mfa']);
    expect(again.stdout).toMatch(/^new MFA session/);
    expect(emu.calls()['sts:GetSessionToken']).toBe(2);
    expect(home.read().match(/\[dev-mfa\]/g)).toHaveLength(1);
  });

  it('refuses without a code when not on a terminal, and a wrong code, writing nothing (exit 2)', async () => {
    await start();
    const home = devHome();
    const none = await run(home, ['creds', 'mfa', '--profile', 'dev']);
    expect(none).toMatchObject({ code: 2, stderr: 'rampart: no --code given and no terminal to ask for it on: pass --code 123456\n' });
    const wrong = await run(home, ['creds', 'mfa', '--profile', 'dev', '--code', '654321']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^rampart: STS refused the MFA code for arn:aws:iam::123456789012:mfa\/dev \(GetSessionToken\): AccessDenied: MultiFactorAuthentication failed/);
    const malformed = await run(home, ['creds', 'mfa', '--profile', 'dev', '--code', '12ab']);
    expect(malformed).toMatchObject({ code: 2, stderr: 'rampart: the MFA code must be the 6 digits your device shows\n' });
    expect(home.read()).toBe(devCredentials);
    const noSerial = await run(makeHome({ credentials: devCredentials }, emu.endpoint), ['creds', 'mfa', '--profile', 'dev', '--code', CODE]);
    expect(noSerial.code).toBe(2);
    expect(noSerial.stderr).toContain('has no mfa_serial');
    const typo = await run(home, ['creds', 'mfa', '--profile', 'deb', '--code', CODE]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^rampart: no profile 'deb' in .*config or .*credentials \(did you mean 'dev'\?\); profiles there: .*dev/);
    expect(emu.calls()['sts:GetSessionToken']).toBe(1);
  });

  it('a role_arn + mfa_serial profile: AssumeRole through source_profile, the session signs as the role', async () => {
    await start();
    const home = makeHome({ credentials: devCredentials, config: `[profile prod]\nrole_arn = ${PROD_ROLE}\nsource_profile = dev\nmfa_serial = ${DEV_MFA}\nrole_session_name = me\n` }, emu.endpoint);
    const r = await run(home, ['creds', 'mfa', '--profile', 'prod', '--code', CODE, '--duration', '1h']);
    expect(r.code).toBe(0);
    const arn = await whoAmI(fromIni({ profile: 'prod-mfa', filepath: home.credentials, configFilepath: home.config, ignoreCache: true }));
    expect(arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ProdAdmin/me`);
    expect(emu.calls()['sts:AssumeRole']).toBe(1);
  });
});

describe('creds mfa on a terminal', () => {
  it('asks for the code without echoing it, then writes the session', async () => {
    // A code that cannot be mistaken for part of the account id in the device's ARN.
    emu = await startEmulator({ scenario: credsScenario({ sts: { mfaCode: '975318' } }), now: new Date() });
    const home = devHome();
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    let err = '';
    let out = '';
    const pending = main(['node', 'rampart', 'creds', 'mfa', '--profile', 'dev'], {
      stdin,
      stdout: new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) }),
      stderr: new Writable({ write: (c: Buffer, _e, cb) => ((err += c.toString()), cb()) }),
      env: home.env(),
    });
    await vi.waitFor(() => expect(err).toContain(`MFA code for ${DEV_MFA}`), { timeout: 20_000 });
    stdin.write('975318\r');
    expect(await pending).toBe(0);
    expect(err).not.toContain('975318');
    expect(out).toMatch(/^new MFA session in profile "dev-mfa"/);
    expectNoSecrets(home, out, err);
  });
});

describe('credential_process mode', () => {
  it('--install-process writes the profile; the SDK runs rampart, which serves the cached session (0600 under ~/.aws/rampart)', async () => {
    await start();
    const home = devHome();
    // The SDK runs the command with the test's own environment: give rampart this HOME and the emulator.
    const command = `/usr/bin/env HOME=${home.dir} AWS_ENDPOINT_URL=${emu.endpoint} AWS_REGION=us-east-1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true ${process.execPath} ${BIN} creds process --profile`;
    const install = await run(home, ['creds', 'mfa', '--install-process', 'dev', '--process-command', command]);
    expect(install.code).toBe(0);
    expect(home.read('config')).toContain(`[profile dev-mfa]\ncredential_process = ${command} dev\nregion = us-east-1\n`);

    const before = await run(home, ['creds', 'process', '--profile', 'dev']);
    expect(before).toMatchObject({ code: 2, stdout: '' });
    expect(before.stderr).toContain('run "rampart creds mfa --profile dev" in a terminal');

    const mfa = await run(home, ['creds', 'mfa', '--profile', 'dev', '--code', CODE]);
    expect(mfa.stdout).toMatch(/^new MFA session in the credential_process cache of profile "dev-mfa"/);
    // The session is not in the credentials file: only in the cache.
    expect(home.read()).toBe(devCredentials);
    const cache = join(home.aws, 'rampart', 'cache', 'dev.json');
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.aws, 'rampart')).mode & 0o777).toBe(0o700);

    const viaIni = fromIni({ profile: 'dev-mfa', filepath: home.credentials, configFilepath: home.config, ignoreCache: true });
    const creds = await viaIni();
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    expect(creds.sessionToken).toBeTruthy();
    expect(creds.expiration!.getTime()).toBeGreaterThan(Date.now());
    expect(await whoAmI(creds)).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);
    const viaProcess = await fromProcess({ profile: 'dev-mfa', filepath: home.credentials, configFilepath: home.config, ignoreCache: true })();
    expect(viaProcess.accessKeyId).toBe(creds.accessKeyId);
    expect(emu.calls()['sts:GetSessionToken']).toBe(1);
  });

  it('creds process --code gets a session when none is cached and prints the Version 1 JSON', async () => {
    await start();
    const home = devHome();
    const r = await runCli(['creds', 'process', '--profile', 'dev', '--code', CODE], home.env());
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(out.Version).toBe(1);
    expect(new Date(out.Expiration as string).toISOString()).toBe(out.Expiration);
    expect(r.stderr).toBe('');
  });
});
