// CloudTrail events as data: what LookupEvents serves per region (`cloudTrailEvents`), and what a trail's bucket
// holds (`buckets[].objects`, `buckets[].trailLogs`: log files generated in CloudTrail's delivery layout, gzipped).
// Objects are strict, except events: an event is CloudTrail's own record and may carry any field.
import { z } from 'zod';
import { isDateSpec } from './dates.js';

const date = z.string().refine(isDateSpec, { message: 'expected an ISO date, "now", or a relative date like "-3d"' });
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a region name like us-east-1');
const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit account id');

/**
 * A CloudTrail record. `eventTime` may be relative ("-3h"): it is written as ISO, whole seconds. `$cloudTrailEvent`
 * (LookupEvents only) replaces the CloudTrailEvent string sent, to serve text that is not JSON.
 */
export const trailEvent = z.looseObject({
  eventTime: date,
  awsRegion: region,
  eventName: z.string().min(1),
  $cloudTrailEvent: z.string().optional(),
});

/** A stored object: text as given, or a CloudTrail log file (`{"Records": [...]}`), gzipped by default. */
export const objectContent = z.union([
  z.string(),
  z
    .strictObject({
      text: z.string().optional(),
      records: z.array(z.record(z.string(), z.unknown())).optional(),
      gzip: z.boolean().default(true),
      /** Only the first half of the gzip is stored: a download cut short. */
      truncated: z.boolean().default(false),
    })
    .refine((o) => (o.text === undefined) !== (o.records === undefined), { message: 'an object has `text` or `records`, not both' }),
]);

/** Log files of `events`, in CloudTrail's layout under `prefix`, one folder per account, region and day. */
export const trailLogSet = z.strictObject({
  prefix: z.string().default(''),
  /** An organization trail: `AWSLogs/<organizationId>/<account>/CloudTrail/...`. */
  organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/).optional(),
  /** Default: the scenario's account. */
  account: accountId.optional(),
  /** At most this many events a file (CloudTrail writes a file every ~5 minutes per region). */
  perObject: z.number().int().min(1).default(100),
  /** Also a digest file per region and day, in `CloudTrail-Digest/`, as log file validation writes. */
  digests: z.boolean().default(false),
  events: z.array(trailEvent).default([]),
});

/** The S3 fields bucketFacts (scenario-logging.ts) takes. */
export const bucketObjectFields = {
  /** key -> content. */
  objects: z.record(z.string().min(1), objectContent).default({}),
  trailLogs: z.array(trailLogSet).default([]),
  /** ListObjectsV2 answers at most this many keys a page (S3: 1000), to make paging show with few objects. */
  listPageSize: z.number().int().min(1).max(1000).default(1000),
};

/** The keys scenario.ts spreads into its schema. */
export const trailScenarioFields = {
  cloudTrailEvents: z
    .strictObject({
      /** LookupEvents requests a second per region before ThrottlingException (AWS: 2). Absent: no limit. */
      lookupRateLimit: z.number().positive().optional(),
      /** Served by LookupEvents in the region of each event's `awsRegion`. */
      events: z.array(trailEvent).default([]),
    })
    .default({ events: [] }),
};

export type TrailEventFacts = z.output<typeof trailEvent>;
export type ObjectContent = z.output<typeof objectContent>;
export type TrailLogSet = z.output<typeof trailLogSet>;
