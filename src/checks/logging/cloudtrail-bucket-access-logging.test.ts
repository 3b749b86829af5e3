import { describe, expect, it } from 'vitest';
import { ACCESS_LOG_BUCKET, TRAIL_BUCKET, cloudTrail, loggingSnapshot, options, snapshot, trailBucket, withError } from '../../../test/fixtures/snapshot.js';
import { cloudtrailBucketAccessLogging } from './cloudtrail-bucket-access-logging.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailBucketAccessLogging.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const BUCKET_ARN = `arn:aws:s3:::${TRAIL_BUCKET}`;

describe('cloudtrail-bucket-access-logging', () => {
  it('passes when the trail bucket logs access, naming the target', () => {
    expect(run(loggingSnapshot())).toEqual({
      status: 'PASS',
      resource: BUCKET_ARN,
      message: `bucket ${TRAIL_BUCKET} of trail management-events logs access to s3://${ACCESS_LOG_BUCKET}/${TRAIL_BUCKET}/`,
    });
  });

  it('fails when access logging is off, with the command for that bucket', () => {
    const o = run(loggingSnapshot({ buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { accessLogging: null }) } }));
    expect(o).toMatchObject({ status: 'FAIL', resource: BUCKET_ARN, message: `bucket ${TRAIL_BUCKET} of trail management-events has no server access logging` });
    expect(o.remediation?.cli[0]).toContain(`aws s3api put-bucket-logging --bucket ${TRAIL_BUCKET}`);
  });

  it('passes when one of two qualifying trails has a logged bucket', () => {
    const s = loggingSnapshot({
      trails: [cloudTrail('a', { s3BucketName: 'unlogged' }), cloudTrail('b')],
      buckets: { unlogged: trailBucket('unlogged', { accessLogging: null }), [TRAIL_BUCKET]: trailBucket() },
    });
    expect(run(s).status).toBe('PASS');
  });

  it('does not count the bucket of a trail that does not qualify', () => {
    const s = loggingSnapshot({
      trails: [cloudTrail('a', { s3BucketName: 'unlogged' }), cloudTrail('single', { isMultiRegion: false })],
      buckets: { unlogged: trailBucket('unlogged', { accessLogging: null }), [TRAIL_BUCKET]: trailBucket() },
    });
    expect(run(s)).toMatchObject({ status: 'FAIL', message: expect.stringContaining('bucket unlogged of trail a') });
  });

  it('notes a bucket that logs into itself', () => {
    const s = loggingSnapshot({ buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { accessLogging: { targetBucket: TRAIL_BUCKET, targetPrefix: 'access/' } }) } });
    expect(run(s)).toMatchObject({ status: 'PASS', message: expect.stringContaining('into itself') });
  });

  it('is UNKNOWN naming s3:GetBucketLogging when it failed, or when the bucket was not collected', () => {
    const failed = withError(loggingSnapshot({ buckets: { [TRAIL_BUCKET]: trailBucket(TRAIL_BUCKET, { accessLogging: undefined }) } }), { service: 's3', operation: 'GetBucketLogging', region: 'us-east-1' });
    expect(run(failed)).toMatchObject({ status: 'UNKNOWN', resource: BUCKET_ARN, message: expect.stringContaining('s3:GetBucketLogging failed (AccessDenied') });
    expect(run(loggingSnapshot({ buckets: {} })).message).toContain("not collected: another account's bucket?");
  });

  it('fails "see cloudtrail-multi-region" without a qualifying trail, UNKNOWN without logging data', () => {
    expect(run(loggingSnapshot({ trails: [] })).message).toContain('see cloudtrail-multi-region');
    expect(run(snapshot()).status).toBe('UNKNOWN');
  });
});
