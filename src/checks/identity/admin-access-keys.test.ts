import { describe, expect, it } from 'vitest';
import { attach, awsPolicy, daysAgo, group, key, noKey, options, report, snapshot, user, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { adminAccessKeys } from './admin-access-keys.js';

const ADMIN = awsPolicy('AdministratorAccess');
const admins = group('Admins', { attachedPolicies: [attach(ADMIN)] });
const iam = (rows: ReturnType<typeof userRow>[]) => ({
  users: [user('leaky', { attachedPolicies: [attach(ADMIN)] }), user('iamadmin', { groups: ['Admins'] }), user('s3-uploader')],
  groups: [admins],
  policies: [ADMIN],
  credentialReport: report(...rows),
});

describe('admin-access-keys', () => {
  it('fails an administrator with an active key (the $8K incident) and passes one without; non-admins get no result', () => {
    const s = snapshot({
      iam: iam([
        userRow('leaky', { accessKeys: [key({ lastRotated: daysAgo(30), lastUsedDate: daysAgo(0) }), noKey] }),
        userRow('iamadmin', { accessKeys: [key({ active: false }), noKey] }),
        userRow('s3-uploader', { accessKeys: [key(), noKey] }),
      ]),
    });
    const out = adminAccessKeys.evaluate(s, options());
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      status: 'FAIL',
      resource: 'arn:aws:iam::123456789012:user/leaky',
      message: 'user leaky is an administrator (AdministratorAccess) and has 1 active access key: access-key-1 (created 2026-05-16, last used 2026-06-15)',
    });
    expect(out[0]?.remediation?.cli[0]).toBe('aws iam list-access-keys --user-name leaky');
    expect(out[1]).toEqual({
      status: 'PASS',
      resource: 'arn:aws:iam::123456789012:user/iamadmin',
      message: 'user iamadmin is an administrator (AdministratorAccess via group Admins) and has no active access key',
    });
  });

  it('names both keys when both are active', () => {
    const s = snapshot({ iam: iam([userRow('leaky', { accessKeys: [key(), key({ lastUsedDate: null })] }), userRow('iamadmin')]) });
    expect(adminAccessKeys.evaluate(s, options())[0]?.message).toMatch(/2 active access keys: access-key-1 \(.*\), access-key-2 \(created .*, never used\)$/);
  });

  it('is UNKNOWN for an administrator missing from the report', () => {
    const s = snapshot({ iam: iam([userRow('leaky')]) });
    expect(adminAccessKeys.evaluate(s, options())[1]).toMatchObject({ status: 'UNKNOWN', resource: 'arn:aws:iam::123456789012:user/iamadmin' });
  });

  it('is NOT_APPLICABLE without administrators', () => {
    const s = snapshot({ iam: { users: [user('dev')], credentialReport: report(userRow('dev', { accessKeys: [key(), noKey] })) } });
    expect(adminAccessKeys.evaluate(s, options())[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN without the report or the authorization details', () => {
    const noReport = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });
    expect(adminAccessKeys.evaluate(noReport, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetCredentialReport failed (AccessDenied') });
    const noPolicies = withoutSection(snapshot(), 'policies', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(adminAccessKeys.evaluate(noPolicies, options())[0]?.message).toContain('iam:GetAccountAuthorizationDetails failed');
  });
});
