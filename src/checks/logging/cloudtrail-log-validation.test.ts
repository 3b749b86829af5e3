import { describe, expect, it } from 'vitest';
import { ACCOUNT, cloudTrail, loggingSnapshot, options, snapshot, withError } from '../../../test/fixtures/snapshot.js';
import { cloudtrailLogValidation } from './cloudtrail-log-validation.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailLogValidation.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`;

describe('cloudtrail-log-validation', () => {
  it('passes when the qualifying trail validates its log files', () => {
    expect(run(loggingSnapshot())).toEqual({ status: 'PASS', resource: ARN, message: 'trail management-events validates its log files (signed digest files)' });
  });

  it('fails the qualifying trail without validation, with the command filled in', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('management-events', { logFileValidation: false })] }));
    expect(o).toMatchObject({ status: 'FAIL', resource: ARN, message: 'trail management-events does not validate its log files' });
    expect(o.remediation?.cli[0]).toBe('aws cloudtrail update-trail --name management-events --enable-log-file-validation --region us-east-1');
  });

  it('ignores a validated trail that does not qualify (single-region)', () => {
    const trails = [cloudTrail('main', { logFileValidation: false }), cloudTrail('local', { isMultiRegion: false })];
    expect(run(loggingSnapshot({ trails })).message).toBe('trail main does not validate its log files');
  });

  it('passes when one of two qualifying trails validates (an organization trail included)', () => {
    const org = cloudTrail('org', { isOrganizationTrail: true, arn: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org' });
    const o = run(loggingSnapshot({ trails: [cloudTrail('main', { logFileValidation: false }), org] }));
    expect(o).toMatchObject({ status: 'PASS', resource: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org' });
  });

  it('fails "see cloudtrail-multi-region" when no trail qualifies', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('x', { isLogging: false })] }));
    expect(o).toMatchObject({ status: 'FAIL', resource: `arn:aws:::${ACCOUNT}`, message: expect.stringContaining('see cloudtrail-multi-region') });
  });

  it('is UNKNOWN when a validated trail may qualify but its status is unknown', () => {
    const s = withError(loggingSnapshot({ trails: [cloudTrail('main', { isLogging: null })] }), { service: 'cloudtrail', operation: 'GetTrailStatus', region: 'us-east-1' });
    const o = run(s);
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('trail main validates its log files (signed digest files), but whether trail main qualifies is unknown');
    expect(o.message).toContain('cloudtrail:GetTrailStatus failed in us-east-1');
  });

  it('fails an unvalidated trail whatever its unknown status: it fails whether it qualifies or not', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail('main', { isLogging: null, logFileValidation: false })] })).status).toBe('FAIL');
  });

  it('is UNKNOWN when DescribeTrails failed or logging was not collected', () => {
    expect(run(withError(loggingSnapshot({ logging: {} }), { service: 'cloudtrail', operation: 'DescribeTrails' })).message).toContain('cloudtrail:DescribeTrails failed');
    expect(run(snapshot()).message).toContain('logging was not collected');
  });
});
