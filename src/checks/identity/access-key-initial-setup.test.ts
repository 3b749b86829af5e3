import { describe, expect, it } from 'vitest';
import { daysAgo, key, noKey, options, report, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { accessKeyInitialSetup } from './access-key-initial-setup.js';

const HOUR = 3_600_000;
const created = daysAgo(100);
const plus = (ms: number) => new Date(Date.parse(created) + ms).toISOString();
const run = (...keys: ReturnType<typeof key>[]) =>
  accessKeyInitialSetup.evaluate(snapshot({ iam: { credentialReport: report(userRow('iamadmin', { passwordEnabled: true, userCreationTime: created, accessKeys: [...keys, noKey].slice(0, 2) })) } }), options());

describe('access-key-initial-setup', () => {
  it('fails a console user with a key created with it and never used (seed 003 ticks both boxes)', () => {
    const [r] = run(key({ lastRotated: plus(60_000), lastUsedDate: null }));
    expect(r).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:user/iamadmin', message: 'console user iamadmin (created 2026-03-07) has access-key-1 created with it and never used' });
    expect(r?.remediation?.cli[0]).toBe('aws iam list-access-keys --user-name iamadmin');
  });

  it('"within a day" includes exactly 24 hours and excludes a second more', () => {
    expect(run(key({ lastRotated: plus(24 * HOUR), lastUsedDate: null }))[0]?.status).toBe('FAIL');
    expect(run(key({ lastRotated: plus(24 * HOUR + 1000), lastUsedDate: null }))[0]?.status).toBe('PASS');
  });

  it('passes when the key was used, is inactive, or there is none', () => {
    expect(run(key({ lastRotated: plus(HOUR), lastUsedDate: daysAgo(3) }))[0]?.status).toBe('PASS');
    expect(run(key({ active: false, lastRotated: plus(HOUR), lastUsedDate: null }))[0]).toMatchObject({ status: 'PASS', message: 'console user iamadmin has no active access key' });
    expect(run()[0]?.status).toBe('PASS');
  });

  it('ignores users without a console password', () => {
    const s = snapshot({ iam: { credentialReport: report(userRow('ci', { userCreationTime: created, accessKeys: [key({ lastRotated: created, lastUsedDate: null }), noKey] })) } });
    expect(accessKeyInitialSetup.evaluate(s, options())[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN without the credential report', () => {
    const s = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });
    expect(accessKeyInitialSetup.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetCredentialReport failed (AccessDenied') });
  });
});
