import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import { useEmulatedEnvironment } from '../../../test/aws-emulator/emulated-env.js';
import type { Fault, Scenario } from '../../../test/aws-emulator/index.js';
import { firstDayWithAdmin, OPS_KEY } from '../../../test/aws-emulator/test-helpers.js';
import { createSession, type Session } from '../../aws/session.js';
import { InputError, RunError } from '../../util/errors.js';
import { s3Source, type S3SourceOptions } from './s3.js';
import { dayFolders, parseS3Uri } from './s3-layout.js';
import { drain, recordSends, type Sent } from '../../../test/record-sources.js';

const env = useEmulatedEnvironment();
const ACCOUNT = '456789012345';
const BUCKET = 'trail-logs';

type TrailEvent = NonNullable<NonNullable<Scenario['cloudTrailEvents']>['events']>[number];
const event = (eventTime: string, awsRegion: string, account = ACCOUNT): TrailEvent => ({
  eventTime,
  awsRegion,
  eventName: 'DescribeInstances',
  eventSource: 'ec2.amazonaws.com',
  eventID: `${account}-${awsRegion}-${eventTime}`,
  recipientAccountId: account,
});

/** Four events a day (01:00, 07:00, 13:00, 19:00) from June 10 to 14, 2026, in each region. */
function days(regions: string[], account = ACCOUNT): TrailEvent[] {
  const out: TrailEvent[] = [];
  for (const region of regions) {
    for (let day = 10; day <= 14; day++) for (const hour of ['01', '07', '13', '19']) out.push(event(`2026-06-${day}T${hour}:00:00Z`, region, account));
  }
  return out;
}

type Bucket = NonNullable<Scenario['buckets']>[number];
const scenario = (bucket: Partial<Bucket>): Scenario => ({ ...firstDayWithAdmin(), buckets: [{ name: BUCKET, ...bucket }] });

/** The session, and the Prefix (and Delimiter) of every ListObjectsV2 its S3 clients send. */
function recordingSession(): { session: Session; sent: Sent[] } {
  const session = createSession({ maxAttempts: 2 });
  const sent: Sent[] = [];
  recordSends(session, S3Client, sent);
  return { session, sent };
}

const listings = (sent: Sent[]) =>
  sent
    .filter((s) => s.command === 'ListObjectsV2Command')
    .map(({ input }) => `${String(input['Prefix'] ?? '')}${input['Delimiter'] ? ` [${String(input['Delimiter'])}]` : ''}`);

const SINCE = new Date('2026-06-12T00:00:00Z');
const UNTIL = new Date('2026-06-13T12:00:00Z');

async function read(bucket: Partial<Bucket>, options: Partial<S3SourceOptions> = {}, faults: Fault[] = []) {
  const emu = await env.emulate(scenario(bucket), OPS_KEY, { faults });
  const { session, sent } = recordingSession();
  const progress: string[] = [];
  try {
    const result = await drain(s3Source({ uri: `s3://${BUCKET}`, since: SINCE, until: UNTIL, session, progress: (m) => progress.push(m), ...options }));
    return { ...result, listed: listings(sent), progress, calls: emu.calls() };
  } finally {
    session.close();
  }
}

const times = (records: Record<string, unknown>[]) => records.map((r) => String(r['eventTime'])).sort();

