import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it, vi } from 'vitest';
import { useEmulatedEnvironment } from '../../../test/aws-emulator/emulated-env.js';
import type { Fault, Scenario } from '../../../test/aws-emulator/index.js';
import { DAY, firstDayWithAdmin, NOW, OPS_KEY } from '../../../test/aws-emulator/test-helpers.js';
import { createSession } from '../../aws/session.js';
import { RunError } from '../../util/errors.js';
import { lookupEventsSource, type LookupEventsOptions } from './lookup-events.js';
import { drain, recordSends, type Sent } from '../../../test/record-sources.js';

const env = useEmulatedEnvironment();

type TrailEvent = NonNullable<NonNullable<Scenario['cloudTrailEvents']>['events']>[number];

/** `count` events in `region`, one an hour back from `startHoursAgo`. */
const events = (region: string, count: number, startHoursAgo = 1): TrailEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    eventTime: `-${startHoursAgo + i}h`,
    awsRegion: region,
    eventName: 'GetCallerIdentity',
    eventSource: 'sts.amazonaws.com',
    eventID: `${region}-${i}`,
    userIdentity: { type: 'IAMUser', userName: 'ops', accessKeyId: 'AKIAOPS0000000000001' },
  }));

const scenario = (list: TrailEvent[], lookupRateLimit?: number): Scenario => ({
  ...firstDayWithAdmin(),
  cloudTrailEvents: { events: list, ...(lookupRateLimit ? { lookupRateLimit } : {}) },
});

/** A secret key planted as the caller's: no output may show it. */
const CANARY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYSECRET2';

async function lookup(list: TrailEvent[], options: Partial<LookupEventsOptions> & { rateLimit?: number; faults?: Fault[] } = {}) {
  const { rateLimit, faults = [], ...rest } = options;
  const emu = await env.emulate(scenario(list, rateLimit), OPS_KEY, { faults });
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', CANARY);
  const session = createSession();
  const sent: Sent[] = [];
  recordSends(session, CloudTrailClient, sent);
  const progress: string[] = [];
  try {
    const result = await drain(
      lookupEventsSource({ regions: ['us-east-1'], since: new Date(NOW.getTime() - 30 * DAY), until: NOW, now: NOW, session, progress: (m) => progress.push(m), ...rest }),
    );
    return { ...result, progress, sent, calls: emu.calls() };
  } finally {
    session.close();
  }
}

const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r['eventID'])).sort();

