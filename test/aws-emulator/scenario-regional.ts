// Facts that live in one region: the scenario's `regional` key, `{ 'us-east-1': {...}, '*': {...} }`.
// `*` applies to every region; a region's own entry replaces it field by field (a region listing `kmsKeys`
// gets only its own keys, and still the `*` Config rules). One object for every regional service: add a
// service's fields here beside the others rather than a second per-region key.
import { z } from 'zod';
import { isDateSpec } from './dates.js';
import { monitoringRegionFields } from './scenario-monitoring.js';

const date = z.string().refine(isDateSpec, { message: 'expected an ISO date, "now", or a relative date like "-120d"' });

export const kmsKeyFacts = z.strictObject({
  /** Default: a UUID derived from the account, the region and the key's place in the list. */
  id: z.uuid().optional(),
  description: z.string().default(''),
  /** AWS: a key AWS manages for a service (aws/s3, ...); its rotation is AWS's business. */
  manager: z.enum(['CUSTOMER', 'AWS']).default('CUSTOMER'),
  spec: z.enum(['SYMMETRIC_DEFAULT', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'HMAC_256']).default('SYMMETRIC_DEFAULT'),
  state: z.enum(['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport']).default('Enabled'),
  rotation: z.boolean().default(false),
  created: date.default('-300d'),
});

export const configRecorderFacts = z.strictObject({
  name: z.string().min(1).default('default'),
  allSupported: z.boolean().default(true),
  includeGlobalResourceTypes: z.boolean().default(true),
  /** Absent: an old recorder without a recording strategy. */
  recordingStrategy: z.enum(['ALL_SUPPORTED_RESOURCE_TYPES', 'EXCLUSION_BY_RESOURCE_TYPES', 'INCLUSION_BY_RESOURCE_TYPES']).optional(),
  resourceTypes: z.array(z.string()).default([]),
  /** DescribeConfigurationRecorderStatus. */
  recording: z.boolean().default(true),
  /** The service answers these in capitals, whatever its model's enum says. */
  lastStatus: z.enum(['PENDING', 'SUCCESS', 'FAILURE']).default('SUCCESS'),
});

/** A rule; a bare name is an AWS managed rule of that name (its identifier from the table in services/config.ts). */
export const configRuleFacts = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    /** Default: the managed rule's identifier for known names, else the name in UPPER_SNAKE. */
    sourceIdentifier: z.string().optional(),
    owner: z.enum(['AWS', 'CUSTOM_LAMBDA', 'CUSTOM_POLICY']).default('AWS'),
    state: z.enum(['ACTIVE', 'DELETING', 'DELETING_RESULTS', 'EVALUATING']).default('ACTIVE'),
  }),
]);

export const deliveryChannelFacts = z.strictObject({
  name: z.string().min(1).default('default'),
  bucket: z.string().min(1),
  prefix: z.string().optional(),
  snsTopicArn: z.string().optional(),
});

export const accessAnalyzerFacts = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['ACCOUNT', 'ORGANIZATION', 'ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS']).default('ACCOUNT'),
  status: z.enum(['ACTIVE', 'CREATING', 'DISABLED', 'FAILED']).default('ACTIVE'),
  created: date.default('-300d'),
});

export const guardDutyDetectorFacts = z.strictObject({
  /** Default: 32 hex characters derived from the account and the region. */
  id: z.string().regex(/^[0-9a-f]{32}$/, 'a detector id is 32 lowercase hex characters').optional(),
  status: z.enum(['ENABLED', 'DISABLED']).default('ENABLED'),
  created: date.default('-300d'),
});

export const securityHubFacts = z.strictObject({ subscribed: date.default('-300d'), autoEnableControls: z.boolean().default(true) });

export const regionFactsSchema = z.strictObject({
  kmsKeys: z.array(kmsKeyFacts).optional(),
  /** DynamoDB ListTables: table names. */
  dynamodbTables: z.array(z.string().min(3)).optional(),
  configRecorders: z.array(configRecorderFacts).optional(),
  configRules: z.array(configRuleFacts).optional(),
  deliveryChannels: z.array(deliveryChannelFacts).optional(),
  accessAnalyzers: z.array(accessAnalyzerFacts).optional(),
  guardDutyDetectors: z.array(guardDutyDetectorFacts).optional(),
  /** null or absent: not subscribed (DescribeHub answers InvalidAccessException). */
  securityHub: securityHubFacts.nullable().optional(),
  /** CloudWatch alarms, Logs groups and metric filters, SNS topics (scenario-monitoring.ts). */
  ...monitoringRegionFields,
});

/** Region name (or `*`) -> its facts. */
export const regionalSchema = z.record(z.string().regex(/^(\*|[a-z]{2}(-[a-z]+)+-\d)$/, 'expected a region name like us-east-1, or *'), regionFactsSchema);

export type RegionFactsInput = z.input<typeof regionFactsSchema>;
export type RegionFacts = z.output<typeof regionFactsSchema>;
export type KmsKeyFacts = z.output<typeof kmsKeyFacts>;
export type ConfigRecorderFacts = z.output<typeof configRecorderFacts>;
export type ConfigRuleFacts = z.output<typeof configRuleFacts>;

/** The facts of `region`: its own entry over the `*` entry, field by field. */
export function factsOf(regional: Readonly<Record<string, RegionFacts>>, region: string): RegionFacts {
  const all = regional['*'] ?? {};
  const own = regional[region] ?? {};
  const merged: Record<string, unknown> = { ...all };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) merged[key] = value;
  return merged as RegionFacts;
}
