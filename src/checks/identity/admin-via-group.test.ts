import { describe, expect, it } from 'vitest';
import { adminDoc, attach, awsPolicy, group, options, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { adminViaGroup } from './admin-via-group.js';

const ADMIN = awsPolicy('AdministratorAccess');
const admins = group('Admins', { attachedPolicies: [attach(ADMIN)] });
const run = (users: ReturnType<typeof user>[]) => adminViaGroup.evaluate(snapshot({ iam: { users, groups: [admins], policies: [ADMIN] } }), options());

describe('admin-via-group', () => {
  it('passes an administrator through a group', () => {
    expect(run([user('iamadmin', { groups: ['Admins'] })])).toEqual([
      { status: 'PASS', resource: 'arn:aws:iam::123456789012:user/iamadmin', message: 'user iamadmin is an administrator through AdministratorAccess via group Admins' },
    ]);
  });

  it('fails AdministratorAccess attached to the user (seed 002), with the detach command filled in', () => {
    const [r] = run([user('anurag-admin', { attachedPolicies: [attach(ADMIN)] })]);
    expect(r).toMatchObject({ status: 'FAIL', message: 'user anurag-admin has administrator permissions attached directly: AdministratorAccess' });
    expect(r?.remediation?.cli).toContain('aws iam detach-user-policy --user-name anurag-admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
    expect(r?.remediation?.cli[0]).toBe('aws iam add-user-to-group --group-name <group> --user-name anurag-admin');
  });

  it('fails an inline "*" policy even when a group also grants admin', () => {
    const [r] = run([user('ops', { groups: ['Admins'], inlinePolicies: [{ name: 'all', document: adminDoc }] })]);
    expect(r).toMatchObject({ status: 'FAIL', message: expect.stringContaining('inline policy all') });
    expect(r?.remediation?.cli).toContain('aws iam delete-user-policy --user-name ops --policy-name all');
  });

  it('gives no result for non-administrators, and NOT_APPLICABLE when there is no administrator', () => {
    const out = run([user('dev', { attachedPolicies: [attach(awsPolicy('ReadOnlyAccess'))] })]);
    expect(out).toEqual([{ status: 'NOT_APPLICABLE', resource: 'arn:aws:::123456789012', message: 'no IAM user has administrator permissions' }]);
  });

  it('gives one result per administrator', () => {
    const out = run([user('a', { groups: ['Admins'] }), user('b', { attachedPolicies: [attach(ADMIN)] }), user('c')]);
    expect(out.map((o) => o.status)).toEqual(['PASS', 'FAIL']);
  });

  it('is UNKNOWN without authorization details', () => {
    const [r] = adminViaGroup.evaluate(withoutSection(snapshot(), 'groups', { service: 'iam', operation: 'GetAccountAuthorizationDetails', code: 'Throttling' }), options());
    expect(r).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetAccountAuthorizationDetails failed (Throttling') });
  });
});
