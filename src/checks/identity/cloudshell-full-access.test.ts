import { describe, expect, it } from 'vitest';
import { attach, awsPolicy, group, options, role, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { cloudshellFullAccess } from './cloudshell-full-access.js';

const CLOUDSHELL = awsPolicy('AWSCloudShellFullAccess');

describe('cloudshell-full-access', () => {
  it('passes when attached to nothing', () => {
    const s = snapshot({ iam: { users: [user('a')], policies: [{ ...CLOUDSHELL, attachmentCount: 0 }] } });
    expect(cloudshellFullAccess.evaluate(s, options())).toEqual([{ status: 'PASS', resource: 'arn:aws:::123456789012', message: 'AWSCloudShellFullAccess is attached to no user, group or role' }]);
  });

  it('fails naming every principal, with a detach command for each', () => {
    const s = snapshot({
      iam: { users: [user('a', { attachedPolicies: [attach(CLOUDSHELL)] })], groups: [group('Devs', { attachedPolicies: [attach(CLOUDSHELL)] })], roles: [role('r', { attachedPolicies: [attach(CLOUDSHELL)] })] },
    });
    const [r] = cloudshellFullAccess.evaluate(s, options());
    expect(r).toMatchObject({ status: 'FAIL', message: 'AWSCloudShellFullAccess is attached to user a, group Devs, role r' });
    expect(r?.remediation?.cli).toEqual([
      'aws iam detach-user-policy --user-name a --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      'aws iam detach-group-policy --group-name Devs --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      'aws iam detach-role-policy --role-name r --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
    ]);
  });

  it('fails on the attachment count alone', () => {
    const s = snapshot({ iam: { policies: [{ ...CLOUDSHELL, attachmentCount: 2 }] } });
    expect(cloudshellFullAccess.evaluate(s, options())[0]).toMatchObject({ status: 'FAIL', message: expect.stringContaining('has 2 attachments') });
  });

  it('is UNKNOWN without authorization details', () => {
    const s = withoutSection(snapshot(), 'users', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(cloudshellFullAccess.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetAccountAuthorizationDetails failed (AccessDenied') });
  });
});
