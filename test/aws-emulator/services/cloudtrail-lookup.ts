// CloudTrail LookupEvents: the region's events (the scenario's `cloudTrailEvents`, by awsRegion), newest first, as
// AWS answers; StartTime/EndTime and one lookup attribute filter; MaxResults (<= 50) and NextToken page. With
// `lookupRateLimit` set, each region has AWS's token bucket of that many requests a second (burst as large):
// a request finding it empty is ThrottlingException, as AWS answers past 2 a second.
import { ApiError } from '../errors.js';
import type { JsonHandler, RequestContext } from '../service.js';
import type { World } from '../world.js';
import type { LookupEvent } from '../world-trail.js';

const ATTRIBUTES: Record<string, (e: LookupEvent) => unknown> = {
  EventId: (e) => e.record['eventID'],
  EventName: (e) => e.record['eventName'],
  ReadOnly: (e) => (e.record['readOnly'] === undefined ? undefined : String(e.record['readOnly'])),
  Username: (e) => usernameOf(e),
  EventSource: (e) => e.record['eventSource'],
  AccessKeyId: (e) => identity(e)['accessKeyId'],
};

const identity = (e: LookupEvent): Record<string, unknown> => (e.record['userIdentity'] as Record<string, unknown> | undefined) ?? {};

function usernameOf(e: LookupEvent): string | undefined {
  const id = identity(e);
  const name = id['userName'] ?? (id['sessionContext'] as { sessionIssuer?: { userName?: unknown } } | undefined)?.sessionIssuer?.userName;
  return typeof name === 'string' ? name : id['type'] === 'Root' ? 'root' : undefined;
}

/** Real time, not the scenario's clock: the rate is about requests now. */
const buckets = new WeakMap<World, Map<string, { tokens: number; at: number }>>();

function takeToken(ctx: RequestContext, region: string): void {
  const rate = ctx.world.trail.lookupRateLimit;
  if (rate === undefined) return;
  let perRegion = buckets.get(ctx.world);
  if (!perRegion) buckets.set(ctx.world, (perRegion = new Map()));
  const now = performance.now();
  const bucket = perRegion.get(region) ?? { tokens: rate, at: now };
  bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
  bucket.at = now;
  perRegion.set(region, bucket);
  if (bucket.tokens < 1) throw new ApiError('ThrottlingException', 'Rate exceeded', 400);
  bucket.tokens -= 1;
}

const seconds = (v: unknown, member: string): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw new ApiError('SerializationException', `${member} must be a timestamp`, 400);
  return v * 1000;
};

/** The page token: where the next page starts, bound to the query it came from, as AWS refuses a token of another query. */
const encodeToken = (offset: number, query: string) => Buffer.from(JSON.stringify({ offset, query })).toString('base64');
function decodeToken(token: unknown, query: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { offset?: unknown; query?: unknown };
    if (typeof parsed.offset === 'number' && parsed.query === query) return parsed.offset;
  } catch {
    // fall through: any token that is not ours is invalid
  }
  throw new ApiError('InvalidNextTokenException', 'Invalid NextToken', 400);
}

export const lookupEvents: JsonHandler = (input, ctx) => {
  const region = ctx.region ?? 'us-east-1';
  takeToken(ctx, region);
  const start = seconds(input['StartTime'], 'StartTime');
  const end = seconds(input['EndTime'], 'EndTime');
  if (start !== undefined && end !== undefined && start > end) {
    throw new ApiError('InvalidTimeRangeException', 'Start time must be before end time', 400);
  }
  const max = input['MaxResults'] === undefined ? 50 : Number(input['MaxResults']);
  if (!Number.isInteger(max) || max < 1 || max > 50) throw new ApiError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50', 400);
  const attributes = Array.isArray(input['LookupAttributes']) ? (input['LookupAttributes'] as { AttributeKey?: string; AttributeValue?: string }[]) : [];
  if (attributes.length > 1) throw new ApiError('InvalidLookupAttributesException', 'You can specify only one lookup attribute', 400);
  const attribute = attributes[0];
  const read = attribute ? ATTRIBUTES[attribute.AttributeKey ?? ''] : undefined;
  if (attribute && !read) throw new ApiError('InvalidLookupAttributesException', `Unsupported attribute key ${attribute.AttributeKey}`, 400);

  const matching = (ctx.world.trail.lookupEvents.get(region) ?? []).filter((e) => {
    const t = e.time.getTime();
    if ((start !== undefined && t < start) || (end !== undefined && t > end)) return false;
    return !read || read(e) === attribute?.AttributeValue;
  });
  const query = JSON.stringify([start, end, attribute ?? null]);
  const offset = input['NextToken'] === undefined ? 0 : decodeToken(input['NextToken'], query);
  const page = matching.slice(offset, offset + max);
  const more = offset + max < matching.length;
  return {
    Events: page.map((e) => ({
      EventId: e.record['eventID'],
      EventName: e.record['eventName'],
      ReadOnly: e.record['readOnly'] === undefined ? undefined : String(e.record['readOnly']),
      AccessKeyId: identity(e)['accessKeyId'],
      EventTime: e.time,
      EventSource: e.record['eventSource'],
      Username: usernameOf(e),
      Resources: [],
      CloudTrailEvent: e.cloudTrailEvent,
    })),
    ...(more ? { NextToken: encodeToken(offset + max, query) } : {}),
  };
};
