import { describe, expect, it } from 'vitest';
import { adminDoc, attach, awsPolicy, customerPolicy, group, options, role, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { adminUserExists } from './admin-user-exists.js';

const run = (s: ReturnType<typeof snapshot>) => adminUserExists.evaluate(s, options());
const ADMIN = awsPolicy('AdministratorAccess');
const IAM_FULL = awsPolicy('IAMFullAccess');

describe('admin-user-exists', () => {
  it('passes with a user in an administrators group (seed 003/004) and names it', () => {
    const [r, ...rest] = run(snapshot({ iam: { users: [user('iamadmin', { groups: ['Admins'] })], groups: [group('Admins', { attachedPolicies: [attach(ADMIN)] })], policies: [ADMIN] } }));
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ status: 'PASS', resource: 'arn:aws:::123456789012' });
    expect(r?.message).toBe('administrators for daily use: user iamadmin (AdministratorAccess via group Admins)');
  });

  it('passes with IAMFullAccess attached to the user (seed 001)', () => {
    const [r] = run(snapshot({ iam: { users: [user('iam-admin', { attachedPolicies: [attach(IAM_FULL)] })] } }));
    expect(r).toMatchObject({ status: 'PASS', message: expect.stringContaining('user iam-admin (IAMFullAccess)') });
  });

  it('passes with an inline "*" on "*" policy', () => {
    const [r] = run(snapshot({ iam: { users: [user('ops', { inlinePolicies: [{ name: 'all', document: adminDoc }] })] } }));
    expect(r).toMatchObject({ status: 'PASS', message: expect.stringContaining('user ops (inline policy all)') });
  });

  it('passes with an IAM Identity Center administrator role', () => {
    const sso = role('AWSReservedSSO_AdministratorAccess_0123456789abcdef', { path: '/aws-reserved/sso.amazonaws.com/eu-west-1/' });
    const custom = role('AWSReservedSSO_Platform_0123', { path: '/aws-reserved/sso.amazonaws.com/', attachedPolicies: [attach(ADMIN)] });
    const [r] = run(snapshot({ iam: { roles: [sso, custom] } }));
    expect(r?.status).toBe('PASS');
    expect(r?.message).toContain(`Identity Center role ${sso.name}`);
    expect(r?.message).toContain(`Identity Center role ${custom.name}`);
  });

  it('fails with only root (a fresh account)', () => {
    const [r] = run(snapshot());
    expect(r).toMatchObject({ status: 'FAIL', message: expect.stringContaining('only root can administer') });
  });

  it('fails with non-admin users, a non-SSO admin role, and an admin group without members, and names the group', () => {
    const s = snapshot({
      iam: {
        users: [user('dev', { attachedPolicies: [attach(awsPolicy('ReadOnlyAccess'))] })],
        groups: [group('Admins', { attachedPolicies: [attach(ADMIN)] })],
        roles: [role('deploy', { attachedPolicies: [attach(ADMIN)] }), role('AWSReservedSSO_ReadOnly_1', { path: '/aws-reserved/sso.amazonaws.com/' })],
        policies: [ADMIN, customerPolicy('narrow', { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })],
      },
    });
    const [r] = run(s);
    expect(r?.status).toBe('FAIL');
    expect(r?.message).toContain('administrative group Admins has no members');
  });

  it('is UNKNOWN when authorization details could not be read', () => {
    const s = withoutSection(snapshot(), 'users', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    const [r] = run(s);
    expect(r).toMatchObject({ status: 'UNKNOWN', resource: 'arn:aws:::123456789012' });
    expect(r?.message).toContain('iam:GetAccountAuthorizationDetails failed (AccessDenied');
  });
});
