import { z } from 'zod';
import { policyDocument, publicAccessBlockSchema } from './common.js';

const eventSelectorsSchema = z.object({
  /** Basic selectors. */
  basic: z.array(
    z.object({
      readWriteType: z.string() /* All | ReadOnly | WriteOnly */,
      includeManagementEvents: z.boolean(),
      dataResources: z.array(z.object({ type: z.string(), values: z.array(z.string()) })).default([]),
    }),
  ),
  /** Advanced selectors: field selectors as the API gives them. */
  advanced: z.array(
    z.object({
      name: z.string().nullable(),
      fieldSelectors: z.array(
        z.object({
          field: z.string(),
          equals: z.array(z.string()).optional(),
          notEquals: z.array(z.string()).optional(),
          startsWith: z.array(z.string()).optional(),
          notStartsWith: z.array(z.string()).optional(),
          endsWith: z.array(z.string()).optional(),
          notEndsWith: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
});

export const trailSchema = z.object({
  name: z.string(),
  arn: z.string(),
  homeRegion: z.string(),
  isMultiRegion: z.boolean(),
  isOrganizationTrail: z.boolean(),
  s3BucketName: z.string().nullable(),
  s3KeyPrefix: z.string().nullable(),
  kmsKeyId: z.string().nullable(),
  logFileValidation: z.boolean(),
  cloudWatchLogsLogGroupArn: z.string().nullable(),
  cloudWatchLogsRoleArn: z.string().nullable(),
  /** GetTrailStatus; null when that call failed (see errors). */
  isLogging: z.boolean().nullable(),
  /** GetEventSelectors; null when that call failed. */
  eventSelectors: eventSelectorsSchema.nullable(),
});

/** What rampart needs to know about a bucket (trail buckets only): is it public, is it logged. */
export const bucketSchema = z.object({
  name: z.string(),
  region: z.string().nullable(),
  /** null: no bucket policy. Absent: not collected. */
  policy: policyDocument.optional(),
  /** Grants of the bucket ACL: grantee URI (AllUsers / AuthenticatedUsers groups) or id, and the permission. */
  aclGrants: z.array(z.object({ grantee: z.string(), permission: z.string() })).optional(),
  /** Bucket-level public access block; null: none set. */
  publicAccessBlock: publicAccessBlockSchema.nullable().optional(),
  /** Server access logging target; null: logging off. */
  accessLogging: z.object({ targetBucket: z.string(), targetPrefix: z.string() }).nullable().optional(),
});

export const loggingSchema = z.object({
  /** DescribeTrails with shadow trails: every trail that applies to the account, organization trails included. */
  trails: z.array(trailSchema).optional(),
  /** The trails' buckets, by name. */
  buckets: z.record(z.string(), bucketSchema).optional(),
});

export type Trail = z.infer<typeof trailSchema>;
export type EventSelectors = z.infer<typeof eventSelectorsSchema>;
export type Bucket = z.infer<typeof bucketSchema>;
export type LoggingFacts = z.infer<typeof loggingSchema>;
