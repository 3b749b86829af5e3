import { describe, expect, it } from 'vitest';
import { attach, awsPolicy, options, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { userPoliciesViaGroups } from './user-policies-via-groups.js';

const S3 = awsPolicy('AmazonS3FullAccess');

describe('user-policies-via-groups', () => {
  it('passes a user with permissions only from groups, fails one with attached and inline policies', () => {
    const s = snapshot({
      iam: {
        users: [user('dev', { groups: ['developers'] }), user('s3-uploader', { attachedPolicies: [attach(S3)], inlinePolicies: [{ name: 'extra', document: {} }] })],
        policies: [S3],
      },
    });
    const [ok, bad] = userPoliciesViaGroups.evaluate(s, options());
    expect(ok).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:user/dev', message: 'user dev has no policy attached directly' });
    expect(bad).toMatchObject({ status: 'FAIL', message: 'user s3-uploader has 2 policies attached directly: AmazonS3FullAccess, inline policy extra' });
    expect(bad?.remediation?.cli).toEqual([
      'aws iam attach-group-policy --group-name <group> --policy-arn <policy-arn>',
      'aws iam add-user-to-group --group-name <group> --user-name s3-uploader',
      'aws iam detach-user-policy --user-name s3-uploader --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess',
      'aws iam delete-user-policy --user-name s3-uploader --policy-name extra',
    ]);
  });

  it('is NOT_APPLICABLE with no IAM users', () => {
    expect(userPoliciesViaGroups.evaluate(snapshot(), options())).toEqual([{ status: 'NOT_APPLICABLE', resource: 'arn:aws:::123456789012', message: 'no IAM users' }]);
  });

  it('is UNKNOWN without authorization details', () => {
    const s = withoutSection(snapshot(), 'users', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(userPoliciesViaGroups.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetAccountAuthorizationDetails failed (AccessDenied') });
  });
});
