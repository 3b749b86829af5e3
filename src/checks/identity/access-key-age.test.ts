import { describe, expect, it } from 'vitest';
import { daysAgo, key, noKey, options, report, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { accessKeyAge } from './access-key-age.js';

const run = (...rows: ReturnType<typeof userRow>[]) => accessKeyAge.evaluate(snapshot({ iam: { credentialReport: report(...rows) } }), options());

describe('access-key-age', () => {
  it('fails a key exactly 90 days old and passes one 89 days old', () => {
    const out = run(userRow('ci', { accessKeys: [key({ lastRotated: daysAgo(90) }), key({ lastRotated: daysAgo(89) })] }));
    expect(out[0]).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:user/ci/access-key-1', message: 'access-key-1 of user ci was created 2026-03-17, 90 days ago (limit 90)' });
    expect(out[0]?.remediation?.cli).toContain('aws iam update-access-key --user-name ci --access-key-id <old-access-key-id> --status Inactive');
    expect(out[1]).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:user/ci/access-key-2', message: 'access-key-2 of user ci was created 2026-03-18, 89 days ago (limit 90)' });
  });

  it('ignores inactive keys however old', () => {
    expect(run(userRow('a', { accessKeys: [key({ active: false, lastRotated: daysAgo(900) }), noKey] }))[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('follows the keyMaxAgeDays option', () => {
    const s = snapshot({ iam: { credentialReport: report(userRow('a', { accessKeys: [key({ lastRotated: daysAgo(60) }), noKey] })) } });
    expect(accessKeyAge.evaluate(s, options({ keyMaxAgeDays: 60 }))[0]?.status).toBe('FAIL');
    expect(accessKeyAge.evaluate(s, options({ keyMaxAgeDays: 61 }))[0]?.status).toBe('PASS');
  });

  it('is UNKNOWN for an active key without a creation date', () => {
    expect(run(userRow('a', { accessKeys: [key({ lastRotated: null }), noKey] }))[0]).toMatchObject({ status: 'UNKNOWN', resource: 'arn:aws:iam::123456789012:user/a/access-key-1' });
  });

  it('is UNKNOWN without the credential report', () => {
    const s = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });
    expect(accessKeyAge.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetCredentialReport failed (AccessDenied') });
  });
});
