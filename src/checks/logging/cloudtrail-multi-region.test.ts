import { describe, expect, it } from 'vitest';
import { ACCOUNT, cloudTrail, loggingSnapshot, options, snapshot, withError } from '../../../test/fixtures/snapshot.js';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailMultiRegion.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const ACCOUNT_RESOURCE = `arn:aws:::${ACCOUNT}`;
const advanced = (...fieldSelectors: { field: string; equals?: string[]; notEquals?: string[] }[]) => ({ name: 'Management events', fieldSelectors });

describe('cloudtrail-multi-region', () => {
  it('passes a multi-region trail that is logging all management events, naming it', () => {
    const o = run(loggingSnapshot());
    expect(o).toEqual({
      status: 'PASS',
      resource: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`,
      message: 'trail management-events (home us-east-1) is multi-region, logging and recording read and write management events',
    });
  });

  it('accepts separate ReadOnly and WriteOnly basic selectors', () => {
    const trail = cloudTrail('split', {
      eventSelectors: {
        basic: [
          { readWriteType: 'ReadOnly', includeManagementEvents: true, dataResources: [] },
          { readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] },
        ],
        advanced: [],
      },
    });
    expect(run(loggingSnapshot({ trails: [trail] })).status).toBe('PASS');
  });

  it('accepts an advanced Management selector without readOnly, and says which sources it excludes', () => {
    const trail = cloudTrail('adv', { eventSelectors: { basic: [], advanced: [advanced({ field: 'eventCategory', equals: ['Management'] }, { field: 'eventSource', notEquals: ['kms.amazonaws.com'] })] } });
    const o = run(loggingSnapshot({ trails: [trail] }));
    expect(o.status).toBe('PASS');
    expect(o.message).toContain('exclude eventSource notEquals kms.amazonaws.com');
  });

  it('accepts advanced read and write selectors split over two selectors, and fails a readOnly = false one alone', () => {
    const read = advanced({ field: 'eventCategory', equals: ['Management'] }, { field: 'readOnly', equals: ['true'] });
    const write = advanced({ field: 'eventCategory', equals: ['Management'] }, { field: 'readOnly', equals: ['false'] });
    expect(run(loggingSnapshot({ trails: [cloudTrail('adv', { eventSelectors: { basic: [], advanced: [read, write] } })] })).status).toBe('PASS');
    const o = run(loggingSnapshot({ trails: [cloudTrail('adv', { eventSelectors: { basic: [], advanced: [write] } })] }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'no trail qualifies: trail adv records write-only management events' });
    expect(o.remediation?.cli[0]).toContain('aws cloudtrail put-advanced-event-selectors --trail-name adv --region us-east-1');
  });

  it('counts an organization trail owned by the management account', () => {
    const org = cloudTrail('org-trail', { isOrganizationTrail: true, arn: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail' });
    const o = run(loggingSnapshot({ trails: [org] }));
    expect(o).toMatchObject({ status: 'PASS', resource: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail' });
    expect(o.message).toContain('organization trail org-trail');
  });

  it('lists shadow trail duplicates (the same ARN from several regions) once', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail(), cloudTrail(), cloudTrail()] }));
    expect(o.message).toMatch(/^trail management-events \(home us-east-1\) is multi-region/);
  });

  it('fails, saying why of each trail, when none qualifies', () => {
    const trails = [
      cloudTrail('local', { isMultiRegion: false, homeRegion: 'eu-west-1' }),
      cloudTrail('stopped', { isLogging: false }),
      cloudTrail('writes', { isLogging: false, eventSelectors: { basic: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] }], advanced: [] } }),
      cloudTrail('data-only', { eventSelectors: { basic: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }], advanced: [] } }),
    ];
    const o = run(loggingSnapshot({ trails }));
    expect(o).toMatchObject({ status: 'FAIL', resource: ACCOUNT_RESOURCE });
    expect(o.message).toBe(
      'no trail qualifies: trail local is single-region (home eu-west-1); trail stopped is not logging; ' +
        'trail writes is not logging and records write-only management events; trail data-only records no management events',
    );
    // The remediation fixes the trail closest to qualifying (the first with a single reason).
    expect(o.remediation?.cli[0]).toBe('aws cloudtrail update-trail --name local --is-multi-region-trail --region eu-west-1');
  });

  it('tells a member account to change an organization trail in the management account', () => {
    const org = cloudTrail('org-trail', { isOrganizationTrail: true, isLogging: false, arn: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail' });
    const o = run(loggingSnapshot({ trails: [org] }));
    expect(o.status).toBe('FAIL');
    expect(o.remediation?.summary).toContain('belongs to account 999999999999');
    expect(o.remediation?.cli).toContain('aws cloudtrail start-logging --name org-trail --region us-east-1');
  });

  it('fails an account without trails, pointing at the 90-day event history', () => {
    const o = run(loggingSnapshot({ trails: [] }));
    expect(o).toMatchObject({ status: 'FAIL', resource: ACCOUNT_RESOURCE });
    expect(o.message).toContain('90-day event history');
    expect(o.remediation).toBeUndefined();
    expect(cloudtrailMultiRegion.remediation.cli[0]).toContain('aws cloudtrail create-trail --name management-events');
  });

  it('is UNKNOWN naming GetTrailStatus (and its region) when the only candidate has no status', () => {
    const s = withError(loggingSnapshot({ trails: [cloudTrail('main', { isLogging: null }), cloudTrail('local', { isMultiRegion: false })] }), { service: 'cloudtrail', operation: 'GetTrailStatus', region: 'us-east-1' });
    const o = run(s);
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('trail main: cloudtrail:GetTrailStatus failed in us-east-1 (AccessDenied');
    expect(o.message).toContain('trail local is single-region');
  });

  it('is UNKNOWN naming GetEventSelectors when selectors are missing', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('main', { eventSelectors: null })] }));
    expect(o).toMatchObject({ status: 'UNKNOWN', message: 'could not evaluate: trail main: cloudtrail:GetEventSelectors not collected in us-east-1' });
  });

  it('still fails a trail known to be single-region although its status is unknown', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail('x', { isMultiRegion: false, isLogging: null })] })).status).toBe('FAIL');
  });

  it('passes when one trail qualifies even if another could not be read', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail('x', { isLogging: null }), cloudTrail()] })).status).toBe('PASS');
  });

  it('is UNKNOWN naming DescribeTrails when the trails were not collected', () => {
    const s = withError(loggingSnapshot({ logging: { buckets: {} } }), { service: 'cloudtrail', operation: 'DescribeTrails', region: 'us-east-1' });
    expect(run(s)).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('cloudtrail:DescribeTrails failed (AccessDenied') });
  });

  it('is UNKNOWN "not collected" on an identity-only snapshot', () => {
    expect(run(snapshot())).toMatchObject({ status: 'UNKNOWN', resource: ACCOUNT_RESOURCE, message: expect.stringContaining('logging was not collected') });
  });
});
