import { describe, expect, it } from 'vitest';
import { snapshot, user } from '../../../test/fixtures/snapshot.js';
import { snapshotSchema } from '../../inventory/snapshot.js';
import { indexSnapshot, lookup } from './snapshot-index.js';

const kmsKey = { id: '1234abcd-12ab-34cd-56ef-1234567890ab', arn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', manager: 'CUSTOMER', spec: 'SYMMETRIC_DEFAULT', state: 'Enabled', rotationEnabled: true };
const trail = {
  name: 'org-trail', arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail', homeRegion: 'us-east-1', isMultiRegion: true, isOrganizationTrail: false,
  s3BucketName: 'logs', s3KeyPrefix: null, kmsKeyId: null, logFileValidation: true, cloudWatchLogsLogGroupArn: null, cloudWatchLogsRoleArn: null, isLogging: true, eventSelectors: null,
};
const s = snapshotSchema.parse({ ...snapshot({ iam: { users: [user('alice')] } }), logging: { trails: [trail] }, regional: { 'eu-west-1': { kmsKeys: [kmsKey] } } });
const index = indexSnapshot(s);

describe('snapshot index', () => {
  it('knows users, trails and KMS keys of the regions collected', () => {
    expect(lookup(index, 'arn:aws:iam::123456789012:user/alicee')).toEqual({ kind: 'IAM user', name: 'alicee', known: ['alice'] });
    expect(lookup(index, 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trial')).toMatchObject({ kind: 'cloudtrail trail', known: ['org-trail'] });
    expect(lookup(index, 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ac')).toMatchObject({ kind: 'KMS key in eu-west-1', known: [kmsKey.id] });
  });

  it('cannot judge wildcards, variables, other accounts, regions not collected, or kinds it does not list', () => {
    for (const arn of [
      'arn:aws:iam::123456789012:user/*',
      'arn:aws:iam::123456789012:user/${aws:username}',
      'arn:aws:iam::210987654321:user/bob',
      'arn:aws:kms:us-west-2:123456789012:key/x',
      'arn:aws:kms:eu-west-1:123456789012:alias/x',
      'arn:aws:s3:::bucket',
      'arn:aws:dynamodb:us-east-1:123456789012:table/user-session-prod',
    ])
      expect(lookup(index, arn), arn).toBeUndefined();
  });
});
