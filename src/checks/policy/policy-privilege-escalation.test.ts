import { describe, expect, it } from 'vitest';
import { ADMIN_ARN, adminDoc, awsPolicy, customerPolicy, group, options, role, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { policyPrivilegeEscalation } from './policy-privilege-escalation.js';

const allow = (...actions: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });

describe('policy-privilege-escalation', () => {
  it('fails a user whose own and group policies combine into iam:PassRole + ec2:RunInstances', () => {
    const s = snapshot({
      iam: {
        users: [user('ops', { groups: ['launchers'], inlinePolicies: [{ name: 'pass', document: allow('iam:PassRole') }] })],
        groups: [group('launchers', { attachedPolicies: [{ name: 'Launch', arn: 'arn:aws:iam::123456789012:policy/Launch' }] })],
        policies: [customerPolicy('Launch', allow('ec2:RunInstances'))],
      },
    });
    const out = policyPrivilegeEscalation.evaluate(s, options());
    expect(out.map((o) => [o.status, o.resource])).toEqual([
      ['FAIL', 'arn:aws:iam::123456789012:user/ops'],
      ['PASS', 'arn:aws:iam::123456789012:group/launchers'],
    ]);
    expect(out[0]?.message).toBe('user ops is allowed iam:PassRole + ec2:RunInstances: it can start an instance with a privileged role and use its credentials');
  });

  it('expands wildcards: iam:Put* on a role is three paths', () => {
    const out = policyPrivilegeEscalation.evaluate(snapshot({ iam: { roles: [role('ci', { inlinePolicies: [{ name: 'iam', document: allow('iam:Put*') }] })] } }), options());
    expect(out[0]?.status).toBe('FAIL');
    expect(out[0]?.message).toContain('is allowed iam:PutUserPolicy');
    expect(out[0]?.message).toContain('and 2 more paths: iam:PutGroupPolicy, iam:PutRolePolicy');
  });

  it('passes administrators (escalation gives them nothing) and principals without a path', () => {
    const s = snapshot({
      iam: {
        users: [user('admin', { attachedPolicies: [{ name: 'AdministratorAccess', arn: ADMIN_ARN }] }), user('reader', { inlinePolicies: [{ name: 'r', document: allow('s3:GetObject', 'iam:Get*') }] })],
        policies: [awsPolicy('AdministratorAccess', adminDoc)],
      },
    });
    expect(policyPrivilegeEscalation.evaluate(s, options())).toEqual([
      { status: 'PASS', resource: 'arn:aws:iam::123456789012:user/admin', message: 'user admin is an administrator already: escalation gives it nothing more' },
      { status: 'PASS', resource: 'arn:aws:iam::123456789012:user/reader', message: 'user reader has no known privilege-escalation path' },
    ]);
  });

  it('is UNKNOWN without authorization details', () => {
    const s = withoutSection(snapshot(), 'users', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(policyPrivilegeEscalation.evaluate(s, options())[0]?.status).toBe('UNKNOWN');
  });
});
