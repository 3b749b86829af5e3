import { describe, expect, it } from 'vitest';
import { ACCOUNT, LOGGING_REGIONS, kmsKey, loggingRegionFacts, loggingSnapshot, options, snapshot, withError } from '../../../test/fixtures/snapshot.js';
import type { KmsKey } from '../../inventory/schema/regional.js';
import { kmsKeyRotation } from './kms-key-rotation.js';

const run = (s: ReturnType<typeof snapshot>) => kmsKeyRotation.evaluate(s, options());
const withKeys = (byRegion: Record<string, KmsKey[] | undefined>) =>
  loggingSnapshot({ regional: Object.fromEntries(LOGGING_REGIONS.map((r) => [r, loggingRegionFacts(r, { kmsKeys: byRegion[r] })])) });

describe('kms-key-rotation', () => {
  it('gives one result per enabled customer-managed symmetric key, resource its ARN', () => {
    const out = run(withKeys({ 'us-east-1': [kmsKey('a'), kmsKey('b', { rotationEnabled: false })], 'eu-west-1': [kmsKey('c', { region: 'eu-west-1' })] }));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ status: 'PASS', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/a`, message: 'customer-managed key a in us-east-1 rotates automatically' });
    expect(out[1]).toMatchObject({ status: 'FAIL', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/b`, message: 'customer-managed key b in us-east-1 does not rotate' });
    expect(out[1]!.remediation?.cli[0]).toBe('aws kms enable-key-rotation --key-id b --region us-east-1');
    expect(out[2]).toMatchObject({ status: 'PASS', resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/c` });
  });

  it('skips AWS-managed, asymmetric, HMAC, disabled and pending-deletion keys', () => {
    const keys = [
      kmsKey('aws', { manager: 'AWS', rotationEnabled: null }),
      kmsKey('rsa', { spec: 'RSA_2048', rotationEnabled: null }),
      kmsKey('hmac', { spec: 'HMAC_256', rotationEnabled: null }),
      kmsKey('off', { state: 'Disabled', rotationEnabled: false }),
      kmsKey('gone', { state: 'PendingDeletion', rotationEnabled: false }),
    ];
    expect(run(withKeys({ 'us-east-1': keys, 'eu-west-1': [] }))).toEqual([
      { status: 'NOT_APPLICABLE', resource: `arn:aws:::${ACCOUNT}`, message: 'no enabled customer-managed symmetric KMS key in the 2 audited regions' },
    ]);
  });

  it('is UNKNOWN for a key whose rotation status failed, naming the call and region', () => {
    const s = withError(withKeys({ 'us-east-1': [kmsKey('a', { rotationEnabled: null })], 'eu-west-1': [] }), { service: 'kms', operation: 'GetKeyRotationStatus', region: 'us-east-1' });
    expect(run(s)).toEqual([
      { status: 'UNKNOWN', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/a`, message: 'could not evaluate: kms:GetKeyRotationStatus failed in us-east-1 (AccessDenied: User is not authorized)' },
    ]);
  });

  it('is UNKNOWN once per region for keys DescribeKey could not describe', () => {
    const blind = (id: string) => kmsKey(id, { manager: 'UNKNOWN', spec: 'UNKNOWN', state: 'UNKNOWN', rotationEnabled: null, region: 'eu-west-1' });
    const s = withError(withKeys({ 'us-east-1': [kmsKey('a')], 'eu-west-1': [blind('x'), blind('y')] }), { service: 'kms', operation: 'DescribeKey', region: 'eu-west-1' });
    const out = run(s);
    expect(out.map((o) => [o.status, o.resource])).toEqual([
      ['PASS', `arn:aws:kms:us-east-1:${ACCOUNT}:key/a`],
      ['UNKNOWN', 'eu-west-1'],
    ]);
    expect(out[1]!.message).toBe('could not evaluate: kms:DescribeKey failed in eu-west-1 (AccessDenied: User is not authorized); 2 keys in eu-west-1 may be customer-managed and unrotated');
  });

  it('is UNKNOWN for a region whose ListKeys failed, and only that region', () => {
    const s = withError(withKeys({ 'us-east-1': [kmsKey('a')], 'eu-west-1': undefined }), { service: 'kms', operation: 'ListKeys', region: 'eu-west-1' });
    const out = run(s);
    expect(out[1]).toEqual({ status: 'UNKNOWN', resource: 'eu-west-1', message: 'could not evaluate: kms:ListKeys failed in eu-west-1 (AccessDenied: User is not authorized)' });
    expect(out).toHaveLength(2);
  });

  it('is UNKNOWN "not collected" without regions', () => {
    expect(run(snapshot())).toEqual([{ status: 'UNKNOWN', resource: `arn:aws:::${ACCOUNT}`, message: 'could not evaluate: regions were not collected (the snapshot covers the identity areas only)' }]);
    expect(run(withError(snapshot(), { service: 'ec2', operation: 'DescribeRegions' }))[0]!.message).toContain('ec2:DescribeRegions failed (AccessDenied');
  });
});
