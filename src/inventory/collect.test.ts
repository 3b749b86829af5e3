// collectSnapshot through the real SDK clients against the emulator, configured only by environment variables,
// as a user's LocalStack or moto would be.
import { describe, expect, it, vi } from 'vitest';
import { canaries, useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import type { Fault, Scenario } from '../../test/aws-emulator/index.js';
import { largeScenario } from '../../test/aws-emulator/scenarios/generate.js';
import { CLEAN_CI_KEY, DAY, LEAKY_ADMIN_KEY, NOW, readScenario, scenarioPath } from '../../test/aws-emulator/test-helpers.js';
import { AwsUnreachableError, NoCredentialsError } from '../aws/errors.js';
import { createSession, type SessionOptions } from '../aws/session.js';
import { collectSnapshot, type CollectOptions, type ProgressEvent } from './collect.js';
import { ROOT_ROW_USER, snapshotSchema, type AccountSnapshot } from './snapshot.js';

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const LEAKY = readScenario('leaky-account');
const CLEAN = readScenario('clean-account');
/** The identity part only (regions, cost and the regional fan-out have their own tests), polling the credential report without the production pauses. */
const FAST: CollectOptions = { scope: ['identity'], credentialReport: { delayMs: 1, maxDelayMs: 5 } };

function firstActiveKey(scenario: Scenario): string {
  const key = (scenario.users ?? []).flatMap((u) => u.accessKeys ?? []).find((k) => k.status !== 'Inactive' && k.active !== false);
  if (!key) throw new Error('scenario has no active key');
  return key.id;
}

// Nothing from the machine running the tests may leak in: no profile, no endpoint, no instance metadata.
const env = useEmulatedEnvironment();
const emulate = (scenario: Scenario | string, accessKeyId: string, faults: Fault[] = []) => env.emulate(scenario, accessKeyId, { faults });

async function collect(options: CollectOptions = {}, sessionOptions: SessionOptions = {}) {
  const session = createSession(sessionOptions);
  try {
    const snapshot = await collectSnapshot(session, { ...FAST, ...options });
    return { snapshot, calls: session.calls() };
  } finally {
    session.close();
  }
}

const withoutTime = ({ collectedAt: _collectedAt, ...rest }: AccountSnapshot) => rest;
const names = (list: { name: string }[] | undefined) => (list ?? []).map((x) => x.name).sort();
const totalCalls = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('collectSnapshot: the leaky account', () => {
  it('collects every identity section into a valid snapshot', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const { snapshot } = await collect();

    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({
      kind: 'rampart-snapshot',
      schemaVersion: 1,
      tool: { name: 'rampart' },
      account: { id: '123456789012', partition: 'aws', alias: 'my-side-project' },
      caller: { arn: 'arn:aws:iam::123456789012:user/dev-admin', account: '123456789012' },
      errors: [],
    });
    expect(Number.isNaN(Date.parse(snapshot.collectedAt))).toBe(false);

    const { iam } = snapshot;
    expect(names(iam.users)).toEqual(['deploy-bot', 'dev-admin']);
    expect(names(iam.groups)).toEqual(['developers']);
    expect(names(iam.roles)).toEqual(['ec2-s3-reader']);

    const devAdmin = iam.users!.find((u) => u.name === 'dev-admin')!;
    expect(devAdmin.groups).toEqual(['developers']);
    expect(devAdmin.attachedPolicies.map((p) => p.arn)).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(devAdmin.tags).toEqual({ owner: 'anurag' });
    expect(devAdmin.inlinePolicies[0]).toMatchObject({
      name: 'sessions-table',
      document: { Version: '2012-10-17', Statement: [{ Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/user-session-prod' }] },
    });

    const role = iam.roles![0]!;
    expect(role.lastUsedDate).toBe(daysAgo(5));
    expect(role.assumeRolePolicy).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });

    // The default version's document, not the older one.
    const custom = iam.policies!.find((p) => p.name === 'FullAccessJustInCase')!;
    expect(custom).toMatchObject({ awsManaged: false, attachmentCount: 1, document: { Statement: [{ Action: '*', Resource: '*' }] } });
    const admin = iam.policies!.find((p) => p.arn === 'arn:aws:iam::aws:policy/AdministratorAccess')!;
    expect(admin.awsManaged).toBe(true);

    const rows = iam.credentialReport!.rows;
    const root = rows.find((r) => r.user === ROOT_ROW_USER)!;
    expect(root).toMatchObject({ arn: 'arn:aws:iam::123456789012:root', passwordEnabled: null, mfaActive: false, passwordLastUsed: daysAgo(2) });
    expect(root.accessKeys[0]).toMatchObject({ active: true, lastUsedRegion: 'us-east-1', lastUsedService: 's3' });
    expect(rows.find((r) => r.user === 'dev-admin')).toMatchObject({ passwordEnabled: true, mfaActive: false, passwordLastUsed: daysAgo(1) });
    expect(rows.find((r) => r.user === 'deploy-bot')!.accessKeys[0]).toMatchObject({ active: true, lastUsedDate: null });

    expect(iam.summary).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 });
    expect(iam.passwordPolicy).toBeNull();
    expect(iam.virtualMfaDevices).toEqual([]);
    expect(iam.serverCertificates).toEqual([{ name: 'old-site-cert', arn: expect.stringContaining(':server-certificate/old-site-cert'), expiration: daysAgo(65) }]);
    expect(snapshot.alternateContacts).toEqual({ BILLING: null, SECURITY: null, OPERATIONS: null });
  });

  it('never puts a planted secret into the snapshot', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const json = JSON.stringify((await collect()).snapshot);
    expect(canaries(LEAKY).length).toBeGreaterThan(3);
    for (const secret of canaries(LEAKY)) expect(json).not.toContain(secret);
    expect(json).not.toContain('test-secret-not-a-canary');
  });

  it('reports progress: a start and an end for every step', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const events: ProgressEvent[] = [];
    await collect({ onProgress: (e) => events.push(e) });
    const steps = [...new Set(events.map((e) => e.step))];
    expect(steps).toEqual(expect.arrayContaining(['sts:caller', 'iam:authorization-details', 'iam:credential-report', 'account:alternate-contacts']));
    for (const step of steps) expect(events.filter((e) => e.step === step).map((e) => e.state)).toEqual(['start', 'done']);
  });
});

