import { describe, expect, it } from 'vitest';
import { ACCOUNT, daysAgo, key, options, rootRow, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { rootAccessKeys } from './root-access-keys.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const run = (s: ReturnType<typeof snapshot>) => {
  const outcomes = rootAccessKeys.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const report = (...rows: ReturnType<typeof rootRow>[]) => ({ generatedAt: '2026-06-15T10:00:00Z', rows });
const inactiveKey = key({ active: false, lastRotated: daysAgo(400), lastUsedDate: daysAgo(390) });
const noSummary = (s = snapshot()) => withoutSection(s, 'summary', { service: 'iam', operation: 'GetAccountSummary' });
const noReport = (s = snapshot()) => withoutSection(s, 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });

describe('root-access-keys', () => {
  it('passes when the summary and the credential report both show no key', () => {
    const o = run(snapshot());
    expect(o).toEqual({
      status: 'PASS',
      resource: ROOT,
      message: 'root has no access keys (AccountAccessKeysPresent = 0; credential report of 2026-06-15: 0 keys, 0 active)',
    });
  });

  it('fails when the summary says root has keys, even if the older report shows none', () => {
    const o = run(snapshot({ iam: { summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 1 } } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('AccountAccessKeysPresent = 1');
  });

  it('fails when the credential report shows an active root key, even if the summary says 0', () => {
    const o = run(snapshot({ iam: { credentialReport: report(rootRow({ accessKeys: [key(), inactiveKey] })) } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toBe('root has access keys (AccountAccessKeysPresent = 0; credential report of 2026-06-15: 2 keys, 1 active)');
  });

  it('fails on inactive root keys the summary still counts', () => {
    const o = run(snapshot({ iam: { summary: { AccountAccessKeysPresent: 1 }, credentialReport: report(rootRow({ accessKeys: [inactiveKey] })) } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('1 key, 0 active');
  });

  it('passes when only an inactive key is in a report the live summary has moved past (deleted since)', () => {
    const o = run(snapshot({ iam: { credentialReport: report(rootRow({ accessKeys: [inactiveKey] })) } }));
    expect(o.status).toBe('PASS');
    expect(o.message).toContain('1 key, 0 active');
  });

  it('decides from the report alone when GetAccountSummary failed, and says so', () => {
    const clean = run(noSummary());
    expect(clean.status).toBe('PASS');
    expect(clean.message).toContain('iam:GetAccountSummary failed (AccessDenied');

    const leaky = run(noSummary(snapshot({ iam: { credentialReport: report(rootRow({ accessKeys: [key()] })) } })));
    expect(leaky.status).toBe('FAIL');
  });

  it('decides from the summary alone when the credential report failed, and says so', () => {
    const clean = run(noReport());
    expect(clean.status).toBe('PASS');
    expect(clean.message).toContain('iam:GetCredentialReport failed (AccessDenied');

    const leaky = run(noReport(snapshot({ iam: { summary: { AccountAccessKeysPresent: 1 } } })));
    expect(leaky.status).toBe('FAIL');
  });

  it('is UNKNOWN naming both calls when neither source is there', () => {
    const o = run(noReport(noSummary()));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('iam:GetAccountSummary failed (AccessDenied');
    expect(o.message).toContain('iam:GetCredentialReport failed (AccessDenied');
  });

  it('is UNKNOWN, not a crash, when the summary lacks the key and the report has no root row', () => {
    const o = run(snapshot({ iam: { summary: { Users: 1 }, credentialReport: report(userRow('alice')) } }));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toBe('could not evaluate: GetAccountSummary has no AccountAccessKeysPresent; the credential report of 2026-06-15 has no <root_account> row');
  });
});
