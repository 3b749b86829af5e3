import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block.js';

const run = (s: AccountSnapshot) => {
  const outcomes = s3AccountPublicAccessBlock.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const FIX = `aws s3control put-public-access-block --account-id ${ACCOUNT} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`;

describe('s3-account-public-access-block', () => {
  it('passes with all four settings on', () => {
    expect(run(snapshot({ s3AccountPublicAccessBlock: ALL_ON }))).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: 'account-level S3 public access block has all four settings on (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets)',
    });
  });

  it('fails when none is set, with the account filled in the fix', () => {
    const o = run(snapshot({ s3AccountPublicAccessBlock: null }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'no account-level S3 public access block is set' });
    expect(o.remediation?.cli).toContain(FIX);
  });

  it('fails naming the settings that are off', () => {
    const o = run(snapshot({ s3AccountPublicAccessBlock: { ...ALL_ON, blockPublicPolicy: false, restrictPublicBuckets: false } }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'account-level S3 public access block is off for: BlockPublicPolicy, RestrictPublicBuckets' });
    expect(run(snapshot({ s3AccountPublicAccessBlock: { ...ALL_ON, ignorePublicAcls: false } })).message).toContain(': IgnorePublicAcls');
  });

  it('is UNKNOWN naming GetPublicAccessBlock when it could not be read', () => {
    const o = run(withFailedCall(snapshot(), { service: 's3control', operation: 'GetPublicAccessBlock' }));
    expect(o).toMatchObject({ status: 'UNKNOWN', message: 'could not evaluate: s3control:GetPublicAccessBlock failed (AccessDenied: User is not authorized)' });
  });
});