describe('collectSnapshot: the clean account', () => {
  it('collects the password policy, contacts and MFA devices', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const { snapshot } = await collect();
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.account).toEqual({ id: '210987654321', partition: 'aws', alias: 'clean-co' });
    expect(snapshot.iam.passwordPolicy).toMatchObject({ requireSymbols: true, allowUsersToChangePassword: true });
    expect(snapshot.iam.passwordPolicy!.minimumLength).toBeGreaterThanOrEqual(14);
    expect(snapshot.iam.virtualMfaDevices).toEqual([
      { serialNumber: 'arn:aws:iam::210987654321:mfa/admin', userArn: 'arn:aws:iam::210987654321:user/admin', enableDate: daysAgo(400) },
    ]);
    const contacts = snapshot.alternateContacts!;
    for (const type of ['BILLING', 'SECURITY', 'OPERATIONS'] as const) {
      expect(Object.keys(contacts[type]!).sort()).toEqual(['emailAddress', 'name', 'title']);
      expect(contacts[type]!.emailAddress).toContain('@');
    }
    expect(snapshot.iam.summary).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 });
    for (const secret of canaries(CLEAN)) expect(JSON.stringify(snapshot)).not.toContain(secret);
  });
});

describe('collectSnapshot: pagination and call counts', () => {
  it('gets every entity exactly once across many small pages', async () => {
    const scenario = largeScenario({ users: 37, roles: 9, policies: 13, groups: 4 });
    const emu = await emulate(scenario, firstActiveKey(scenario));
    const { snapshot } = await collect({ pageSize: 5 });
    expect(snapshot.errors).toEqual([]);
    expect(emu.calls()['iam:GetAccountAuthorizationDetails']).toBeGreaterThan(10);

    const unique = (list: { arn: string }[]) => new Set(list.map((x) => x.arn)).size;
    const { users, groups, roles, policies, credentialReport, virtualMfaDevices } = snapshot.iam;
    expect([users!.length, unique(users!)]).toEqual([37, 37]);
    expect([roles!.length, unique(roles!)]).toEqual([9, 9]);
    expect([groups!.length, unique(groups!)]).toEqual([4, 4]);
    expect(policies!.filter((p) => !p.awsManaged)).toHaveLength(13);
    expect(unique(policies!)).toBe(policies!.length);
    expect(credentialReport!.rows).toHaveLength(38);
    expect(new Set(virtualMfaDevices!.map((d) => d.serialNumber)).size).toBe(virtualMfaDevices!.length);

    const onePage = await collect({ pageSize: 1000 });
    expect(withoutTime(onePage.snapshot)).toEqual(withoutTime(snapshot));
  });

  it('makes at most 15 calls for the identity part, whatever the number of users', async () => {
    const counts: Record<number, number> = {};
    for (const users of [5, 500]) {
      const scenario = largeScenario({ users });
      const emu = await emulate(scenario, firstActiveKey(scenario));
      const { snapshot, calls } = await collect();
      expect(snapshot.errors).toEqual([]);
      expect(snapshot.iam.users).toHaveLength(users);
      expect(snapshot.iam.credentialReport!.rows).toHaveLength(users + 1);
      // The session's own counter agrees with what reached the endpoint.
      expect(calls).toEqual(emu.calls());
      counts[users] = totalCalls(emu.calls());
      for (const secret of canaries(scenario)) expect(JSON.stringify(snapshot)).not.toContain(secret);
    }
    expect(counts[500]).toBeLessThanOrEqual(15);
    expect(counts[500]).toBe(counts[5]);
  });
});

