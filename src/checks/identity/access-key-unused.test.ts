import { describe, expect, it } from 'vitest';
import { daysAgo, key, noKey, options, report, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { accessKeyUnused } from './access-key-unused.js';

const run = (...rows: ReturnType<typeof userRow>[]) => accessKeyUnused.evaluate(snapshot({ iam: { credentialReport: report(...rows) } }), options());

describe('access-key-unused', () => {
  it('gives one result per active key: exactly 45 days unused fails, 44 passes', () => {
    const out = run(userRow('ci', { accessKeys: [key({ lastRotated: daysAgo(200), lastUsedDate: daysAgo(45) }), key({ lastRotated: daysAgo(100), lastUsedDate: daysAgo(44) })] }));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      status: 'FAIL',
      resource: 'arn:aws:iam::123456789012:user/ci/access-key-1',
      message: 'access-key-1 of user ci was last used 2026-05-01, 45 days ago (limit 45)',
    });
    expect(out[0]?.remediation?.cli[0]).toBe('aws iam list-access-keys --user-name ci');
    expect(out[1]).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:user/ci/access-key-2', message: 'access-key-2 of user ci was last used 2026-05-02, 44 days ago (limit 45)' });
  });

  it('counts a never-used key from its creation', () => {
    const out = run(userRow('a', { accessKeys: [key({ lastRotated: daysAgo(45), lastUsedDate: null }), key({ lastRotated: daysAgo(44), lastUsedDate: null })] }));
    expect(out.map((o) => o.status)).toEqual(['FAIL', 'PASS']);
    expect(out[0]?.message).toBe('access-key-1 of user a has never been used (created 2026-05-01), 45 days ago (limit 45)');
  });

  it('follows the keyUnusedDays option', () => {
    const s = snapshot({ iam: { credentialReport: report(userRow('a', { accessKeys: [key({ lastUsedDate: daysAgo(10) }), noKey] })) } });
    expect(accessKeyUnused.evaluate(s, options({ keyUnusedDays: 10 }))[0]?.status).toBe('FAIL');
  });

  it('ignores inactive keys, and is NOT_APPLICABLE without active keys', () => {
    expect(run(userRow('a', { accessKeys: [key({ active: false, lastUsedDate: daysAgo(400) }), noKey] }))).toEqual([
      { status: 'NOT_APPLICABLE', resource: 'arn:aws:::123456789012', message: 'no IAM user has an active access key' },
    ]);
  });

  it('is UNKNOWN without the credential report', () => {
    const s = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });
    expect(accessKeyUnused.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetCredentialReport failed (AccessDenied') });
  });
});
