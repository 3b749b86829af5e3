// The scenario's passwords and secret access keys are canaries: whatever is asked, no response may carry one.
import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListMFADevicesCommand,
  ListServerCertificatesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { canaries } from './emulated-env.js';
import { startEmulator, type Scenario } from './index.js';
import { largeScenario } from './scenarios/generate.js';
import { NOW, authHeader, clients, readScenario, startRecorder } from './test-helpers.js';

async function exerciseEverything(scenario: Scenario): Promise<string[]> {
  const emulator = await startEmulator({ scenario, now: NOW, faults: [{ operation: 'iam:ListServerCertificates', kind: 'AccessDenied' }] });
  const recorder = await startRecorder(emulator.endpoint);
  const users = scenario.users ?? [];
  const keys = [...(scenario.root.accessKeys ?? []), ...users.flatMap((u) => u.accessKeys ?? [])];
  const callerKey = keys[0]?.id ?? 'AKIAUNKNOWN000000001';
  const { iam, sts, account, s3control } = clients(recorder.endpoint, callerKey);
  const settle = (p: Promise<unknown>) => p.then(
    () => undefined,
    () => undefined,
  );
  const decoded: string[] = [];
  try {
    let marker: string | undefined;
    do {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 50, Marker: marker }));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    await settle(iam.send(new GetCredentialReportCommand({})));
    await iam.send(new GenerateCredentialReportCommand({}));
    await settle(iam.send(new GetCredentialReportCommand({})));
    await iam.send(new GenerateCredentialReportCommand({}));
    const report = await iam.send(new GetCredentialReportCommand({}));
    decoded.push(Buffer.from(report.Content ?? new Uint8Array()).toString('utf8'));
    await iam.send(new GetAccountSummaryCommand({}));
    await settle(iam.send(new GetAccountPasswordPolicyCommand({})));
    await iam.send(new ListVirtualMFADevicesCommand({}));
    await iam.send(new ListAccountAliasesCommand({}));
    await settle(iam.send(new ListServerCertificatesCommand({})));
    await iam.send(new ListUsersCommand({}));
    for (const u of users.slice(0, 40)) {
      await iam.send(new ListAccessKeysCommand({ UserName: u.name }));
      await iam.send(new ListMFADevicesCommand({ UserName: u.name }));
    }
    for (const k of keys.slice(0, 40)) {
      await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.id }));
      await settle(clients(recorder.endpoint, k.id).sts.send(new GetCallerIdentityCommand({})));
    }
    await settle(sts.send(new GetCallerIdentityCommand({})));
    for (const type of ['BILLING', 'SECURITY', 'OPERATIONS'] as const) {
      await settle(account.send(new GetAlternateContactCommand({ AlternateContactType: type })));
    }
    await settle(s3control.send(new GetPublicAccessBlockCommand({ AccountId: scenario.account.id })));
    // Error paths that echo input.
    await fetch(`${recorder.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: authHeader('iam', callerKey) },
      body: 'Action=GetUser&Version=2010-05-08',
    }).then((r) => r.text());
  } finally {
    await recorder.close();
    await emulator.close();
  }
  expect(recorder.responses.length).toBeGreaterThan(15);
  return [...recorder.responses.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`), ...decoded];
}

describe('canary secrets', () => {
  it.each([
    ['leaky', readScenario('leaky-account')],
    ['clean', readScenario('clean-account')],
    ['large', largeScenario({ users: 60, roles: 10, policies: 20 })],
  ])('never appear in any response of the %s account', async (_name, scenario) => {
    const secrets = canaries(scenario);
    expect(secrets.length).toBeGreaterThan(0);
    for (const c of secrets) expect(c).toContain('CANARY');
    const responses = await exerciseEverything(scenario);
    for (const text of responses) {
      expect(text).not.toContain('CANARY');
      for (const c of secrets) {
        expect(text).not.toContain(c);
        expect(text).not.toContain(encodeURIComponent(c));
        expect(text).not.toContain(Buffer.from(c).toString('base64'));
      }
    }
  });
});
