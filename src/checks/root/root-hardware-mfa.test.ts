import { describe, expect, it } from 'vitest';
import { ACCOUNT, daysAgo, options, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import { rootHardwareMfa } from './root-hardware-mfa.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const run = (s: ReturnType<typeof snapshot>) => {
  const outcomes = rootHardwareMfa.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const device = (serialNumber: string, userArn: string | null) => ({ serialNumber, userArn, enableDate: userArn ? daysAgo(100) : null });

describe('root-hardware-mfa', () => {
  it("passes when root has MFA and no virtual device is root's", () => {
    const o = run(snapshot({ iam: { virtualMfaDevices: [device(`arn:aws:iam::${ACCOUNT}:mfa/alice-phone`, `arn:aws:iam::${ACCOUNT}:user/alice`)] } }));
    expect(o).toMatchObject({ status: 'PASS', resource: ROOT });
    expect(o.message).toContain("none of the account's 1 virtual MFA device is root's");
  });

  it("fails when a virtual device's user is root, whatever its name", () => {
    const o = run(snapshot({ iam: { virtualMfaDevices: [device(`arn:aws:iam::${ACCOUNT}:mfa/my-phone`, ROOT)] } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toBe(`root's MFA is a virtual device (arn:aws:iam::${ACCOUNT}:mfa/my-phone, enabled 2026-03-07)`);
  });

  it('fails on the root-account-mfa-device serial even when the listing gives no user', () => {
    const o = run(snapshot({ iam: { virtualMfaDevices: [device(`arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, null)] } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('mfa/root-account-mfa-device');
  });

  it('is NOT_APPLICABLE when root has no MFA at all (root-mfa reports that)', () => {
    const o = run(snapshot({ iam: { summary: { AccountMFAEnabled: 0 } } }));
    expect(o).toEqual({ status: 'NOT_APPLICABLE', resource: ROOT, message: 'root has no MFA; see root-mfa' });
  });

  it('is UNKNOWN naming ListVirtualMFADevices when the device list was not collected', () => {
    const o = run(withoutSection(snapshot(), 'virtualMfaDevices', { service: 'iam', operation: 'ListVirtualMFADevices' }));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('iam:ListVirtualMFADevices failed (AccessDenied');
  });

  it('is UNKNOWN when whether root has MFA cannot be told', () => {
    const s = withoutSection(
      withoutSection(snapshot(), 'summary', { service: 'iam', operation: 'GetAccountSummary' }),
      'credentialReport',
      { service: 'iam', operation: 'GetCredentialReport' },
    );
    const o = run(s);
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('iam:GetAccountSummary failed (AccessDenied');
  });

  it('does not crash when the summary lacks the key and the report has no root row', () => {
    const o = run(snapshot({ iam: { summary: {}, credentialReport: { generatedAt: daysAgo(0), rows: [] } } }));
    expect(o.status).toBe('UNKNOWN');
  });
});