describe('s3Source', () => {
  it("lists only the day folders of [since, until], page by page, and yields each object's records within the range", async () => {
    const { records, problems, listed, calls, origins, progress } = await read({
      listPageSize: 1,
      trailLogs: [{ events: days(['us-east-1', 'eu-west-1']), perObject: 2, digests: true }],
    });
    expect(problems).toEqual([]);
    expect(new Set(listed)).toEqual(
      new Set([
        'AWSLogs/ [/]',
        `AWSLogs/${ACCOUNT}/CloudTrail/ [/]`,
        `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/2026/06/12/`,
        `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/2026/06/13/`,
        `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/06/12/`,
        `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/06/13/`,
      ]),
    );
    // One key a page: the region listing takes two pages, each day folder (two files) two.
    expect(calls['s3:ListObjectsV2']).toBe(1 + 2 + 4 * 2);
    // Two files a day and region; the digests beside CloudTrail/ are never read.
    expect(calls['s3:GetObject']).toBe(8);
    expect(origins.every((o) => o.startsWith(`s3://${BUCKET}/AWSLogs/${ACCOUNT}/CloudTrail/`))).toBe(true);
    const expected = ['2026-06-12T01:00:00Z', '2026-06-12T07:00:00Z', '2026-06-12T13:00:00Z', '2026-06-12T19:00:00Z', '2026-06-13T01:00:00Z', '2026-06-13T07:00:00Z'];
    expect(times(records)).toEqual([...expected, ...expected].sort());
    expect(progress.at(-1)).toBe(`s3://${BUCKET}/: done, 8 objects, 12 events`);
  });

  it('reads the logs of every account of an organization trail, or of the accounts asked for', async () => {
    const bucket: Partial<Bucket> = {
      trailLogs: [
        { prefix: 'org', organizationId: 'o-abcdef1234', account: '111111111111', events: days(['us-east-1'], '111111111111') },
        { prefix: 'org', organizationId: 'o-abcdef1234', account: '222222222222', events: days(['us-east-1'], '222222222222') },
      ],
    };
    const all = await read(bucket, { uri: `s3://${BUCKET}/org/` });
    const accounts = (r: Record<string, unknown>[]) => [...new Set(r.map((x) => x['recipientAccountId']))].sort();
    expect(accounts(all.records)).toEqual(['111111111111', '222222222222']);
    expect(all.records).toHaveLength(12);
    expect(all.listed).toContain('org/AWSLogs/o-abcdef1234/ [/]');

    const one = await read(bucket, { uri: `s3://${BUCKET}/org/AWSLogs`, accounts: ['222222222222'], regions: ['us-east-1'] });
    expect(accounts(one.records)).toEqual(['222222222222']);
    expect(one.listed.some((p) => p.includes('111111111111/CloudTrail/us-east-1/'))).toBe(false);
  });

  it('reports a truncated gzip, a file that is not JSON and a digest-named file, and reads the rest', async () => {
    const folder = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/06/12`;
    const { records, problems, calls } = await read({
      trailLogs: [{ events: days(['us-east-1']) }],
      objects: {
        [`${folder}/${ACCOUNT}_CloudTrail_us-east-1_20260612T0100Z_cut.json.gz`]: { records: [event('2026-06-12T02:00:00Z', 'us-east-1')], truncated: true },
        [`${folder}/${ACCOUNT}_CloudTrail_us-east-1_20260612T0200Z_bad.json.gz`]: { text: '{"Records": [ {"eventTime": ' },
        [`${folder}/${ACCOUNT}_CloudTrail-Digest_us-east-1_trail_us-east-1_20260612T0300Z.json.gz`]: { records: [] },
        [`${folder}/notes.txt`]: 'not a log',
      },
    });
    expect(problems).toEqual([
      { origin: `s3://${BUCKET}/${folder}/${ACCOUNT}_CloudTrail_us-east-1_20260612T0100Z_cut.json.gz`, message: expect.stringMatching(/^not a complete gzip file/) },
      { origin: `s3://${BUCKET}/${folder}/${ACCOUNT}_CloudTrail_us-east-1_20260612T0200Z_bad.json.gz`, message: expect.stringMatching(/^not JSON/) },
    ]);
    expect(records).toHaveLength(6);
    expect(calls['s3:GetObject']).toBe(2 + 2);
  });

  it('reads a bucket of another region than the session', async () => {
    const { records } = await read({ region: 'eu-west-1', trailLogs: [{ events: days(['us-east-1']) }] });
    expect(records).toHaveLength(6);
  });

  it('fails with exit 3 when listing the bucket is refused, and exit 2 for a bucket that does not exist', async () => {
    const denied = read({ trailLogs: [{ events: days(['us-east-1']) }] }, {}, [{ operation: 's3:ListObjectsV2', kind: 'AccessDenied' }]);
    await expect(denied).rejects.toThrow(RunError);
    await expect(denied).rejects.toThrow(/^s3:\/\/trail-logs\/: access denied \(ListObjectsV2: AccessDenied\)/);

    const missing = read({}, { uri: 's3://no-such-trail-bucket/logs' });
    await expect(missing).rejects.toThrow(InputError);
    await expect(missing).rejects.toThrow('s3://no-such-trail-bucket: no such bucket');
  });

  it('never shows the credentials: not in progress, problems or the failure', async () => {
    const canary = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYSECRET1';
    const emu = await env.emulate(scenario({ trailLogs: [{ events: days(['us-east-1']) }], objects: { [`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/06/12/x.json.gz`]: { text: 'x', truncated: true } } }), OPS_KEY);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', canary);
    const session = createSession({ maxAttempts: 1 });
    const output: string[] = [];
    try {
      const { problems } = await drain(s3Source({ uri: `s3://${BUCKET}`, since: SINCE, until: UNTIL, session, progress: (m) => output.push(m) }));
      output.push(...problems.map((p) => `${p.origin} ${p.message}`));
      emu.setFaults([{ operation: 's3:ListObjectsV2', kind: 'AccessDenied' }]);
      await drain(s3Source({ uri: `s3://${BUCKET}`, since: SINCE, until: UNTIL, session, progress: (m) => output.push(m) })).catch((err: Error) => output.push(err.message));
    } finally {
      session.close();
    }
    expect(output.some((line) => line.includes('not a complete gzip file'))).toBe(true);
    expect(output.some((line) => line.includes('access denied'))).toBe(true);
    expect(output.join('\n')).not.toContain(canary);
  });

  it('says so when the prefix holds no CloudTrail logs', async () => {
    await expect(read({ trailLogs: [{ prefix: 'elsewhere', events: days(['us-east-1']) }] })).rejects.toThrow(/no CloudTrail logs there/);
  });

  it('refuses a URI that is not s3://bucket[/prefix]', () => {
    const session = createSession();
    expect(() => s3Source({ uri: 'https://bucket/x', since: SINCE, until: UNTIL, session, progress: () => {} })).toThrow(InputError);
    session.close();
  });
});

describe('parseS3Uri', () => {
  it("gives the bucket and the trail's key prefix, the folder above AWSLogs", () => {
    expect(parseS3Uri('s3://trail-logs')).toEqual({ bucket: 'trail-logs', prefix: '' });
    expect(parseS3Uri('s3://trail-logs/org/logs/')).toEqual({ bucket: 'trail-logs', prefix: 'org/logs/' });
    expect(parseS3Uri('s3://trail-logs/org/AWSLogs/')).toEqual({ bucket: 'trail-logs', prefix: 'org/' });
    expect(() => parseS3Uri('s3://Bad_Bucket/x')).toThrow(InputError);
  });
});

describe('dayFolders', () => {
  it('covers the days of the range, and the next when its end is so late that delivery crosses midnight', () => {
    expect(dayFolders(new Date('2026-02-27T10:00:00Z'), new Date('2026-03-01T12:00:00Z'))).toEqual(['2026/02/27', '2026/02/28', '2026/03/01']);
    expect(dayFolders(new Date('2026-06-12T00:00:00Z'), new Date('2026-06-12T23:55:00Z'))).toEqual(['2026/06/12', '2026/06/13']);
  });
});
