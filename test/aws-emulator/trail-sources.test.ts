// The reads of CloudTrail's sources: S3 object listing and reading, LookupEvents' filters and paging.
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { parseScenario, type Scenario } from './scenario.js';
import { NOW } from './test-helpers.js';

const ACCOUNT = '456789012345';
const scenario: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'none' },
  buckets: [
    {
      name: 'logs',
      listPageSize: 2,
      objects: { 'a/1.txt': 'one', 'a/2.txt': 'two', 'b/1.txt': 'three', 'c.txt': 'four', 'gz.json.gz': { records: [{ eventName: 'X' }] } },
      trailLogs: [{ prefix: 'p', events: [{ eventTime: '-1d', awsRegion: 'us-east-1', eventName: 'RunInstances' }] }],
    },
  ],
  cloudTrailEvents: {
    events: [
      { eventTime: '-1h', awsRegion: 'us-east-1', eventName: 'RunInstances', eventID: 'e1' },
      { eventTime: '-2h', awsRegion: 'us-east-1', eventName: 'GetCallerIdentity', eventID: 'e2', userIdentity: { userName: 'ops' } },
      { eventTime: '-3h', awsRegion: 'us-east-1', eventName: 'RunInstances', eventID: 'e3' },
      { eventTime: '-1h', awsRegion: 'eu-west-1', eventName: 'RunInstances', eventID: 'e4' },
    ],
  },
};

let emu: Emulator;
let s3: S3Client;
let cloudtrail: CloudTrailClient;
beforeAll(async () => {
  emu = await startEmulator({ scenario, now: NOW });
  const config = { endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'x' }, maxAttempts: 1 };
  s3 = new S3Client({ ...config, forcePathStyle: true });
  cloudtrail = new CloudTrailClient(config);
});
afterAll(async () => {
  s3.destroy();
  cloudtrail.destroy();
  await emu.close();
});

describe('S3 ListObjectsV2 and GetObject', () => {
  it('groups keys under common prefixes, each once across pages, and pages by continuation token', async () => {
    const first = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Delimiter: '/' }));
    expect(first.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Delimiter: '/', ContinuationToken: first.NextContinuationToken }));
    expect(second.Contents?.map((c) => c.Key)).toEqual(['c.txt', 'gz.json.gz']);
    expect(second.CommonPrefixes).toBeUndefined();
    const third = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Delimiter: '/', ContinuationToken: second.NextContinuationToken }));
    expect(third.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['p/']);
    expect(third.IsTruncated).toBe(false);
    const under = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Prefix: 'a/' }));
    expect(under.Contents?.map((c) => [c.Key, c.Size])).toEqual([['a/1.txt', 3], ['a/2.txt', 3]]);
  });

  it('generates log files in the delivery layout, and serves objects as stored', async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Prefix: `p/AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/06/14/` }));
    const key = listed.Contents?.[0]?.Key ?? '';
    expect(key).toMatch(new RegExp(`/${ACCOUNT}_CloudTrail_us-east-1_20260614T1200Z_[0-9A-F]{16}\\.json\\.gz$`));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'logs', Key: key }));
    const log = JSON.parse(gunzipSync(await object.Body!.transformToByteArray()).toString('utf8')) as { Records: unknown[] };
    expect(log.Records).toEqual([{ eventTime: '2026-06-14T12:00:00Z', awsRegion: 'us-east-1', eventName: 'RunInstances' }]);
    const text = await s3.send(new GetObjectCommand({ Bucket: 'logs', Key: 'b/1.txt' }));
    expect(await text.Body!.transformToString()).toBe('three');
    await expect(s3.send(new GetObjectCommand({ Bucket: 'logs', Key: 'nope' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});

describe('CloudTrail LookupEvents', () => {
  it("serves the region's events newest first, filtered by time and by one attribute, a page at a time", async () => {
    const page1 = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 2 }));
    expect(page1.Events?.map((e) => e.EventId)).toEqual(['e1', 'e2']);
    expect(JSON.parse(page1.Events?.[0]?.CloudTrailEvent ?? '')).toMatchObject({ eventID: 'e1', eventTime: '2026-06-15T11:00:00Z' });
    const page2 = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 2, NextToken: page1.NextToken }));
    expect(page2.Events?.map((e) => e.EventId)).toEqual(['e3']);
    expect(page2.NextToken).toBeUndefined();

    const window = await cloudtrail.send(new LookupEventsCommand({ StartTime: new Date('2026-06-15T09:30:00Z'), EndTime: new Date('2026-06-15T10:30:00Z') }));
    expect(window.Events?.map((e) => e.EventId)).toEqual(['e2']);
    const byName = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }] }));
    expect(byName.Events?.map((e) => e.EventId)).toEqual(['e1', 'e3']);
    expect(byName.Events?.[0]?.EventTime).toEqual(new Date('2026-06-15T11:00:00Z'));
  });

  it('refuses a token of another query, and more than 50 a page', async () => {
    const page1 = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 1 }));
    await expect(
      cloudtrail.send(new LookupEventsCommand({ MaxResults: 1, NextToken: page1.NextToken, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }] })),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(cloudtrail.send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toMatchObject({ name: 'InvalidMaxResultsException' });
  });
});

describe('scenario fields', () => {
  it('refuses an object with both text and records, and an event without a time', () => {
    const base = { account: { id: ACCOUNT }, root: { mfa: 'none' as const } };
    expect(() => parseScenario({ ...base, buckets: [{ name: 'logs', objects: { k: { text: 'x', records: [] } } }] })).toThrow(/`text` or `records`/);
    expect(() => parseScenario({ ...base, cloudTrailEvents: { events: [{ awsRegion: 'us-east-1', eventName: 'X' }] } })).toThrow(/eventTime/);
  });
});
