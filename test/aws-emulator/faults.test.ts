import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { GetAccountSummaryCommand, GetCredentialReportCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Fault } from './index.js';
import { LEAKY, NOW, clients, config, rejection } from './test-helpers.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(faults: Fault[] = [], seed?: number) {
  emulator = await startEmulator({ scenario: LEAKY, now: NOW, faults, seed });
  return { emulator, ...clients(emulator.endpoint) };
}

describe('AccessDenied', () => {
  it("answers in each protocol's own form", async () => {
    const { iam, sts, account, s3control } = await start([
      { operation: 'iam:GetCredentialReport', kind: 'AccessDenied' },
      { operation: 'sts:*', kind: 'AccessDenied' },
      { operation: 'account:GetAlternateContact', kind: 'AccessDenied' },
      { operation: 's3control:*', kind: 'AccessDenied' },
    ]);
    const query = await rejection(iam.send(new GetCredentialReportCommand({})));
    expect(query.name).toBe('AccessDenied');
    expect(query.$metadata?.httpStatusCode).toBe(403);
    expect((await rejection(sts.send(new GetCallerIdentityCommand({})))).name).toBe('AccessDenied');
    const restJson = await rejection(account.send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' })));
    expect(restJson.name).toBe('AccessDeniedException');
    expect(restJson.$metadata?.httpStatusCode).toBe(403);
    const restXml = await rejection(s3control.send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' })));
    expect(restXml.name).toBe('AccessDenied');
    // Only the named operation is denied.
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap).toBeDefined();
  });

  it("'*' denies everything, and setFaults changes the faults at run time", async () => {
    const { iam, emulator } = await start([{ operation: '*', kind: 'AccessDenied' }]);
    expect((await rejection(iam.send(new ListUsersCommand({})))).name).toBe('AccessDenied');
    emulator.setFaults([]);
    expect((await iam.send(new ListUsersCommand({}))).Users).toHaveLength(2);
  });
});

describe('Throttling', () => {
  it('at rate 1 with maxAttempts 1 the SDK gives up with Throttling', async () => {
    const { iam, account } = await start([{ operation: '*', kind: 'Throttling', rate: 1 }]);
    const error = await rejection(iam.send(new ListUsersCommand({})));
    expect(error.name).toBe('Throttling');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect((await rejection(account.send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' })))).name).toBe('ThrottlingException');
  });

  it('the SDK retries throttled calls, and every attempt is counted', async () => {
    const { emulator } = await start([{ operation: 'iam:ListUsers', kind: 'Throttling', rate: 1 }]);
    // No backoff between attempts: the test is about counting, not waiting.
    const retrying = new IAMClient({ ...config(emulator.endpoint), retryStrategy: new ConfiguredRetryStrategy(3, () => 0) });
    const error = await rejection(retrying.send(new ListUsersCommand({})));
    expect(error.name).toBe('Throttling');
    expect(emulator.calls()['iam:ListUsers']).toBe(3);
  });

  it('a rate is drawn from the seeded PRNG: the same seed throttles the same calls', async () => {
    const outcomes: string[][] = [];
    for (const seed of [7, 7, 8]) {
      const { iam } = await start([{ operation: 'iam:*', kind: 'Throttling', rate: 0.5 }], seed);
      const run: string[] = [];
      for (let i = 0; i < 20; i++) {
        run.push(await iam.send(new ListUsersCommand({})).then(() => 'ok', (e: Error) => e.name));
      }
      outcomes.push(run);
      await emulator?.close();
      emulator = undefined;
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toContain('ok');
    expect(outcomes[0]).toContain('Throttling');
    expect(outcomes[2]).not.toEqual(outcomes[0]);
  });

  it('rate 0 never fires', async () => {
    const { iam } = await start([{ operation: '*', kind: 'Throttling', rate: 0 }]);
    expect((await iam.send(new ListUsersCommand({}))).Users).toHaveLength(2);
  });

  it('rejects a malformed fault', async () => {
    await expect(startEmulator({ scenario: LEAKY, faults: [{ operation: 'iam:X', kind: 'Throttling', rate: 2 }] })).rejects.toThrow(/rate/);
    await expect(startEmulator({ scenario: LEAKY, faults: [{ operation: 'ListUsers', kind: 'AccessDenied' }] })).rejects.toThrow(/operation/);
  });
});

describe('call counting and latency', () => {
  it('counts per service:Operation, faulted calls included, and resets', async () => {
    const { iam, sts, emulator } = await start([{ operation: 'iam:GetAccountSummary', kind: 'AccessDenied' }]);
    await iam.send(new ListUsersCommand({}));
    await iam.send(new ListUsersCommand({}));
    await sts.send(new GetCallerIdentityCommand({}));
    await rejection(iam.send(new GetAccountSummaryCommand({})));
    expect(emulator.calls()).toEqual({ 'iam:GetAccountSummary': 1, 'iam:ListUsers': 2, 'sts:GetCallerIdentity': 1 });
    emulator.resetCalls();
    expect(emulator.calls()).toEqual({});
  });

  it('delays every response by the latency', async () => {
    emulator = await startEmulator({ scenario: LEAKY, now: NOW, latencyMs: 150 });
    const { iam } = clients(emulator.endpoint);
    let started = performance.now();
    await iam.send(new ListUsersCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    emulator.setLatency(300);
    started = performance.now();
    await rejection(iam.send(new GetCredentialReportCommand({})));
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });
});
