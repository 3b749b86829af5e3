// The scenario's CloudTrail trails, S3 buckets and AWS Organizations membership (keys `trails`, `buckets`,
// `organization`). Objects are strict, as in scenario.ts.
import { z } from 'zod';
import { bucketObjectFields } from './scenario-trail.js';

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a region name like us-east-1');
const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit account id');
/** A bucket policy: a JSON object, or a string sent verbatim. */
const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())]);

const dataResource = z.strictObject({ type: z.string().min(1), values: z.array(z.string()).default([]) });

const basicSelector = z.strictObject({
  readWriteType: z.enum(['All', 'ReadOnly', 'WriteOnly']).default('All'),
  includeManagementEvents: z.boolean().default(true),
  dataResources: z.array(dataResource).default([]),
  excludeManagementEventSources: z.array(z.string()).default([]),
});

const fieldSelector = z.strictObject({
  field: z.string().min(1),
  equals: z.array(z.string()).optional(),
  notEquals: z.array(z.string()).optional(),
  startsWith: z.array(z.string()).optional(),
  notStartsWith: z.array(z.string()).optional(),
  endsWith: z.array(z.string()).optional(),
  notEndsWith: z.array(z.string()).optional(),
});

const advancedSelector = z.strictObject({ name: z.string().optional(), fieldSelectors: z.array(fieldSelector).min(1) });

export const trailFacts = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][\w.-]{2,127}$/, 'a trail name is 3-128 letters, digits, ".", "_" or "-"'),
    homeRegion: region.default('us-east-1'),
    multiRegion: z.boolean().default(false),
    /** An organization trail; with `account` set to another (the management) account it is a trail this member inherits. */
    organization: z.boolean().default(false),
    /** The account that owns the trail. Default: the scenario's. */
    account: accountId.optional(),
    bucket: z.string().min(3),
    prefix: z.string().optional(),
    kmsKeyId: z.string().optional(),
    logFileValidation: z.boolean().default(false),
    /** As CloudTrail shows it: `arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*`. */
    cloudWatchLogsLogGroupArn: z.string().startsWith('arn:').optional(),
    roleArn: z.string().startsWith('arn:').optional(),
    includeGlobalServiceEvents: z.boolean().default(true),
    /** GetTrailStatus IsLogging. */
    logging: z.boolean().default(true),
    /** Basic selectors. Absent (and no advanced ones): CloudTrail's default, all management events. */
    eventSelectors: z.array(basicSelector).optional(),
    advancedEventSelectors: z.array(advancedSelector).optional(),
  })
  .refine((t) => !(t.eventSelectors && t.advancedEventSelectors), { message: 'a trail has basic or advanced event selectors, not both' })
  .refine((t) => !t.organization || t.multiRegion, { message: 'an organization trail is multi-region' });

/** A grantee: one of the S3 groups, `owner` (the bucket owner's canonical id) or a canonical user id. */
const grantee = z.union([z.enum(['AllUsers', 'AuthenticatedUsers', 'LogDelivery', 'owner']), z.string().regex(/^[0-9a-f]{64}$/)]);

/** An S3 public access block: a bucket's (`buckets[].publicAccessBlock`) or the account's (`s3PublicAccessBlock`, scenario.ts). */
export const publicAccessBlock = z.strictObject({
  blockPublicAcls: z.boolean().default(false),
  ignorePublicAcls: z.boolean().default(false),
  blockPublicPolicy: z.boolean().default(false),
  restrictPublicBuckets: z.boolean().default(false),
});

export const bucketFacts = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name is 3-63 lowercase letters, digits, "." or "-"'),
  region: region.default('us-east-1'),
  /** Another account's bucket: every call answers AccessDenied, as S3 does for a bucket the caller cannot read. */
  owner: accountId.optional(),
  /** null or absent: no bucket policy (NoSuchBucketPolicy). */
  policy: policyDocument.nullable().default(null),
  /** Grants beside the owner's FULL_CONTROL, which every bucket ACL has. */
  aclGrants: z.array(z.strictObject({ grantee, permission: z.enum(['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP']) })).default([]),
  /** null or absent: none (NoSuchPublicAccessBlockConfiguration). */
  publicAccessBlock: publicAccessBlock.nullable().default(null),
  /** Server access logging; null or absent: off. */
  logging: z.strictObject({ targetBucket: z.string().min(3), targetPrefix: z.string().default('') }).nullable().default(null),
  /** Its objects: `objects` (key -> content), `trailLogs` (generated CloudTrail log files), `listPageSize` (scenario-trail.ts). */
  ...bucketObjectFields,
});

export const organizationFacts = z.strictObject({
  /** o-xxxxxxxxxx */
  id: z.string().regex(/^o-[a-z0-9]{10,32}$/, 'an organization id looks like o-abcd123456'),
  managementAccountId: accountId,
  managementAccountEmail: z.string().default('aws-management@example.com'),
  featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']).default('ALL'),
});

/** The keys scenario.ts spreads into its schema. */
export const loggingScenarioFields = {
  trails: z.array(trailFacts).default([]),
  buckets: z.array(bucketFacts).default([]),
  /** null or absent: the account is in no organization (AWSOrganizationsNotInUseException). */
  organization: organizationFacts.nullable().default(null),
};

export type TrailFacts = z.output<typeof trailFacts>;
export type BucketFacts = z.output<typeof bucketFacts>;
export type OrganizationFacts = z.output<typeof organizationFacts>;
