import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, regionalSnapshot, securedRegion, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accessAnalyzer } from './access-analyzer.js';

const run = (s: AccountSnapshot) => accessAnalyzer.evaluate(s, options());
const analyzer = (region: string, name: string, type: string, status: string) => ({
  arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/${name}`,
  name,
  type,
  status,
});

describe('access-analyzer', () => {
  it('gives one result per audited region, the region as resource', () => {
    const outcomes = run(regionalSnapshot({ 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1') }));
    expect(outcomes).toEqual([
      { status: 'PASS', resource: 'us-east-1', message: 'access analyzer account (ACCOUNT) is ACTIVE in us-east-1' },
      { status: 'PASS', resource: 'eu-west-1', message: 'access analyzer account (ACCOUNT) is ACTIVE in eu-west-1' },
    ]);
  });

  it('fails in a region without an analyzer, with the region filled in the fix', () => {
    const [ok, missing] = run(regionalSnapshot({ 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1', { accessAnalyzers: [] }) }));
    expect(ok!.status).toBe('PASS');
    expect(missing).toMatchObject({ status: 'FAIL', resource: 'eu-west-1', message: 'no IAM Access Analyzer for external access in eu-west-1' });
    expect(missing!.remediation?.cli).toContain('aws accessanalyzer create-analyzer --analyzer-name account --type ACCOUNT --region eu-west-1');
  });

  it('counts an ORGANIZATION analyzer, but not one that is not ACTIVE', () => {
    expect(run(regionalSnapshot({ 'us-east-1': { accessAnalyzers: [analyzer('us-east-1', 'org', 'ORGANIZATION', 'ACTIVE')] } }))[0]!.status).toBe('PASS');
    expect(run(regionalSnapshot({ 'us-east-1': { accessAnalyzers: [analyzer('us-east-1', 'acct', 'ACCOUNT', 'FAILED')] } }))[0]).toMatchObject({
      status: 'FAIL',
      message: 'no ACTIVE external-access analyzer in us-east-1 (acct is FAILED)',
    });
  });

  it('does not count an unused-access analyzer alone, and says why', () => {
    const unused = analyzer('us-east-1', 'unused', 'ACCOUNT_UNUSED_ACCESS', 'ACTIVE');
    expect(run(regionalSnapshot({ 'us-east-1': { accessAnalyzers: [unused] } }))[0]!.message).toBe(
      'no IAM Access Analyzer for external access in us-east-1 (only unused of type ACCOUNT_UNUSED_ACCESS, which do not report external access)',
    );
  });

  it('is UNKNOWN only in the region where ListAnalyzers was denied', () => {
    const s = withFailedCall(
      regionalSnapshot({ 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1', { accessAnalyzers: undefined }) }),
      { service: 'access-analyzer', operation: 'ListAnalyzers', region: 'eu-west-1' },
    );
    expect(run(s)).toEqual([
      { status: 'PASS', resource: 'us-east-1', message: 'access analyzer account (ACCOUNT) is ACTIVE in us-east-1' },
      { status: 'UNKNOWN', resource: 'eu-west-1', message: 'could not evaluate: access-analyzer:ListAnalyzers failed in eu-west-1 (AccessDenied: User is not authorized)' },
    ]);
  });

  it('says a region was not collected when it has no facts and no error', () => {
    const s = snapshot({ regions: { enabled: ['ap-south-1'], notEnabled: [], audited: ['ap-south-1'] } });
    expect(run(s)).toEqual([{ status: 'UNKNOWN', resource: 'ap-south-1', message: 'could not evaluate: access-analyzer:ListAnalyzers not collected in ap-south-1' }]);
  });

  it('is one UNKNOWN when the regions were not collected', () => {
    expect(run(snapshot())).toEqual([{ status: 'UNKNOWN', resource: `arn:aws:::${ACCOUNT}`, message: 'could not evaluate: regions were not collected' }]);
    const denied = withFailedCall(snapshot(), { service: 'ec2', operation: 'DescribeRegions' });
    expect(run(denied)[0]!.message).toBe('could not evaluate: regions were not collected (ec2:DescribeRegions failed: AccessDenied: User is not authorized)');
  });
});
