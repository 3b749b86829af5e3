import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, regionalSnapshot, securedRegion, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { securityhubEnabled } from './securityhub-enabled.js';

const run = (s: AccountSnapshot) => securityhubEnabled.evaluate(s, options());
const two = (euWest1: Partial<AccountSnapshot['regional'][string]>) =>
  regionalSnapshot({ 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1', euWest1) });

describe('securityhub-enabled', () => {
  it('passes per region where the hub is enabled', () => {
    expect(run(two({}))[0]).toEqual({
      status: 'PASS',
      resource: 'us-east-1',
      message: `Security Hub is enabled in us-east-1 (arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default)`,
    });
  });

  it('fails in a region where it is not enabled, with the region in the fix', () => {
    const [us, eu] = run(two({ securityHub: null }));
    expect(us!.status).toBe('PASS');
    expect(eu).toMatchObject({ status: 'FAIL', resource: 'eu-west-1', message: 'Security Hub is not enabled in eu-west-1' });
    expect(eu!.remediation?.cli[0]).toContain('aws securityhub enable-security-hub');
    expect(eu!.remediation?.cli[0]).toContain('--region eu-west-1');
  });

  it('is UNKNOWN only in the region where DescribeHub was denied', () => {
    const s = withFailedCall(two({ securityHub: undefined }), { service: 'securityhub', operation: 'DescribeHub', region: 'eu-west-1' });
    expect(run(s).map((o) => o.status)).toEqual(['PASS', 'UNKNOWN']);
    expect(run(s)[1]!.message).toBe('could not evaluate: securityhub:DescribeHub failed in eu-west-1 (AccessDenied: User is not authorized)');
  });

  it('is one UNKNOWN when the regions were not collected', () => {
    expect(run(snapshot())).toHaveLength(1);
    expect(run(snapshot())[0]!.status).toBe('UNKNOWN');
  });
});
