import { describe, expect, it } from 'vitest';
import { adminDoc, awsPolicy, customerPolicy, group, options, role, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { adminStarPolicy } from './admin-star-policy.js';

const narrow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::my-specific-bucket/*' }] };

describe('admin-star-policy', () => {
  it('judges each customer-managed policy, skipping AWS managed ones', () => {
    const s = snapshot({ iam: { policies: [awsPolicy('AdministratorAccess', adminDoc), customerPolicy('everything', adminDoc, 0), customerPolicy('bucket', narrow)] } });
    const out = adminStarPolicy.evaluate(s, options());
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      status: 'FAIL',
      resource: 'arn:aws:iam::123456789012:policy/everything',
      message: 'policy everything (version v1, not attached yet) allows "*" on "*": full administrator access',
    });
    expect(out[0]?.remediation?.cli).toEqual(['aws iam create-policy-version --policy-arn arn:aws:iam::123456789012:policy/everything --policy-document file://least-privilege.json --set-as-default']);
    expect(out[1]).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:policy/bucket', message: 'policy bucket does not allow "*" on "*"' });
  });

  it('judges inline policies of users, groups and roles, with their own resource', () => {
    const s = snapshot({
      iam: {
        users: [user('u', { inlinePolicies: [{ name: 'all', document: adminDoc }] })],
        groups: [group('g', { inlinePolicies: [{ name: 'ok', document: narrow }] })],
        roles: [role('r', { inlinePolicies: [{ name: 'array', document: { Statement: [{ Effect: 'Allow', Action: ['s3:*', '*'], Resource: ['*'] }] } }] })],
      },
    });
    const out = adminStarPolicy.evaluate(s, options());
    expect(out.map((o) => [o.status, o.resource])).toEqual([
      ['FAIL', 'arn:aws:iam::123456789012:user/u/inline/all'],
      ['PASS', 'arn:aws:iam::123456789012:group/g/inline/ok'],
      ['FAIL', 'arn:aws:iam::123456789012:role/r/inline/array'],
    ]);
    expect(out[0]?.message).toBe('inline policy all of user u allows "*" on "*": full administrator access');
    expect(out[2]?.remediation?.cli).toContain('aws iam delete-role-policy --role-name r --policy-name array');
  });

  it('is NOT_APPLICABLE without customer-managed or inline policies', () => {
    expect(adminStarPolicy.evaluate(snapshot({ iam: { policies: [awsPolicy('ReadOnlyAccess')] } }), options())[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN without authorization details', () => {
    const s = withoutSection(snapshot(), 'policies', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(adminStarPolicy.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetAccountAuthorizationDetails failed (AccessDenied') });
  });
});
