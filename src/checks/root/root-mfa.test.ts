import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, rootRow, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { rootMfa } from './root-mfa.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const run = (s: ReturnType<typeof snapshot>) => {
  const outcomes = rootMfa.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const noSummary = (s = snapshot()) => withoutSection(s, 'summary', { service: 'iam', operation: 'GetAccountSummary' });
const noReport = (s = snapshot()) => withoutSection(s, 'credentialReport', { service: 'iam', operation: 'GetCredentialReport', code: 'ReportNotPresent' });

describe('root-mfa', () => {
  it('passes when GetAccountSummary says AccountMFAEnabled = 1', () => {
    const o = run(snapshot());
    expect(o).toMatchObject({ status: 'PASS', resource: ROOT });
    expect(o.message).toContain('AccountMFAEnabled = 1');
  });

  it('fails when AccountMFAEnabled = 0', () => {
    const o = run(snapshot({ iam: { summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 }, credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [rootRow({ mfaActive: false })] } } }));
    expect(o).toMatchObject({ status: 'FAIL', resource: ROOT });
    expect(o.message).toBe('root has no MFA (GetAccountSummary AccountMFAEnabled = 0)');
  });

  it('trusts the live summary over a lagging credential report, and says they disagree', () => {
    const o = run(snapshot({ iam: { summary: { AccountMFAEnabled: 0 }, credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [rootRow({ mfaActive: true })] } } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('credential report of 2026-06-15 says mfa_active true');
  });

  it('falls back to the root row of the credential report when GetAccountSummary failed', () => {
    const has = run(noSummary());
    expect(has.status).toBe('PASS');
    expect(has.message).toContain('credential report of 2026-06-15');
    expect(has.message).toContain('iam:GetAccountSummary failed (AccessDenied');

    const hasNot = run(noSummary(snapshot({ iam: { credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [rootRow({ mfaActive: false })] } } })));
    expect(hasNot.status).toBe('FAIL');
  });

  it('falls back to the credential report when the summary lacks AccountMFAEnabled (an emulator that lies)', () => {
    const o = run(snapshot({ iam: { summary: { Users: 3 }, credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [rootRow({ mfaActive: false })] } } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('GetAccountSummary has no AccountMFAEnabled');
  });

  it('is UNKNOWN naming both failed calls when neither source is there', () => {
    const o = run(noReport(noSummary()));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('iam:GetAccountSummary failed (AccessDenied');
    expect(o.message).toContain('iam:GetCredentialReport failed (ReportNotPresent');
  });

  it('is UNKNOWN, not a crash, when the summary lacks the key and the report has no root row', () => {
    const o = run(snapshot({ iam: { summary: {}, credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [userRow('alice')] } } }));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('GetAccountSummary has no AccountMFAEnabled');
    expect(o.message).toContain('has no <root_account> row');
  });
});
