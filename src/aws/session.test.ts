// The session against the emulator: endpoints from the environment as the SDK reads them, the S3 Control
// endpoint fix, the call counter, timeouts, profiles, and failing fast without credentials.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import type { Fault } from '../../test/aws-emulator/index.js';
import { CLEAN_CI_KEY, LEAKY_ADMIN_KEY, scenarioPath } from '../../test/aws-emulator/test-helpers.js';
import type { CallEvent } from './call-counter.js';
import { classifyAwsError, describeAwsError, NoCredentialsError } from './errors.js';
import { InputError } from '../util/errors.js';
import { createSession, type Session, type SessionOptions } from './session.js';

/** Nothing listens here: a request to it fails at once. */
const DEAD_ENDPOINT = 'http://127.0.0.1:9';

// No AWS_REGION: the tests see where the session takes its region from. Each test sets the endpoint and the keys.
const env = useEmulatedEnvironment({ region: null });
const { useKeys } = env;
const emulate = (scenario: string, options: { faults?: Fault[]; latencyMs?: number } = {}) => env.start(scenarioPath(scenario), options);

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

function session(options: SessionOptions = {}): Session {
  const s = createSession(options);
  sessions.push(s);
  return s;
}

describe('endpoints from the environment', () => {
  it('sends every client to AWS_ENDPOINT_URL', async () => {
    const emu = await emulate('leaky-account');
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    useKeys(LEAKY_ADMIN_KEY);
    const s = session({ region: 'eu-west-1' });
    const who = await s.client(STSClient).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/dev-admin');
    await s.client(IAMClient).send(new GetAccountSummaryCommand({}));
    expect(emu.calls()).toEqual({ 'iam:GetAccountSummary': 1, 'sts:GetCallerIdentity': 1 });
  });

  it('lets AWS_ENDPOINT_URL_IAM win over AWS_ENDPOINT_URL for IAM only', async () => {
    const emu = await emulate('leaky-account');
    vi.stubEnv('AWS_ENDPOINT_URL', DEAD_ENDPOINT);
    vi.stubEnv('AWS_ENDPOINT_URL_IAM', emu.endpoint);
    useKeys(LEAKY_ADMIN_KEY);
    const s = session({ maxAttempts: 1 });
    const { SummaryMap } = await s.client(IAMClient).send(new GetAccountSummaryCommand({}));
    expect(SummaryMap?.AccountAccessKeysPresent).toBe(1);
    const err = await s.client(STSClient).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(classifyAwsError(err)).toBe('network');
    expect(emu.calls()).toEqual({ 'iam:GetAccountSummary': 1 });
  });

  it.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3_CONTROL'])('reaches S3 Control at %s without the account-id host prefix', async (variable) => {
    const emu = await emulate('clean-account');
    vi.stubEnv(variable, emu.endpoint);
    useKeys(CLEAN_CI_KEY);
    const s = session();
    const out = await s.client(S3ControlClient).send(new GetPublicAccessBlockCommand({ AccountId: '210987654321' }));
    expect(out.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(emu.calls()).toEqual({ 's3control:GetPublicAccessBlock': 1 });
    expect(s.calls()).toEqual({ 's3control:GetPublicAccessBlock': 1 });
  });
});

