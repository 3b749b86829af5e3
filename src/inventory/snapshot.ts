// The account snapshot: everything the checks read, and nothing secret.
// A section that could not be collected is absent; `errors` says why. `null` always means
// "collected, and AWS says there is none" (e.g. no password policy).
import { z } from 'zod';
import { isoDate, policyDocument, publicAccessBlockSchema } from './schema/common.js';
import { costSchema } from './schema/cost.js';
import { loggingSchema } from './schema/logging.js';
import { regionFactsSchema } from './schema/regional.js';
import { regionsSchema } from './schema/regions.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;
export const SNAPSHOT_KIND = 'rampart-snapshot';

// IAM policy documents (policyDocument) are parsed from the URL-encoded JSON AWS returns.
const attachedPolicy = z.object({ name: z.string(), arn: z.string() });
const inlinePolicy = z.object({ name: z.string(), document: policyDocument });

export const iamUserSchema = z.object({
  name: z.string(),
  id: z.string(),
  arn: z.string(),
  path: z.string().default('/'),
  createDate: isoDate,
  groups: z.array(z.string()).default([]),
  attachedPolicies: z.array(attachedPolicy).default([]),
  inlinePolicies: z.array(inlinePolicy).default([]),
  permissionsBoundaryArn: z.string().nullable().default(null),
  tags: z.record(z.string(), z.string()).default({}),
});

export const iamGroupSchema = z.object({
  name: z.string(),
  id: z.string(),
  arn: z.string(),
  path: z.string().default('/'),
  createDate: isoDate,
  attachedPolicies: z.array(attachedPolicy).default([]),
  inlinePolicies: z.array(inlinePolicy).default([]),
});

export const iamRoleSchema = z.object({
  name: z.string(),
  id: z.string(),
  arn: z.string(),
  path: z.string().default('/'),
  createDate: isoDate,
  assumeRolePolicy: policyDocument,
  attachedPolicies: z.array(attachedPolicy).default([]),
  inlinePolicies: z.array(inlinePolicy).default([]),
  permissionsBoundaryArn: z.string().nullable().default(null),
  lastUsedDate: isoDate.nullable().default(null),
  tags: z.record(z.string(), z.string()).default({}),
});

export const managedPolicySchema = z.object({
  name: z.string(),
  id: z.string(),
  arn: z.string(),
  path: z.string().default('/'),
  /** true for policies owned by AWS (arn:aws:iam::aws:policy/...). */
  awsManaged: z.boolean(),
  attachmentCount: z.number().int().nonnegative(),
  defaultVersionId: z.string(),
  /** The default version's document. */
  document: policyDocument,
});

const accessKeyRow = z.object({
  active: z.boolean(),
  lastRotated: isoDate.nullable(),
  lastUsedDate: isoDate.nullable(),
  lastUsedRegion: z.string().nullable(),
  lastUsedService: z.string().nullable(),
});

/** One row of the IAM credential report. The root user is the row whose user is `<root_account>`. */
export const credentialRowSchema = z.object({
  user: z.string(),
  arn: z.string(),
  userCreationTime: isoDate.nullable(),
  /** null where the report says not_supported (the root row). */
  passwordEnabled: z.boolean().nullable(),
  passwordLastUsed: isoDate.nullable(),
  passwordLastChanged: isoDate.nullable(),
  passwordNextRotation: isoDate.nullable(),
  mfaActive: z.boolean(),
  accessKeys: z.array(accessKeyRow),
  certs: z.array(z.object({ active: z.boolean(), lastRotated: isoDate.nullable() })).default([]),
});

export const passwordPolicySchema = z.object({
  minimumLength: z.number().int().nullable(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercase: z.boolean(),
  requireLowercase: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  /** null when passwords never expire. */
  maxPasswordAge: z.number().int().nullable(),
  /** null when reuse is not restricted. */
  passwordReusePrevention: z.number().int().nullable(),
  hardExpiry: z.boolean(),
});

const contactSchema = z.object({ name: z.string().nullable(), emailAddress: z.string().nullable(), title: z.string().nullable() });

export const snapshotErrorSchema = z.object({
  service: z.string(),
  operation: z.string(),
  code: z.string(),
  message: z.string(),
  region: z.string().nullable().default(null),
});

export const snapshotSchema = z.object({
  kind: z.literal(SNAPSHOT_KIND),
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  collectedAt: isoDate,
  account: z.object({
    id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    partition: z.string().default('aws'),
    alias: z.string().nullable().default(null),
  }),
  caller: z.object({ arn: z.string(), userId: z.string(), account: z.string() }).optional(),
  iam: z
    .object({
      users: z.array(iamUserSchema).optional(),
      groups: z.array(iamGroupSchema).optional(),
      roles: z.array(iamRoleSchema).optional(),
      policies: z.array(managedPolicySchema).optional(),
      credentialReport: z.object({ generatedAt: isoDate, rows: z.array(credentialRowSchema) }).optional(),
      /** GetAccountSummary's SummaryMap. */
      summary: z.record(z.string(), z.number()).optional(),
      passwordPolicy: passwordPolicySchema.nullable().optional(),
      virtualMfaDevices: z
        .array(z.object({ serialNumber: z.string(), userArn: z.string().nullable(), enableDate: isoDate.nullable() }))
        .optional(),
      serverCertificates: z
        .array(z.object({ name: z.string(), arn: z.string(), expiration: isoDate.nullable() }))
        .optional(),
    })
    .default({}),
  /** Alternate contacts by type; null = not set. */
  alternateContacts: z
    .object({ BILLING: contactSchema.nullable().optional(), SECURITY: contactSchema.nullable().optional(), OPERATIONS: contactSchema.nullable().optional() })
    .optional(),
  /** The regions audited; absent in a snapshot of the identity areas only. */
  regions: regionsSchema.optional(),
  cost: costSchema.optional(),
  logging: loggingSchema.optional(),
  /** Account-level S3 public access block (S3 Control); null: none set. */
  s3AccountPublicAccessBlock: publicAccessBlockSchema.nullable().optional(),
  /** Facts gathered in each audited region, by region name. */
  regional: z.record(z.string(), regionFactsSchema).default({}),
  errors: z.array(snapshotErrorSchema).default([]),
});

export type AccountSnapshot = z.infer<typeof snapshotSchema>;
export type IamUser = z.infer<typeof iamUserSchema>;
export type IamGroup = z.infer<typeof iamGroupSchema>;
export type IamRole = z.infer<typeof iamRoleSchema>;
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
export type CredentialRow = z.infer<typeof credentialRowSchema>;
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;
export type SnapshotError = z.infer<typeof snapshotErrorSchema>;
export type AlternateContact = z.infer<typeof contactSchema>;

export const ROOT_ROW_USER = '<root_account>';
