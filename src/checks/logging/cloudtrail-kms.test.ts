import { describe, expect, it } from 'vitest';
import { ACCOUNT, TRAIL_KEY_ARN, cloudTrail, kmsKey, loggingRegionFacts, loggingSnapshot, options, snapshot } from '../../../test/fixtures/snapshot.js';
import { cloudtrailKms } from './cloudtrail-kms.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailKms.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const KEY_ID = TRAIL_KEY_ARN.split('/')[1]!;

describe('cloudtrail-kms', () => {
  it('passes a qualifying trail encrypted with a KMS key, naming the key', () => {
    expect(run(loggingSnapshot())).toMatchObject({ status: 'PASS', message: `trail management-events encrypts its log files with KMS key ${TRAIL_KEY_ARN}` });
  });

  it('fails a qualifying trail with SSE-S3 only', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('main', { kmsKeyId: null, homeRegion: 'eu-west-1' })] }));
    expect(o).toMatchObject({ status: 'FAIL', resource: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/main`, message: 'trail main does not encrypt its log files with a KMS key (SSE-S3 only)' });
    expect(o.remediation?.cli).toContain('aws cloudtrail update-trail --name main --kms-key-id <key-arn> --region eu-west-1');
  });

  it('fails when the key is known to be disabled: delivery stops', () => {
    const regional = { 'us-east-1': loggingRegionFacts('us-east-1', { kmsKeys: [kmsKey(KEY_ID, { state: 'Disabled' })] }), 'eu-west-1': loggingRegionFacts('eu-west-1') };
    const o = run(loggingSnapshot({ regional }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('which is Disabled: CloudTrail cannot deliver log files');
    expect(o.remediation?.cli[0]).toBe(`aws kms enable-key --key-id ${KEY_ID} --region us-east-1`);
  });

  it('passes when the key is not in the snapshot (another account\'s key, or ListKeys denied): the trail has one', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail('main', { kmsKeyId: 'arn:aws:kms:us-east-1:999999999999:key/abc' })] })).status).toBe('PASS');
  });

  it('judges only qualifying trails and fails "see cloudtrail-multi-region" without one', () => {
    const trails = [cloudTrail('main', { kmsKeyId: null }), cloudTrail('local', { isMultiRegion: false })];
    expect(run(loggingSnapshot({ trails })).status).toBe('FAIL');
    expect(run(loggingSnapshot({ trails: [] })).message).toContain('see cloudtrail-multi-region');
  });

  it('is UNKNOWN on an identity-only snapshot', () => {
    expect(run(snapshot()).status).toBe('UNKNOWN');
  });
});