describe('clients', () => {
  it('are built once per class and region, in the session region unless told otherwise', async () => {
    vi.stubEnv('AWS_DEFAULT_REGION', 'eu-north-1');
    useKeys(LEAKY_ADMIN_KEY);
    const s = session();
    expect(s.region).toBe('eu-north-1');
    expect(s.client(IAMClient)).toBe(s.client(IAMClient));
    expect(s.client(IAMClient, { region: 'us-west-2' })).not.toBe(s.client(IAMClient));
    expect(await s.client(STSClient).config.region()).toBe('eu-north-1');
    expect(await s.client(STSClient, { region: 'ap-south-1' }).config.region()).toBe('ap-south-1');
  });

  it('count calls per service:Operation, once per call however many attempts', async () => {
    const emu = await emulate('leaky-account', { faults: [{ operation: 'iam:GetAccountSummary', kind: 'Throttling', rate: 0.5 }] });
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    useKeys(LEAKY_ADMIN_KEY);
    const events: CallEvent[] = [];
    const s = session({ maxAttempts: 12, onCall: (e) => events.push(e) });
    const iam = s.client(IAMClient);
    for (let i = 0; i < 4; i++) await iam.send(new GetAccountSummaryCommand({}));
    await s.client(STSClient).send(new GetCallerIdentityCommand({}));

    expect(s.calls()).toEqual({ 'iam:GetAccountSummary': 4, 'sts:GetCallerIdentity': 1 });
    const attempts = events.filter((e) => e.operation === 'GetAccountSummary').reduce((sum, e) => sum + (e.attempts ?? 1), 0);
    expect(attempts).toBe(emu.calls()['iam:GetAccountSummary']);
    expect(attempts).toBeGreaterThan(4);
    expect(events.every((e) => e.error === undefined && e.region === 'us-east-1')).toBe(true);
  }, 60_000);

  it('report a failed call to onCall with its code', async () => {
    const emu = await emulate('leaky-account', { faults: [{ operation: 'iam:*', kind: 'AccessDenied' }] });
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    useKeys(LEAKY_ADMIN_KEY);
    const events: CallEvent[] = [];
    const s = session({ onCall: (e) => events.push(e) });
    await expect(s.client(IAMClient).send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(events).toEqual([expect.objectContaining({ service: 'iam', operation: 'GetAccountSummary', error: expect.objectContaining({ code: 'AccessDenied' }) })]);
  });

  it('give up on a silent endpoint after the request timeout', async () => {
    const emu = await emulate('leaky-account', { latencyMs: 2_000 });
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    useKeys(LEAKY_ADMIN_KEY);
    const s = session({ requestTimeoutMs: 100, maxAttempts: 1 });
    const err = await s.client(IAMClient).send(new GetAccountSummaryCommand({})).catch((e: unknown) => e);
    expect(classifyAwsError(err)).toBe('network');
    expect(describeAwsError(err).code).toBe('TimeoutError');
  });
});

describe('credentials', () => {
  it('come from a profile in the shared files, with its region', async () => {
    const emu = await emulate('leaky-account');
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    writeFileSync(join(env.awsDir, 'credentials'), `[emu]\naws_access_key_id = ${LEAKY_ADMIN_KEY}\naws_secret_access_key = test-secret-not-a-canary\n`);
    writeFileSync(join(env.awsDir, 'config'), '[profile emu]\nregion = eu-west-3\n');
    const s = session({ profile: 'emu' });
    expect(s.profile).toBe('emu');
    expect(s.region).toBe('eu-west-3');
    await s.getCredentialsOrFail();
    const who = await s.client(STSClient).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/dev-admin');
  });

  it('given to the session are fetched once for all its clients and regions, and again only near their expiry', async () => {
    const emu = await emulate('leaky-account');
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    let fetched = 0;
    let expiration = new Date(Date.now() + 3600_000);
    const credentials = async () => {
      fetched++;
      return { accessKeyId: LEAKY_ADMIN_KEY, secretAccessKey: 'test-secret-not-a-canary', expiration };
    };
    const s = session({ region: 'us-east-1', credentials });
    await s.getCredentialsOrFail();
    await Promise.all([
      s.client(STSClient).send(new GetCallerIdentityCommand({})),
      s.client(IAMClient).send(new GetAccountSummaryCommand({})),
      s.client(STSClient, { region: 'eu-west-1' }).send(new GetCallerIdentityCommand({})),
    ]);
    expect(fetched).toBe(1);
    expiration = new Date(Date.now() + 60_000);
    await s.credentials({ forceRefresh: true });
    await s.client(STSClient, { region: 'ap-south-1' }).send(new GetCallerIdentityCommand({}));
    await s.client(STSClient, { region: 'ap-south-1' }).send(new GetCallerIdentityCommand({}));
    // Credentials that expire within five minutes are fetched anew for each use, as the SDK would.
    expect(fetched).toBeGreaterThanOrEqual(4);
  });

  it('missing everywhere give NoCredentialsError (exit 3, one line) without waiting on instance metadata', async () => {
    const s = session();
    const started = Date.now();
    const err = await s.getCredentialsOrFail().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err).toBeInstanceOf(NoCredentialsError);
    expect(err).toMatchObject({ exitCode: 3 });
    expect((err as Error).message).toMatch(/^no AWS credentials found: .*AWS_ACCESS_KEY_ID/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('from a profile ~/.aws does not have: exit 2 naming the profiles there are and the likely one', async () => {
    writeFileSync(join(env.awsDir, 'config'), '[default]\nregion = eu-west-1\n[profile prod-admin]\nregion = eu-west-3\n[sso-session corp]\nsso_region = eu-west-1\n');
    writeFileSync(join(env.awsDir, 'credentials'), '[ci]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = x\n');
    const typo = await session({ profile: 'prod-admn' }).getCredentialsOrFail().catch((e: unknown) => e);
    expect(typo).toBeInstanceOf(InputError);
    expect((typo as Error).message).toBe(`no profile 'prod-admn' in ${join(env.awsDir, 'config')} or ${join(env.awsDir, 'credentials')} (did you mean 'prod-admin'?); profiles there: default, prod-admin, ci`);
    vi.stubEnv('AWS_PROFILE', 'nosuch');
    const fromEnv = await session().getCredentialsOrFail().catch((e: unknown) => e);
    expect((fromEnv as Error).message).toMatch(/^no profile 'nosuch' in .*; profiles there: default, prod-admin, ci$/);
  });

  it('from a profile that exists without credentials give NoCredentialsError naming it', async () => {
    writeFileSync(join(env.awsDir, 'config'), '[profile bare]\nregion = eu-west-3\n');
    const err = await session({ profile: 'bare' }).getCredentialsOrFail().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoCredentialsError);
    expect((err as Error).message).toMatch(/^no AWS credentials found for profile 'bare'/);
  });
});
