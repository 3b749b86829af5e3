import { describe, expect, it } from 'vitest';
import { attach, awsPolicy, group, options, role, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import { supportRole } from './support-role.js';

const SUPPORT = attach(awsPolicy('AWSSupportAccess'));

describe('support-role', () => {
  it('passes when a role has AWSSupportAccess', () => {
    const out = supportRole.evaluate(snapshot({ iam: { roles: [role('other'), role('AWSSupport', { attachedPolicies: [SUPPORT] })] } }), options());
    expect(out).toEqual([{ status: 'PASS', resource: 'arn:aws:::123456789012', message: 'AWSSupportAccess is attached to role AWSSupport' }]);
  });

  it('fails when no role has it, and says where it is attached instead', () => {
    expect(supportRole.evaluate(snapshot(), options())[0]).toMatchObject({ status: 'FAIL', message: 'no role has AWSSupportAccess' });
    const onGroup = snapshot({ iam: { groups: [group('Support', { attachedPolicies: [SUPPORT] })] } });
    expect(supportRole.evaluate(onGroup, options())[0]?.message).toBe('no role has AWSSupportAccess (it is attached to group Support, which is not a role)');
  });

  it('is UNKNOWN without authorization details', () => {
    const s = withoutSection(snapshot(), 'roles', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(supportRole.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetAccountAuthorizationDetails failed (AccessDenied') });
  });
});
