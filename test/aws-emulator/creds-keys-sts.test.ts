// Access key writes and STS sessions, through the real SDK clients: what `rampart creds` relies on.
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, IAMClient, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { NOW, rejection } from './test-helpers.js';
import { ACCOUNT, credsScenario, DEV_KEY, DEV_MFA, OPS_KEY1, PROD_ROLE } from '../creds/fixture.js';

let emu: Emulator;
afterEach(() => emu?.close());

const keys = (accessKeyId: string, secretAccessKey = 'x', sessionToken?: string) => ({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
const iam = (accessKeyId: string) => new IAMClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: keys(accessKeyId), maxAttempts: 1 });
const sts = (creds: ReturnType<typeof keys>) => new STSClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
const whoami = (accessKeyId: string) => sts(keys(accessKeyId)).send(new GetCallerIdentityCommand({}));

describe('access keys of the caller', () => {
  it('creates a key that signs as its owner, then deactivates and deletes it', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: NOW });
    const created = (await iam(DEV_KEY).send(new CreateAccessKeyCommand({}))).AccessKey!;
    expect(created).toMatchObject({ UserName: 'dev', Status: 'Active' });
    expect(created.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(created.SecretAccessKey).toHaveLength(40);
    expect((await whoami(created.AccessKeyId!)).Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);
    const listed = (await iam(DEV_KEY).send(new ListAccessKeysCommand({}))).AccessKeyMetadata!;
    expect(listed.map((k) => k.AccessKeyId)).toEqual([DEV_KEY, created.AccessKeyId]);

    await iam(created.AccessKeyId!).send(new UpdateAccessKeyCommand({ AccessKeyId: DEV_KEY, Status: 'Inactive' }));
    expect((await rejection(whoami(DEV_KEY))).name).toBe('InvalidClientTokenId');
    await iam(created.AccessKeyId!).send(new DeleteAccessKeyCommand({ AccessKeyId: DEV_KEY }));
    expect((await iam(created.AccessKeyId!).send(new ListAccessKeysCommand({}))).AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([created.AccessKeyId]);
    expect((await rejection(iam(created.AccessKeyId!).send(new DeleteAccessKeyCommand({ AccessKeyId: DEV_KEY })))).Code).toBe('NoSuchEntity');
  });

  it('refuses a third key with LimitExceeded', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: NOW });
    const err = await rejection(iam(OPS_KEY1).send(new CreateAccessKeyCommand({})));
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe('Cannot exceed quota for AccessKeysPerUser: 2');
  });

  it('makes STS refuse a new key for the configured calls, then accept it', async () => {
    emu = await startEmulator({ scenario: credsScenario({ sts: { newKeyDelay: { calls: 2 } } }), now: NOW });
    const created = (await iam(DEV_KEY).send(new CreateAccessKeyCommand({}))).AccessKey!;
    for (let i = 0; i < 2; i++) expect((await rejection(whoami(created.AccessKeyId!))).name).toBe('InvalidClientTokenId');
    expect((await whoami(created.AccessKeyId!)).Arn).toContain('user/dev');
  });
});

describe('MFA sessions', () => {
  it('GetSessionToken with the right code gives credentials that sign as the user, expiring after the duration', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: NOW });
    const out = await sts(keys(DEV_KEY)).send(new GetSessionTokenCommand({ SerialNumber: DEV_MFA, TokenCode: '123456', DurationSeconds: 3600 }));
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA/);
    expect(c.Expiration!.getTime()).toBe(NOW.getTime() + 3600_000);
    const who = await sts(keys(c.AccessKeyId!, c.SecretAccessKey!, c.SessionToken!)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);
    const again = await rejection(sts(keys(c.AccessKeyId!, c.SecretAccessKey!, c.SessionToken!)).send(new GetSessionTokenCommand({})));
    expect(again.name).toBe('AccessDenied');
  });

  it('a wrong code or a serial that is not the user’s is AccessDenied, as AWS says it', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: NOW });
    const wrong = await rejection(sts(keys(DEV_KEY)).send(new GetSessionTokenCommand({ SerialNumber: DEV_MFA, TokenCode: '000000' })));
    expect(wrong.name).toBe('AccessDenied');
    expect(wrong.message).toMatch(/^MultiFactorAuthentication failed with invalid MFA one time pass code/);
    const serial = await rejection(sts(keys(DEV_KEY)).send(new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/other`, TokenCode: '123456' })));
    expect(serial.message).toMatch(/^MultiFactorAuthentication failed, unable to validate MFA code/);
  });

  it('AssumeRole of a role requiring MFA: refused without, an assumed-role session with', async () => {
    emu = await startEmulator({ scenario: credsScenario(), now: NOW });
    const without = await rejection(sts(keys(DEV_KEY)).send(new AssumeRoleCommand({ RoleArn: PROD_ROLE, RoleSessionName: 's1' })));
    expect(without.name).toBe('AccessDenied');
    const out = await sts(keys(DEV_KEY)).send(new AssumeRoleCommand({ RoleArn: PROD_ROLE, RoleSessionName: 's1', SerialNumber: DEV_MFA, TokenCode: '123456' }));
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ProdAdmin/s1`);
    const c = out.Credentials!;
    const who = await sts(keys(c.AccessKeyId!, c.SecretAccessKey!, c.SessionToken!)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ProdAdmin/s1`);
  });
});
