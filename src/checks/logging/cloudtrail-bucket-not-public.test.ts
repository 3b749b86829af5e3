import { describe, expect, it } from 'vitest';
import { ACCOUNT, ALL_USERS, TRAIL_BUCKET, cloudTrail, loggingSnapshot, options, snapshot, trailBucket, withError } from '../../../test/fixtures/snapshot.js';
import { cloudtrailBucketNotPublic } from './cloudtrail-bucket-not-public.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailBucketNotPublic.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const BUCKET_ARN = `arn:aws:s3:::${TRAIL_BUCKET}`;
const publicPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET_ARN}/*` }] };

describe('cloudtrail-bucket-not-public', () => {
  it('passes a private bucket, saying where the public access block is on', () => {
    expect(run(loggingSnapshot())).toEqual({
      status: 'PASS',
      resource: BUCKET_ARN,
      message: `bucket ${TRAIL_BUCKET} of trail management-events is not public: no policy statement or ACL grant lets anyone in; all four public access block settings on (bucket and account)`,
    });
  });

  it('passes a private bucket without any public access block, and says so', () => {
    const o = run(loggingSnapshot({ s3AccountPublicAccessBlock: null, buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { publicAccessBlock: null }) } }));
    expect(o.status).toBe('PASS');
    expect(o.message).toContain('no public access block has all four settings on');
  });

  it('fails a bucket public through its policy, naming the statement, with the commands for that bucket', () => {
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: null, buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { publicAccessBlock: null, policy: publicPolicy }) } });
    const o = run(s);
    expect(o).toMatchObject({ status: 'FAIL', resource: BUCKET_ARN });
    expect(o.message).toBe(`bucket ${TRAIL_BUCKET} of trail management-events is public: the policy lets anyone in through statement "PublicRead" (s3:GetObject); no public access block (bucket or account) stops it`);
    expect(o.remediation?.cli[0]).toContain(`aws s3api put-public-access-block --bucket ${TRAIL_BUCKET}`);
  });

  it('fails a bucket public through its ACL', () => {
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: null, buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { publicAccessBlock: null, aclGrants: [{ grantee: ALL_USERS, permission: 'READ' }] }) } });
    expect(run(s).message).toContain('the ACL grants READ to AllUsers');
  });

  it('passes a broad policy that the public access block neutralises, and explains it', () => {
    const s = loggingSnapshot({ buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { publicAccessBlock: null, policy: publicPolicy }) } });
    const o = run(s);
    expect(o.status).toBe('PASS');
    expect(o.message).toContain('statement "PublicRead" (s3:GetObject) is overridden by the public access block (account restrictPublicBuckets)');
  });

  it('passes Principal "*" restricted by aws:SourceArn (the CloudTrail console pattern with a wildcard principal)', () => {
    const policy = { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:PutObject', Resource: `${BUCKET_ARN}/*`, Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events' } } }] };
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: null, buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { publicAccessBlock: null, policy }) } });
    expect(run(s).status).toBe('PASS');
  });

  it('fails when any qualifying trail writes to a public bucket, even if another is private', () => {
    const s = loggingSnapshot({
      s3AccountPublicAccessBlock: null,
      trails: [cloudTrail('a'), cloudTrail('b', { s3BucketName: 'leaky' })],
      buckets: { [TRAIL_BUCKET]: trailBucket(), leaky: trailBucket('leaky', { publicAccessBlock: null, policy: publicPolicy }) },
    });
    expect(run(s)).toMatchObject({ status: 'FAIL', resource: 'arn:aws:s3:::leaky', message: expect.stringContaining('bucket leaky of trail b is public') });
  });

  it('is UNKNOWN for a bucket that was not collected (another account), naming the calls', () => {
    const s = withError(loggingSnapshot({ buckets: {} }), { service: 's3', operation: 'GetBucketPolicy', region: 'us-east-1' });
    const o = run(s);
    expect(o).toMatchObject({ status: 'UNKNOWN', resource: BUCKET_ARN });
    expect(o.message).toContain(`bucket ${TRAIL_BUCKET} of trail management-events was not collected`);
    expect(o.message).toContain('s3:GetBucketPolicy failed (AccessDenied');
  });

  it('is UNKNOWN when the ACL is missing and nothing blocks public ACLs', () => {
    const s = withError(loggingSnapshot({ s3AccountPublicAccessBlock: null, buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { publicAccessBlock: null, aclGrants: undefined }) } }), { service: 's3', operation: 'GetBucketAcl' });
    expect(run(s)).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('s3:GetBucketAcl failed') });
  });

  it('is UNKNOWN when the buckets are private but no trail is known to qualify', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('main', { isLogging: null })] }));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('no trail is known to qualify (trail main: cloudtrail:GetTrailStatus not collected in us-east-1)');
  });

  it('fails "see cloudtrail-multi-region" without a qualifying trail, UNKNOWN without logging data', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail('x', { isMultiRegion: false })] }))).toMatchObject({ status: 'FAIL', resource: `arn:aws:::${ACCOUNT}` });
    expect(run(snapshot()).status).toBe('UNKNOWN');
  });
});
