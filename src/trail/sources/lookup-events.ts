// CloudTrail events from the LookupEvents API: the management events of the last 90 days, per region, without a trail.
// AWS allows 2 requests a second per account and region, so each region has its own token bucket and the regions
// run side by side; the SDK's retries (session.ts) cover the throttle that still happens. Each event's CloudTrailEvent
// is the record as a JSON string: one that does not parse is a SourceProblem, the page goes on.
import { CloudTrailClient, LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail';
import { describeAwsError } from '../../aws/errors.js';
import type { Session } from '../../aws/session.js';
import { InputError, RunError } from '../../util/errors.js';
import type { ProgressSink, RecordSource, SourceItem } from '../source.js';
import { merge } from './streams.js';
import { TokenBucket, type Clock } from './token-bucket.js';

export interface LookupEventsOptions {
  /** The regions to read: the account's enabled regions (inventory/regions.ts finds them). */
  regions: readonly string[];
  since: Date;
  until: Date;
  session: Session;
  progress: ProgressSink;
  signal?: AbortSignal;
  /** The present, for the 90-day window (tests). Default: now. */
  now?: Date;
  /** Requests a second per region. Default 2, LookupEvents' limit. */
  requestsPerSecond?: number;
  /** The token buckets' clock (tests). */
  clock?: Clock;
}

/** How far back LookupEvents sees. */
export const LOOKUP_RETENTION_MS = 90 * 86_400_000;
export const LOOKUP_REQUESTS_PER_SECOND = 2;
/** The API's largest page. */
const PAGE_SIZE = 50;

export function lookupEventsSource(options: LookupEventsOptions): RecordSource {
  if (options.regions.length === 0) throw new InputError('LookupEvents: no region to read');
  if (options.since.getTime() > options.until.getTime()) throw new InputError('LookupEvents: the start of the time range is after its end');
  return readRegions(options);
}

interface RegionOutcome {
  failure?: string;
}

async function* readRegions(options: LookupEventsOptions): AsyncGenerator<SourceItem> {
  const { regions, progress } = options;
  const now = options.now ?? new Date();
  const oldest = new Date(now.getTime() - LOOKUP_RETENTION_MS);
  let since = options.since;
  if (since < oldest) {
    progress(`LookupEvents keeps 90 days of events: reading from ${oldest.toISOString()}, not ${since.toISOString()}`);
    since = oldest;
  }
  if (since > options.until) {
    progress('LookupEvents: the time range is older than 90 days, nothing to read');
    return;
  }

  // No credentials is one clear failure (exit 3), not a problem in every region; it also makes every region's first
  // request as quick as the next, so the pace the buckets set is the pace AWS sees.
  await options.session.getCredentialsOrFail();
  const outcomes = regions.map((): RegionOutcome => ({}));
  let done = 0;
  const perRegion = regions.map((region, i) =>
    (async function* (): AsyncGenerator<SourceItem> {
      yield* readRegion(region, since, options, outcomes[i]!);
      done++;
      progress(`LookupEvents: ${done}/${regions.length} regions done`);
    })(),
  );
  yield* merge(perRegion);

  const failures = outcomes.filter((o) => o.failure);
  if (failures.length === regions.length) throw new RunError(`LookupEvents failed in every region: ${failures[0]!.failure}`);
}

async function* readRegion(region: string, since: Date, options: LookupEventsOptions, outcome: RegionOutcome): AsyncGenerator<SourceItem> {
  const { session, signal, progress } = options;
  const client = session.client(CloudTrailClient, { region });
  const bucket = new TokenBucket({ ratePerSecond: options.requestsPerSecond ?? LOOKUP_REQUESTS_PER_SECOND, clock: options.clock });
  let token: string | undefined;
  let page = 0;
  let events = 0;
  do {
    await bucket.take(signal);
    let out;
    try {
      out = await client.send(
        new LookupEventsCommand({ StartTime: since, EndTime: options.until, MaxResults: PAGE_SIZE, NextToken: token }),
        { abortSignal: signal },
      );
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      const info = describeAwsError(err);
      outcome.failure = `${region}: ${info.code}: ${info.message}`;
      yield { kind: 'problem', origin: `lookup:${region}`, message: `LookupEvents failed after ${events} events: ${info.code}: ${info.message}` };
      return;
    }
    page++;
    const origin = `lookup:${region}#${page}`;
    const records: Record<string, unknown>[] = [];
    for (const event of out.Events ?? []) {
      const parsed = parseEvent(event);
      if (typeof parsed === 'string') yield { kind: 'problem', origin, message: parsed };
      else records.push(parsed);
    }
    events += records.length;
    if (records.length) yield { kind: 'records', origin, records };
    progress(`LookupEvents ${region}: ${events} events`);
    token = out.NextToken;
  } while (token);
}

/** The record, or why it cannot be had. */
function parseEvent(event: Event): Record<string, unknown> | string {
  const id = event.EventId ?? 'without an id';
  if (!event.CloudTrailEvent) return `event ${id}: no CloudTrailEvent`;
  try {
    const record: unknown = JSON.parse(event.CloudTrailEvent);
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) return record as Record<string, unknown>;
    return `event ${id}: CloudTrailEvent is not a JSON object`;
  } catch (err) {
    return `event ${id}: CloudTrailEvent is not JSON (${err instanceof Error ? err.message : String(err)})`;
  }
}
