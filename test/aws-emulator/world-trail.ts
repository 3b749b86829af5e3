// CloudTrail events and S3 objects as the services serve them: relative event times resolved, log files generated in
// CloudTrail's delivery layout and gzipped, LookupEvents' events per region, newest first. Built by world.ts.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { resolveDate, truncateToSecond } from './dates.js';
import type { ObjectContent, TrailEventFacts, TrailLogSet } from './scenario-trail.js';

export interface StoredObject {
  readonly body: Buffer;
  readonly lastModified: Date;
}

export interface LookupEvent {
  readonly region: string;
  readonly time: Date;
  readonly record: Readonly<Record<string, unknown>>;
  /** The CloudTrailEvent string served: the record as JSON, or the scenario's `$cloudTrailEvent`. */
  readonly cloudTrailEvent: string;
}

export interface TrailWorld {
  /** Per region, newest first, as LookupEvents answers. */
  readonly lookupEvents: ReadonlyMap<string, readonly LookupEvent[]>;
  /** LookupEvents requests a second per region; undefined: unlimited. */
  readonly lookupRateLimit: number | undefined;
}

const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The record as CloudTrail writes it: eventTime as ISO, the emulator's own `$` fields left out. */
function resolveEvent(event: TrailEventFacts, now: Date): { time: Date; record: Record<string, unknown> } {
  const time = truncateToSecond(resolveDate(event.eventTime, now));
  const record: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (!k.startsWith('$')) record[k] = v;
  record['eventTime'] = isoSeconds(time);
  return { time, record };
}

export function buildTrailWorld(events: readonly TrailEventFacts[], lookupRateLimit: number | undefined, now: Date): TrailWorld {
  const byRegion = new Map<string, LookupEvent[]>();
  for (const event of events) {
    const { time, record } = resolveEvent(event, now);
    const list = byRegion.get(event.awsRegion) ?? [];
    list.push({ region: event.awsRegion, time, record, cloudTrailEvent: event.$cloudTrailEvent ?? JSON.stringify(record) });
    byRegion.set(event.awsRegion, list);
  }
  for (const list of byRegion.values()) list.sort((a, b) => b.time.getTime() - a.time.getTime());
  return { lookupEvents: byRegion, lookupRateLimit };
}

function objectBody(content: ObjectContent): Buffer {
  if (typeof content === 'string') return Buffer.from(content);
  const text = content.text ?? JSON.stringify({ Records: content.records });
  if (!content.gzip) return Buffer.from(text);
  const gz = gzipSync(text);
  return content.truncated ? gz.subarray(0, Math.floor(gz.length / 2)) : gz;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayPath = (d: Date) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
const stamp = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
const uniqueSuffix = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16).toUpperCase();

/** `prefix/AWSLogs/[org/]account/CloudTrail/region/YYYY/MM/DD/account_CloudTrail_region_YYYYMMDDTHHmmZ_X.json.gz`. */
function generateLogs(set: TrailLogSet, defaultAccount: string, now: Date, into: Map<string, StoredObject>): void {
  const account = set.account ?? defaultAccount;
  const root = `${set.prefix ? `${set.prefix.replace(/\/+$/, '')}/` : ''}AWSLogs/${set.organizationId ? `${set.organizationId}/` : ''}${account}`;
  const folders = new Map<string, { region: string; day: string; events: { time: Date; record: Record<string, unknown> }[] }>();
  for (const event of set.events) {
    const resolved = resolveEvent(event, now);
    const day = dayPath(resolved.time);
    const key = `${event.awsRegion}/${day}`;
    const folder = folders.get(key) ?? { region: event.awsRegion, day, events: [] };
    folder.events.push(resolved);
    folders.set(key, folder);
  }
  for (const { region, day, events } of folders.values()) {
    events.sort((a, b) => a.time.getTime() - b.time.getTime());
    for (let i = 0; i < events.length; i += set.perObject) {
      const chunk = events.slice(i, i + set.perObject);
      const delivered = chunk[chunk.length - 1]!.time;
      const name = `${account}_CloudTrail_${region}_${stamp(delivered)}_${uniqueSuffix(root, region, day, String(i))}.json.gz`;
      const body = gzipSync(JSON.stringify({ Records: chunk.map((e) => e.record) }));
      into.set(`${root}/CloudTrail/${region}/${day}/${name}`, { body, lastModified: delivered });
    }
    if (set.digests) {
      const last = events[events.length - 1]!.time;
      const name = `${account}_CloudTrail-Digest_${region}_trail_${region}_${stamp(last)}.json.gz`;
      const digest = gzipSync(JSON.stringify({ awsAccountId: account, digestStartTime: isoSeconds(events[0]!.time), logFiles: [] }));
      into.set(`${root}/CloudTrail-Digest/${region}/${day}/${name}`, { body: digest, lastModified: last });
    }
  }
}

/** A bucket's objects by key: the scenario's `objects` and the generated `trailLogs`. */
export function buildObjects(objects: Readonly<Record<string, ObjectContent>>, logs: readonly TrailLogSet[], account: string, now: Date): Map<string, StoredObject> {
  const out = new Map<string, StoredObject>();
  for (const set of logs) generateLogs(set, account, now, out);
  for (const [key, content] of Object.entries(objects)) out.set(key, { body: objectBody(content), lastModified: truncateToSecond(now) });
  return out;
}
