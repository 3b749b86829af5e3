import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { CLEAN, LEAKY, NOW, clients, config, rejection } from './test-helpers.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('STS GetCallerIdentity', () => {
  it('answers for the signing key: a user, root, a role session, an explicit caller', async () => {
    emulator = await startEmulator({
      scenario: {
        account: { id: '111111111111' },
        root: { mfa: 'none', accessKeys: [{ id: 'AKIAROOT000000000001', secret: 'CANARY-s', created: '-9d' }] },
        users: [
          {
            name: 'bob',
            path: '/staff/',
            created: '-9d',
            accessKeys: [
              { id: 'AKIABOB0000000000001', secret: 'CANARY-s1', status: 'Active', created: '-9d' },
              { id: 'AKIABOB0000000000002', secret: 'CANARY-s2', status: 'Inactive', created: '-8d' },
            ],
          },
        ],
        roles: [{ name: 'auditor', created: '-9d', trustPolicy: { Version: '2012-10-17', Statement: [] } }],
        callers: {
          ASIAROLE000000000001: 'arn:aws:iam::111111111111:role/auditor',
          AKIAOTHER00000000001: { arn: 'arn:aws:iam::222222222222:user/elsewhere', userId: 'AIDAELSEWHERE' },
        },
      },
      now: NOW,
    });
    const who = (key: string) => new STSClient(config(emulator?.endpoint ?? '', key)).send(new GetCallerIdentityCommand({}));

    const bob = await who('AKIABOB0000000000001');
    expect(bob).toMatchObject({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/staff/bob' });
    expect(bob.UserId).toMatch(/^AIDA/);
    expect(await who('AKIAROOT000000000001')).toMatchObject({ Arn: 'arn:aws:iam::111111111111:root', UserId: '111111111111' });
    const role = await who('ASIAROLE000000000001');
    expect(role.Arn).toBe('arn:aws:sts::111111111111:assumed-role/auditor/emulator-session');
    expect(role.UserId).toMatch(/^AROA[A-Z2-7]{17}:emulator-session$/);
    expect(await who('AKIAOTHER00000000001')).toMatchObject({ Account: '222222222222', UserId: 'AIDAELSEWHERE' });

    for (const key of ['AKIABOB0000000000002', 'AKIAUNKNOWN000000001']) {
      const error = await rejection(who(key));
      expect(error.name).toBe('InvalidClientTokenId');
      expect(error.$metadata?.httpStatusCode).toBe(403);
    }
    expect(emulator.calls()).toEqual({ 'sts:GetCallerIdentity': 6 });
  });
});

describe('Account GetAlternateContact', () => {
  it('returns a set contact and ResourceNotFoundException (404) for an unset one', async () => {
    emulator = await startEmulator({ scenario: CLEAN, now: NOW });
    const { account } = clients(emulator.endpoint, 'AKIACLEANCI000000001');
    const out = await account.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }));
    expect(out.AlternateContact).toEqual({
      AlternateContactType: 'SECURITY',
      Name: 'Security Team',
      Title: 'Security',
      EmailAddress: 'security@clean.example',
      PhoneNumber: '+1-555-0101',
    });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await emulator.close();

    emulator = await startEmulator({ scenario: LEAKY, now: NOW });
    const leaky = clients(emulator.endpoint).account;
    for (const type of ['BILLING', 'SECURITY', 'OPERATIONS'] as const) {
      const error = await rejection(leaky.send(new GetAlternateContactCommand({ AlternateContactType: type })));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.$metadata?.httpStatusCode).toBe(404);
    }
  });

  it('rejects a bad contact type with ValidationException', async () => {
    emulator = await startEmulator({ scenario: LEAKY, now: NOW });
    const error = await rejection(
      clients(emulator.endpoint).account.send(new GetAlternateContactCommand({ AlternateContactType: 'LEGAL' as 'BILLING' })),
    );
    expect(error.name).toBe('ValidationException');
  });
});

describe('S3 Control GetPublicAccessBlock', () => {
  it('returns the account-level block', async () => {
    emulator = await startEmulator({ scenario: CLEAN, now: NOW });
    const { s3control } = clients(emulator.endpoint, 'AKIACLEANCI000000001');
    const out = await s3control.send(new GetPublicAccessBlockCommand({ AccountId: '210987654321' }));
    expect(out.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.calls()).toEqual({ 's3control:GetPublicAccessBlock': 1 });
  });

  it('answers NoSuchPublicAccessBlockConfiguration (404) when none is set, AccessDenied for another account', async () => {
    emulator = await startEmulator({ scenario: LEAKY, now: NOW });
    const { s3control } = clients(emulator.endpoint);
    const none = await rejection(s3control.send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' })));
    expect(none.name).toBe('NoSuchPublicAccessBlockConfiguration');
    expect(none.$metadata?.httpStatusCode).toBe(404);
    const other = await rejection(s3control.send(new GetPublicAccessBlockCommand({ AccountId: '999999999999' })));
    expect(other.name).toBe('AccessDenied');
  });
});
