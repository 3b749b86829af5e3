import { describe, expect, it } from 'vitest';
import { ACCOUNT, cloudTrail, loggingSnapshot, options, snapshot } from '../../../test/fixtures/snapshot.js';
import { cloudtrailS3DataEvents } from './cloudtrail-s3-data-events.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailS3DataEvents.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const MGMT = { readWriteType: 'All', includeManagementEvents: true, dataResources: [] };
const s3 = (readWriteType: string, ...values: string[]) => ({ readWriteType, includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values }] });
const basic = (...selectors: ReturnType<typeof s3>[]) => ({ eventSelectors: { basic: [MGMT, ...selectors], advanced: [] } });
type Field = { field: string; equals?: string[]; notStartsWith?: string[]; startsWith?: string[] };
const data = (...extra: Field[]) => ({ name: 'S3', fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }, ...extra] });
const advanced = (...selectors: ReturnType<typeof data>[]) => ({ eventSelectors: { basic: [], advanced: [{ name: 'Management', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }, ...selectors] } });
const ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`;

describe('cloudtrail-s3-data-events', () => {
  it('passes a basic selector for all buckets (arn:aws:s3), read and write', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail(undefined, basic(s3('All', 'arn:aws:s3')))] }))).toEqual({
      status: 'PASS',
      resource: ARN,
      message: 'S3 object-level read and write events are recorded for all buckets by trail management-events',
    });
  });

  it('accepts the bare arn:aws:s3::: prefix as all buckets', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail(undefined, basic(s3('All', 'arn:aws:s3:::')))] })).status).toBe('PASS');
  });

  it('passes an advanced S3 object selector without readOnly', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail(undefined, advanced(data()))] })).status).toBe('PASS');
  });

  it('passes read and write recorded by two different trails, naming both', () => {
    const trails = [cloudTrail('reads', basic(s3('ReadOnly', 'arn:aws:s3'))), cloudTrail('writes', advanced(data({ field: 'readOnly', equals: ['false'] })))];
    expect(run(loggingSnapshot({ trails }))).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: 'S3 object-level read events are recorded for all buckets by trail reads; write events are recorded for all buckets by trail writes',
    });
  });

  it('fails write-only recording (CIS 4.9 unmet), with the put-event-selectors command for the trail', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail(undefined, basic(s3('WriteOnly', 'arn:aws:s3')))] }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'S3 object-level read events are not recorded; write events are recorded for all buckets by trail management-events' });
    expect(o.remediation?.cli[0]).toContain('aws cloudtrail put-event-selectors --trail-name management-events --region us-east-1');
  });

  it('fails selectors limited to some buckets, naming the limit', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail(undefined, basic(s3('All', 'arn:aws:s3:::app-data/')))] }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toBe('S3 object-level read events are limited to arn:aws:s3:::app-data/ (trail management-events); write events are limited to arn:aws:s3:::app-data/ (trail management-events)');
  });

  it('fails an advanced selector narrowed by resources.ARN, exclusions included', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail(undefined, advanced(data({ field: 'resources.ARN', notStartsWith: ['arn:aws:s3:::trail-logs/'] })))] }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('limited to resources.ARN notStartsWith arn:aws:s3:::trail-logs/');
    expect(o.remediation?.cli[0]).toContain('put-advanced-event-selectors');
  });

  it('does not count a single-region trail or one that is not logging', () => {
    const single = run(loggingSnapshot({ trails: [cloudTrail('local', { isMultiRegion: false, ...basic(s3('All', 'arn:aws:s3')) })] }));
    expect(single.message).toContain('limited to buckets in us-east-1 only, single-region (trail local)');
    const stopped = run(loggingSnapshot({ trails: [cloudTrail('stopped', { isLogging: false, ...basic(s3('All', 'arn:aws:s3')) })] }));
    expect(stopped).toMatchObject({ status: 'FAIL', message: 'no logging trail records S3 object-level data events (read or write)' });
  });

  it('fails with no data events at all', () => {
    expect(run(loggingSnapshot()).message).toBe('no logging trail records S3 object-level data events (read or write)');
  });

  it('is UNKNOWN naming GetEventSelectors when a trail\'s selectors are missing', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('main', { eventSelectors: null })] }));
    expect(o).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('trail main: cloudtrail:GetEventSelectors not collected in us-east-1') });
  });

  it('is UNKNOWN naming GetTrailStatus when a trail with S3 selectors has no status, FAIL if it has none', () => {
    expect(run(loggingSnapshot({ trails: [cloudTrail('main', { isLogging: null, ...basic(s3('All', 'arn:aws:s3')) })] }))).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('cloudtrail:GetTrailStatus') });
    expect(run(loggingSnapshot({ trails: [cloudTrail('main', { isLogging: null })] })).status).toBe('FAIL');
  });

  it('is UNKNOWN without logging data', () => {
    expect(run(snapshot()).status).toBe('UNKNOWN');
  });
});
