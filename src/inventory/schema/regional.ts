// Facts collected in every audited region. Each section is absent when its call failed in that region
// (snapshot.errors has the call, with the region).
import { z } from 'zod';

export const alarmSchema = z.object({
  name: z.string(),
  arn: z.string(),
  namespace: z.string().nullable(),
  metricName: z.string().nullable(),
  /** Metric dimensions, e.g. {Currency: 'USD'} for billing. */
  dimensions: z.record(z.string(), z.string()).default({}),
  threshold: z.number().nullable(),
  comparisonOperator: z.string().nullable(),
  actionsEnabled: z.boolean(),
  alarmActions: z.array(z.string()),
  stateValue: z.string().nullable(),
});

export const metricFilterSchema = z.object({
  name: z.string(),
  logGroupName: z.string(),
  pattern: z.string(),
  metricTransformations: z.array(z.object({ metricName: z.string(), metricNamespace: z.string() })),
});

export const snsSubscriptionSchema = z.object({
  topicArn: z.string(),
  protocol: z.string(),
  /** The endpoint (an email address, a URL); no secret lives here. */
  endpoint: z.string(),
  /** false while PendingConfirmation. */
  confirmed: z.boolean(),
});

export const configRecorderSchema = z.object({
  name: z.string(),
  allSupported: z.boolean(),
  includeGlobalResourceTypes: z.boolean(),
  /** ALL_SUPPORTED_RESOURCE_TYPES | EXCLUSION_BY_RESOURCE_TYPES | INCLUSION_BY_RESOURCE_TYPES; null on old recorders. */
  recordingStrategy: z.string().nullable(),
  /** From DescribeConfigurationRecorderStatus; null when unknown. */
  recording: z.boolean().nullable(),
  lastStatus: z.string().nullable(),
});

export const configRuleSchema = z.object({
  name: z.string(),
  /** For AWS managed rules, the identifier (e.g. ROOT_ACCOUNT_MFA_ENABLED). */
  sourceIdentifier: z.string().nullable(),
  owner: z.string(),
  state: z.string().nullable(),
});

export const kmsKeySchema = z.object({
  id: z.string(),
  arn: z.string(),
  /** CUSTOMER | AWS */
  manager: z.string(),
  /** SYMMETRIC_DEFAULT, RSA_2048, ... */
  spec: z.string(),
  /** Enabled, Disabled, PendingDeletion, ... */
  state: z.string(),
  /** null when not asked (AWS-managed, asymmetric) or the call failed. */
  rotationEnabled: z.boolean().nullable(),
});

/** An EventBridge rule of the default bus; `targets` (their ARNs) is null when not asked (a pattern that cannot catch a sign-in). */
export const eventRuleSchema = z.object({
  name: z.string(),
  state: z.string().nullable(),
  eventPattern: z.string().nullable(),
  targets: z.array(z.string()).nullable(),
});

export const regionFactsSchema = z.object({
  alarms: z.array(alarmSchema).optional(),
  metricFilters: z.array(metricFilterSchema).optional(),
  snsSubscriptions: z.array(snsSubscriptionSchema).optional(),
  configRecorders: z.array(configRecorderSchema).optional(),
  configRules: z.array(configRuleSchema).optional(),
  kmsKeys: z.array(kmsKeySchema).optional(),
  accessAnalyzers: z.array(z.object({ arn: z.string(), name: z.string(), type: z.string(), status: z.string() })).optional(),
  guardDutyDetectors: z.array(z.object({ id: z.string(), status: z.string() })).optional(),
  /** EventBridge rules (us-east-1 only: the root sign-in alert). */
  eventRules: z.array(eventRuleSchema).optional(),
  /** Security Hub: null when not subscribed in this region. */
  securityHub: z.object({ hubArn: z.string() }).nullable().optional(),
  /** DynamoDB table names: read only in the regions the account's own policies name a table in (policy-resource-missing). */
  dynamodbTables: z.array(z.string()).optional(),
});

export type Alarm = z.infer<typeof alarmSchema>;
export type MetricFilter = z.infer<typeof metricFilterSchema>;
export type SnsSubscription = z.infer<typeof snsSubscriptionSchema>;
export type ConfigRecorder = z.infer<typeof configRecorderSchema>;
export type ConfigRule = z.infer<typeof configRuleSchema>;
export type KmsKey = z.infer<typeof kmsKeySchema>;
export type EventRule = z.infer<typeof eventRuleSchema>;
export type RegionFacts = z.infer<typeof regionFactsSchema>;