describe('lookupEventsSource', () => {
  it('reads every page of every region, paced under the 2-a-second limit: no request is ever throttled', async () => {
    const list = [...events('us-east-1', 200), ...events('eu-west-1', 60), ...events('eu-west-1', 5, 24 * 40)];
    const { records, problems, calls, progress, origins, sent } = await lookup(list, { regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], rateLimit: 2 });
    expect(problems).toEqual([]);
    // Within 30 days: all but eu-west-1's five from 40 days ago.
    expect(ids(records)).toEqual(ids([...events('us-east-1', 200), ...events('eu-west-1', 60)]));
    // 4 pages of 50 in us-east-1, 2 in eu-west-1, 1 empty one in ap-southeast-2: a throttled request would be retried and counted again.
    expect(calls['cloudtrail:LookupEvents']).toBe(7);
    // Never 3 requests of a region within a second: the bucket spaces them 500 ms apart; measured where the SDK takes the
    // command, a little after the bucket let it go, so a loaded machine's jitter is allowed 100 ms.
    const spans = (region: string) => sent.filter((s) => s.region === region).map((s, i, all) => (i >= 2 ? s.at - all[i - 2]!.at : Infinity));
    expect(spans('us-east-1').filter((ms) => ms < 900)).toEqual([]);
    expect(spans('eu-west-1').filter((ms) => ms < 900)).toEqual([]);
    expect(sent.filter((s) => s.input['MaxResults'] === 50)).toHaveLength(7);
    expect(origins).toContain('lookup:us-east-1#4');
    expect(progress).toContain('LookupEvents us-east-1: 200 events');
    expect(progress).toContain('LookupEvents eu-west-1: 60 events');
    expect(progress.at(-1)).toBe('LookupEvents: 3/3 regions done');
  });

  it('still gets every event when it goes faster than the limit, through throttles and the retries they cost', async () => {
    const { records, calls } = await lookup(events('us-east-1', 400), { rateLimit: 2, requestsPerSecond: 100 });
    expect(records).toHaveLength(400);
    // Eight pages; going at 100 a second against a limit of 2, some were refused and sent again.
    expect(calls['cloudtrail:LookupEvents']).toBeGreaterThan(8);
  });

  it("parses each event's CloudTrailEvent; one that is not JSON is a problem and the page goes on", async () => {
    const list = events('us-east-1', 3);
    list[1] = { ...list[1]!, $cloudTrailEvent: '{"eventVersion": "1.08", "eventTime": ' };
    const { records, problems } = await lookup(list);
    expect(ids(records)).toEqual(['us-east-1-0', 'us-east-1-2']);
    expect(records[0]).toMatchObject({ eventName: 'GetCallerIdentity', userIdentity: { userName: 'ops' } });
    expect(problems).toEqual([{ origin: 'lookup:us-east-1#1', message: expect.stringMatching(/^event us-east-1-1: CloudTrailEvent is not JSON/) }]);
  });

  it('reads no further back than 90 days, and says so', async () => {
    const list = [...events('us-east-1', 2, 24 * 100), ...events('us-east-1', 1, 24 * 10)];
    list[2] = { ...list[2]!, eventID: 'recent' };
    const { records, progress } = await lookup(list, { since: new Date(NOW.getTime() - 200 * DAY) });
    expect(ids(records)).toEqual(['recent']);
    expect(progress[0]).toBe(`LookupEvents keeps 90 days of events: reading from ${new Date(NOW.getTime() - 90 * DAY).toISOString()}, not ${new Date(NOW.getTime() - 200 * DAY).toISOString()}`);
  });

  it('reports a region that refuses and reads the others; fails with exit 3 when every region refuses', async () => {
    const denied: Fault = { operation: 'cloudtrail:LookupEvents', kind: 'AccessDenied', region: 'eu-west-1' };
    const { records, problems } = await lookup([...events('us-east-1', 2), ...events('eu-west-1', 2)], { regions: ['us-east-1', 'eu-west-1'], faults: [denied] });
    expect(ids(records)).toEqual(['us-east-1-0', 'us-east-1-1']);
    expect(problems).toEqual([{ origin: 'lookup:eu-west-1', message: expect.stringMatching(/^LookupEvents failed after 0 events: AccessDeniedException/) }]);

    const everywhere = lookup(events('us-east-1', 2), { faults: [{ operation: 'cloudtrail:LookupEvents', kind: 'AccessDenied' }] });
    await expect(everywhere).rejects.toThrow(RunError);
    await expect(everywhere).rejects.toThrow(/^LookupEvents failed in every region: us-east-1: AccessDeniedException/);
    const failure = await everywhere.catch((err: Error) => err.message);
    expect([...problems.map((p) => p.message), String(failure)].join('\n')).not.toContain(CANARY);
  });

  it('fails with exit 3, once, when there are no credentials', async () => {
    const emu = await env.start(scenario(events('us-east-1', 2)));
    vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
    const session = createSession();
    const reading = drain(lookupEventsSource({ regions: ['us-east-1', 'eu-west-1'], since: new Date(NOW.getTime() - DAY), until: NOW, now: NOW, session, progress: () => {} }));
    await expect(reading).rejects.toThrow(RunError);
    await expect(reading).rejects.toThrow(/^no AWS credentials found/);
    session.close();
    expect(emu.calls()).toEqual({});
  });

  /** Reads with a signal; `abortWhen` gets the controller and the origins seen so far. */
  async function readAborted(regions: string[], abortWhen: (controller: AbortController, seen: string[]) => void) {
    const emu = await env.emulate(scenario(events('us-east-1', 500)), OPS_KEY, { hangRegions: ['ap-south-1'] });
    const session = createSession();
    const controller = new AbortController();
    const since = new Date(NOW.getTime() - 60 * DAY);
    const source = lookupEventsSource({ regions, since, until: NOW, now: NOW, session, progress: () => {}, signal: controller.signal });
    const seen: string[] = [];
    abortWhen(controller, seen);
    const reading = (async () => {
      for await (const item of source) {
        seen.push(item.origin);
        abortWhen(controller, seen);
      }
    })();
    await expect(reading).rejects.toThrow('stopped by the user');
    session.close();
    return { seen, calls: emu.calls()['cloudtrail:LookupEvents'] };
  }

  it('stops between pages when the signal aborts', async () => {
    const { seen, calls } = await readAborted(['us-east-1'], (controller, seen) => {
      if (seen.length === 1) controller.abort(new Error('stopped by the user'));
    });
    expect(seen).toEqual(['lookup:us-east-1#1']);
    // Ten pages to go, none asked for after the abort.
    expect(calls).toBe(1);
  });

  it('stops a request to a region that does not answer when the signal aborts', async () => {
    const { seen, calls } = await readAborted(['ap-south-1'], (controller, seen) => {
      if (seen.length === 0) setTimeout(() => controller.abort(new Error('stopped by the user')), 300);
    });
    expect(seen).toEqual([]);
    expect(calls).toBe(1);
  });
});

describe('the emulated LookupEvents', () => {
  it('answers newest first, and ThrottlingException past its rate limit', async () => {
    const emu = await env.start(scenario(events('us-east-1', 3), 2));
    const client = new CloudTrailClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: OPS_KEY, secretAccessKey: 'x' }, maxAttempts: 1 });
    const first = await client.send(new LookupEventsCommand({}));
    expect(first.Events?.map((e) => e.EventId)).toEqual(['us-east-1-0', 'us-east-1-1', 'us-east-1-2']);
    await client.send(new LookupEventsCommand({}));
    await expect(client.send(new LookupEventsCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException' });
    client.destroy();
  });
});
