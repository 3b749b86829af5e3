import { describe, expect, it } from 'vitest';
import { daysAgo, key, noKey, options, report, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { accessKeyMultipleActive } from './access-key-multiple-active.js';

describe('access-key-multiple-active', () => {
  it('passes one active key, fails two (naming their dates), ignores users with none', () => {
    const s = snapshot({
      iam: {
        credentialReport: report(
          userRow('one', { accessKeys: [key(), key({ active: false })] }),
          userRow('two', { accessKeys: [key({ lastRotated: daysAgo(100), lastUsedDate: daysAgo(50) }), key({ lastRotated: daysAgo(5), lastUsedDate: null })] }),
          userRow('none'),
        ),
      },
    });
    const out = accessKeyMultipleActive.evaluate(s, options());
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:user/one', message: 'user one has one active access key' });
    expect(out[1]).toMatchObject({
      status: 'FAIL',
      resource: 'arn:aws:iam::123456789012:user/two',
      message: 'user two has 2 active access keys: access-key-1 (created 2026-03-07, last used 2026-04-26), access-key-2 (created 2026-06-10, never used)',
    });
  });

  it('is NOT_APPLICABLE without active keys', () => {
    const s = snapshot({ iam: { credentialReport: report(userRow('a', { accessKeys: [noKey, noKey] })) } });
    expect(accessKeyMultipleActive.evaluate(s, options())[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN without the credential report', () => {
    const s = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });
    expect(accessKeyMultipleActive.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetCredentialReport failed (AccessDenied') });
  });
});