describe('collectSnapshot: failures', () => {
  it('gives the same snapshot when 30% of calls are throttled', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const calm = await collect();

    const emu = await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY, [{ operation: '*', kind: 'Throttling', rate: 0.3 }]);
    // More attempts than the default, so that the test is not the 1-in-1000 run where one call is throttled six times.
    const throttled = await collect({}, { maxAttempts: 12 });
    const calls = emu.calls();
    expect(totalCalls(calls)).toBeGreaterThan(totalCalls(calm.calls));
    expect(throttled.snapshot.errors).toEqual([]);
    expect(withoutTime(throttled.snapshot)).toEqual(withoutTime(calm.snapshot));
  }, 60_000); // adaptive retry slows the client down after each throttle: seconds, on purpose

  it('records AccessDenied on GetCredentialReport and keeps everything else', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY, [{ operation: 'iam:GetCredentialReport', kind: 'AccessDenied' }]);
    const events: ProgressEvent[] = [];
    const { snapshot } = await collect({ onProgress: (e) => events.push(e) });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.errors).toEqual([
      { service: 'iam', operation: 'GetCredentialReport', code: 'AccessDenied', message: expect.any(String), region: null },
    ]);
    expect(snapshot.iam.credentialReport).toBeUndefined();
    expect(snapshot.iam).toEqual(
      expect.objectContaining({
        users: expect.any(Array),
        groups: expect.any(Array),
        roles: expect.any(Array),
        policies: expect.any(Array),
        summary: expect.any(Object),
        passwordPolicy: null,
        virtualMfaDevices: [],
        serverCertificates: expect.any(Array),
      }),
    );
    expect(snapshot.alternateContacts).toBeDefined();
    expect(events.filter((e) => e.step === 'iam:credential-report').at(-1)).toMatchObject({ state: 'error', error: { code: 'AccessDenied' } });
  });

  it('leaves a section absent when all its calls are refused, and says why for each', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, [
      { operation: 'account:*', kind: 'AccessDenied' },
      { operation: 'iam:GetAccountPasswordPolicy', kind: 'AccessDenied' },
    ]);
    const { snapshot } = await collect();
    expect(snapshot.alternateContacts).toBeUndefined();
    expect('passwordPolicy' in snapshot.iam).toBe(false);
    expect(snapshot.errors.map((e) => `${e.service}:${e.operation}:${e.code}`).sort()).toEqual([
      'account:GetAlternateContact:AccessDeniedException',
      'account:GetAlternateContact:AccessDeniedException',
      'account:GetAlternateContact:AccessDeniedException',
      'iam:GetAccountPasswordPolicy:AccessDenied',
    ]);
    expect(snapshot.iam.users).toHaveLength(2);
  });

  it('reads a missing password policy (NoSuchEntity) as null, not as an error', async () => {
    await emulate({ ...CLEAN, passwordPolicy: null }, CLEAN_CI_KEY);
    const { snapshot } = await collect();
    expect(snapshot.iam.passwordPolicy).toBeNull();
    expect(snapshot.errors).toEqual([]);
  });

  it('gives up on a credential report that never becomes ready, after the configured tries', async () => {
    const emu = await emulate({ ...LEAKY, credentialReport: { notReadyPolls: 50 } }, LEAKY_ADMIN_KEY);
    const { snapshot } = await collect({ credentialReport: { maxTries: 3, delayMs: 1, maxDelayMs: 2 } });
    expect(emu.calls()['iam:GenerateCredentialReport']).toBe(3);
    expect(snapshot.iam.credentialReport).toBeUndefined();
    expect(snapshot.errors).toEqual([expect.objectContaining({ service: 'iam', operation: 'GenerateCredentialReport', code: 'ReportNotReady' })]);
  });

  it('aborts with AwsUnreachableError (exit 3) when the caller cannot be identified', async () => {
    await emulate(scenarioPath('leaky-account'), 'AKIANOBODY0000000001');
    const err = await collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsUnreachableError);
    expect(err).toMatchObject({ exitCode: 3, code: 'InvalidClientTokenId' });
    expect((err as Error).message).toMatch(/^cannot run: sts:GetCallerIdentity failed \(InvalidClientTokenId: /);
  });

  it('aborts with AwsUnreachableError when nothing listens at the endpoint', async () => {
    const emu = await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    await env.stop(emu);
    const err = await collect({}, { maxAttempts: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsUnreachableError);
    expect((err as AwsUnreachableError).code).toBe('ECONNREFUSED');
  });

  it('aborts with NoCredentialsError when there are no credentials', async () => {
    await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    await expect(collect()).rejects.toBeInstanceOf(NoCredentialsError);
  });
});
