// Every exposure check: one outcome per audited region for the regional ones (one for the account otherwise), never a
// throw, and a region that answered nothing is UNKNOWN there and nowhere else.
import { describe, expect, it } from 'vitest';
import { options, regionalSnapshot, securedRegion, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { STATUSES } from '../types.js';
import { exposureChecks } from './index.js';

const REGIONAL = ['access-analyzer', 'guardduty-enabled', 'securityhub-enabled'];
const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

const odd: [string, AccountSnapshot][] = [
  ['an identity-only snapshot', snapshot()],
  ['regions without any facts', snapshot({ regions: { enabled: ['us-east-1', 'eu-west-1'], notEnabled: [], audited: ['us-east-1', 'eu-west-1'] } })],
  ['regions audited: none', snapshot({ regions: { enabled: ['us-east-1'], notEnabled: [], audited: [] } })],
  ['empty facts', regionalSnapshot({ 'us-east-1': { accessAnalyzers: [], guardDutyDetectors: [], securityHub: null } }, { s3AccountPublicAccessBlock: null })],
];

describe('exposure checks', () => {
  it('are registered in the order of CHECKS.md', () => {
    expect(exposureChecks.map((c) => c.id)).toEqual(['s3-account-public-access-block', 'access-analyzer', 'guardduty-enabled', 'securityhub-enabled']);
    expect(new Set(exposureChecks.map((c) => c.area))).toEqual(new Set(['exposure']));
  });

  it.each(odd)('never throw and give one-line outcomes on: %s', (_name, s) => {
    for (const check of exposureChecks) {
      const outcomes = check.evaluate(s, options());
      expect(outcomes.length, check.id).toBeGreaterThan(0);
      for (const o of outcomes) {
        expect(STATUSES).toContain(o.status);
        expect(o.message, check.id).not.toMatch(/\n/);
      }
    }
  });

  it('give every regional check a result per audited region, and PASS on a secured account', () => {
    const s = regionalSnapshot(
      { 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': securedRegion('eu-west-1'), 'ap-south-1': securedRegion('ap-south-1') },
      { s3AccountPublicAccessBlock: ALL_ON },
    );
    for (const check of exposureChecks) {
      const outcomes = check.evaluate(s, options());
      expect(outcomes.every((o) => o.status === 'PASS'), check.id).toBe(true);
      if (REGIONAL.includes(check.id)) expect(outcomes.map((o) => o.resource)).toEqual(['us-east-1', 'eu-west-1', 'ap-south-1']);
    }
  });

  it('a region that answered nothing is UNKNOWN there only', () => {
    const base = regionalSnapshot({ 'us-east-1': securedRegion('us-east-1'), 'eu-west-1': {} }, { s3AccountPublicAccessBlock: ALL_ON });
    const s = ['access-analyzer:ListAnalyzers', 'guardduty:ListDetectors', 'securityhub:DescribeHub'].reduce((acc, call) => {
      const [service, operation] = call.split(':') as [string, string];
      return withFailedCall(acc, { service, operation, region: 'eu-west-1', code: 'TimeoutError', message: 'region did not answer within 10 s' });
    }, base);
    for (const check of exposureChecks.filter((c) => REGIONAL.includes(c.id))) {
      const [us, eu] = check.evaluate(s, options());
      expect(us!.status, check.id).toBe('PASS');
      expect(eu!.status, check.id).toBe('UNKNOWN');
      expect(eu!.message, check.id).toContain('failed in eu-west-1 (TimeoutError');
    }
  });
});
