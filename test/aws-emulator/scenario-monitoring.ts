// The monitoring facts of one region, part of the scenario's `regional` entries (scenario-regional.ts):
// CloudWatch alarms, CloudWatch Logs groups and metric filters, SNS topics with their subscriptions.
import { z } from 'zod';
import { isDateSpec } from './dates.js';

const date = z.string().refine(isDateSpec, { message: 'expected an ISO date, "now", or a relative date like "-120d"' });

export const alarmFacts = z.strictObject({
  name: z.string().min(1),
  namespace: z.string().min(1),
  metricName: z.string().min(1),
  /** e.g. {"Currency": "USD"} for the billing metric. */
  dimensions: z.record(z.string(), z.string()).default({}),
  statistic: z.enum(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']).default('Sum'),
  period: z.number().int().positive().default(300),
  evaluationPeriods: z.number().int().positive().default(1),
  threshold: z.number().default(1),
  comparison: z
    .enum(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'])
    .default('GreaterThanOrEqualToThreshold'),
  /** Topic names of this region's `snsTopics`, or any ARN (sent as given). */
  actions: z.array(z.string().min(1)).default([]),
  actionsEnabled: z.boolean().default(true),
  state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']).default('OK'),
});

export const metricFilterFacts = z.strictObject({
  name: z.string().min(1),
  /** The log group's name; the group exists in the region whether or not `logGroups` lists it. */
  logGroup: z.string().min(1),
  /** Sent verbatim: spacing and quoting are the test's business. */
  pattern: z.string(),
  metricName: z.string().min(1),
  metricNamespace: z.string().min(1).default('CISBenchmark'),
  metricValue: z.string().default('1'),
});

export const logGroupFacts = z.strictObject({
  name: z.string().min(1),
  /** Absent: never expire. */
  retentionDays: z.number().int().positive().optional(),
  kmsKeyId: z.string().optional(),
  created: date.default('-300d'),
});

export const snsTopicFacts = z.strictObject({
  name: z.string().regex(/^[\w-]{1,256}$/, 'a topic name is letters, digits, "_" or "-"'),
  subscriptions: z
    .array(
      z.strictObject({
        protocol: z.enum(['email', 'email-json', 'sms', 'http', 'https', 'sqs', 'lambda', 'application', 'firehose']).default('email'),
        endpoint: z.string().min(1),
        /** false: PendingConfirmation (the email link was never clicked). */
        confirmed: z.boolean().default(true),
      }),
    )
    .default([]),
});

/** The keys scenario-regional.ts adds to each region's facts. */
export const monitoringRegionFields = {
  alarms: z.array(alarmFacts).optional(),
  metricFilters: z.array(metricFilterFacts).optional(),
  logGroups: z.array(logGroupFacts).optional(),
  snsTopics: z.array(snsTopicFacts).optional(),
};

export type AlarmFacts = z.output<typeof alarmFacts>;
export type MetricFilterFacts = z.output<typeof metricFilterFacts>;
export type LogGroupFacts = z.output<typeof logGroupFacts>;
export type SnsTopicFacts = z.output<typeof snsTopicFacts>;
