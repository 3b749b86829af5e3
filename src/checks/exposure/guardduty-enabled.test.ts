import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, regionalSnapshot, securedRegion, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { guarddutyEnabled } from './guardduty-enabled.js';

const run = (s: AccountSnapshot) => guarddutyEnabled.evaluate(s, options());
const two = (euWest1: Partial<AccountSnapshot['regional'][string]>) =>
  regionalSnapshot({ 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1', euWest1) });

describe('guardduty-enabled', () => {
  it('passes per region with an ENABLED detector', () => {
    expect(run(two({}))).toEqual([
      { status: 'PASS', resource: 'us-east-1', message: 'GuardDuty detector gd-us-east-1 is ENABLED in us-east-1' },
      { status: 'PASS', resource: 'eu-west-1', message: 'GuardDuty detector gd-eu-west-1 is ENABLED in eu-west-1' },
    ]);
  });

  it('fails in a region without a detector', () => {
    const [, eu] = run(two({ guardDutyDetectors: [] }));
    expect(eu).toMatchObject({ status: 'FAIL', resource: 'eu-west-1', message: 'GuardDuty has no detector in eu-west-1' });
    expect(eu!.remediation?.cli[0]).toBe('aws guardduty create-detector --enable --region eu-west-1');
  });

  it('fails on a suspended (DISABLED) detector, with its id in the fix', () => {
    const [, eu] = run(two({ guardDutyDetectors: [{ id: 'abc123', status: 'DISABLED' }] }));
    expect(eu).toMatchObject({ status: 'FAIL', message: 'GuardDuty is not enabled in eu-west-1 (detector abc123 is DISABLED)' });
    expect(eu!.remediation?.cli.join('\n')).toContain('aws guardduty update-detector --detector-id abc123 --enable --region eu-west-1');
  });

  it('is UNKNOWN only in the region where ListDetectors was denied', () => {
    const s = withFailedCall(two({ guardDutyDetectors: undefined }), { service: 'guardduty', operation: 'ListDetectors', region: 'eu-west-1' });
    const [us, eu] = run(s);
    expect(us!.status).toBe('PASS');
    expect(eu).toEqual({ status: 'UNKNOWN', resource: 'eu-west-1', message: 'could not evaluate: guardduty:ListDetectors failed in eu-west-1 (AccessDenied: User is not authorized)' });
  });

  it('is UNKNOWN, not FAIL, when a detector\'s status could not be read in that region', () => {
    const s = withFailedCall(two({ guardDutyDetectors: [{ id: 'abc123', status: 'UNKNOWN' }] }), { service: 'guardduty', operation: 'GetDetector', region: 'eu-west-1' });
    expect(run(s)[1]).toMatchObject({ status: 'UNKNOWN', message: 'could not evaluate: guardduty:GetDetector failed in eu-west-1 (AccessDenied: User is not authorized)' });
    // The same error in another region leaves this one's verdict alone.
    const elsewhere = withFailedCall(two({ guardDutyDetectors: [{ id: 'abc123', status: 'DISABLED' }] }), { service: 'guardduty', operation: 'GetDetector', region: 'us-east-1' });
    expect(run(elsewhere)[1]!.status).toBe('FAIL');
  });

  it('audits only the audited regions', () => {
    const s = snapshot({
      regions: { enabled: ['us-east-1', 'eu-west-1'], notEnabled: ['af-south-1'], audited: ['eu-west-1'] },
      regional: { 'eu-west-1': securedRegion('eu-west-1') },
    });
    expect(run(s).map((o) => o.resource)).toEqual(['eu-west-1']);
  });

  it('is one UNKNOWN when the regions were not collected', () => {
    expect(run(snapshot())).toEqual([{ status: 'UNKNOWN', resource: `arn:aws:::${ACCOUNT}`, message: 'could not evaluate: regions were not collected' }]);
  });
});
