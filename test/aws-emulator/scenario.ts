// The scenario: an AWS account described as data, seeded into the emulator. JSON files in scenarios/
// follow this schema; objects are strict so a typo in a field name fails loudly instead of being ignored.
// Dates are ISO 8601 or relative to the emulator's clock ("-120d", "+30d", "now"; see dates.ts).
// Secrets (passwords, secret access keys) exist here only to prove that no response ever echoes them.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isDateSpec } from './dates.js';
import { costScenarioFields } from './scenario-cost.js';
import { loggingScenarioFields, publicAccessBlock } from './scenario-logging.js';
import { regionalSchema } from './scenario-regional.js';
import { trailScenarioFields } from './scenario-trail.js';
import { stsScenarioFields } from './scenario-sts.js';

const date = z.string().refine(isDateSpec, { message: 'expected an ISO date, "now", or a relative date like "-120d"' });
const name = z.string().min(1);
const path = z
  .string()
  .regex(/^\/(.*\/)?$/, 'an IAM path starts and ends with "/"')
  .default('/');
const accessKeyId = z.string().regex(/^(AKIA|ASIA)[A-Z0-9]{12,124}$/, 'expected an access key id like AKIA...');
/** A policy document: a JSON object, or a string sent verbatim (for grammar/lint tests with odd formatting). */
const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())]);
const tags = z.record(z.string(), z.string()).default({});
const policyArns = z.array(z.string().startsWith('arn:')).default([]);

const inlinePolicy = z.strictObject({ name, document: policyDocument });

const keyLastUsed = z.strictObject({ date, region: z.string(), service: z.string() });

/** Root's keys say `active`, users' say `status` (as IAM does); either is accepted on both. Default: active. */
const accessKey = z.strictObject({
  id: accessKeyId,
  secret: z.string().min(1),
  status: z.enum(['Active', 'Inactive']).optional(),
  active: z.boolean().optional(),
  created: date,
  lastUsed: keyLastUsed.optional(),
});

const mfaDevice = z.strictObject({
  type: z.enum(['virtual', 'hardware']),
  /** Default: `arn:aws:iam::ACCOUNT:mfa/USER` (virtual), a `GAHT...` token serial (hardware). */
  serial: z.string().optional(),
  enabled: date.optional(),
});

const user = z.strictObject({
  name,
  path,
  /** Default: derived from the name (AIDA...). */
  id: z.string().optional(),
  created: date,
  password: z.strictObject({ value: z.string().min(1), created: date, lastUsed: date.optional() }).optional(),
  mfa: z.array(mfaDevice).default([]),
  accessKeys: z.array(accessKey).max(2, 'IAM allows two access keys per user').default([]),
  /** Group names. */
  groups: z.array(name).default([]),
  attachedPolicies: policyArns,
  inlinePolicies: z.array(inlinePolicy).default([]),
  permissionsBoundary: z.string().optional(),
  tags,
});

const group = z.strictObject({
  name,
  path,
  id: z.string().optional(),
  created: date,
  attachedPolicies: policyArns,
  inlinePolicies: z.array(inlinePolicy).default([]),
});

const role = z.strictObject({
  name,
  path,
  id: z.string().optional(),
  created: date,
  description: z.string().optional(),
  trustPolicy: policyDocument,
  attachedPolicies: policyArns,
  inlinePolicies: z.array(inlinePolicy).default([]),
  lastUsed: z.strictObject({ date, region: z.string() }).optional(),
  permissionsBoundary: z.string().optional(),
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
  tags,
});

/** A customer managed policy. `document` is the default version; `versions` are older, non-default ones. */
const customerPolicy = z.strictObject({
  name,
  path,
  id: z.string().optional(),
  created: date,
  description: z.string().optional(),
  document: policyDocument,
  versions: z.array(z.strictObject({ document: policyDocument, created: date })).max(4).default([]),
});

/** Adds to (or overrides) the built-in catalogue of AWS managed policies (aws-managed-policies.ts). */
const awsManagedPolicy = z.strictObject({ name, path, document: policyDocument, created: date.optional(), versionId: z.string().optional() });

const passwordPolicy = z.strictObject({
  minimumPasswordLength: z.number().int().min(6).max(128).default(8),
  requireSymbols: z.boolean().default(false),
  requireNumbers: z.boolean().default(false),
  requireUppercaseCharacters: z.boolean().default(false),
  requireLowercaseCharacters: z.boolean().default(false),
  allowUsersToChangePassword: z.boolean().default(false),
  /** Days; absent = passwords never expire. */
  maxPasswordAge: z.number().int().min(1).max(1095).optional(),
  passwordReusePrevention: z.number().int().min(1).max(24).optional(),
  hardExpiry: z.boolean().default(false),
});

const contact = z.strictObject({ name: z.string(), title: z.string(), emailAddress: z.string(), phoneNumber: z.string() });

const serverCertificate = z.strictObject({ name, path, id: z.string().optional(), uploaded: date.default('-400d'), expiration: date });

/** An ARN (`arn:aws:iam::ACCT:user/x`, `:root`, `:role/x`, `arn:aws:sts::ACCT:assumed-role/x/session`), or with an explicit UserId. */
const caller = z.union([z.string().startsWith('arn:'), z.strictObject({ arn: z.string().startsWith('arn:'), userId: z.string().optional() })]);

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  account: z.strictObject({
    id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    alias: z.string().nullable().default(null),
    partition: z.string().default('aws'),
    created: date.default('-1000d'),
  }),
  root: z.strictObject({
    mfa: z.enum(['virtual', 'hardware', 'none']),
    /** Default: `arn:aws:iam::ACCT:mfa/root-account-mfa-device` (virtual) or a token serial (hardware). */
    mfaSerial: z.string().optional(),
    mfaEnabled: date.optional(),
    /** Absent or null: never signed in (`no_information` in the credential report). */
    passwordLastUsed: date.nullable().default(null),
    accessKeys: z.array(accessKey).max(2).default([]),
  }),
  users: z.array(user).default([]),
  groups: z.array(group).default([]),
  roles: z.array(role).default([]),
  policies: z.array(customerPolicy).default([]),
  awsManagedPolicies: z.array(awsManagedPolicy).default([]),
  /** null or absent: no password policy (GetAccountPasswordPolicy answers NoSuchEntity). */
  passwordPolicy: passwordPolicy.nullable().default(null),
  /** A type absent or null: not set (GetAlternateContact answers ResourceNotFoundException). */
  alternateContacts: z
    .strictObject({ BILLING: contact.nullable().optional(), SECURITY: contact.nullable().optional(), OPERATIONS: contact.nullable().optional() })
    .default({}),
  serverCertificates: z.array(serverCertificate).default([]),
  /** null or absent: no account-level block (NoSuchPublicAccessBlockConfiguration). */
  s3PublicAccessBlock: publicAccessBlock.nullable().default(null),
  /** CloudTrail trails, S3 buckets, the organization (scenario-logging.ts). */
  ...loggingScenarioFields,
  /** CloudTrail events LookupEvents serves, per region by their awsRegion (scenario-trail.ts). */
  ...trailScenarioFields,
  /** Regions and their opt-in state, regions that never answer, budgets, anomaly detection, CUR (scenario-cost.ts). */
  ...costScenarioFields,
  /** Facts per region, `*` for every region (scenario-regional.ts). */
  regional: regionalSchema.default({}),
  /** The MFA code that passes, and how long new access keys take to work (scenario-sts.ts). */
  ...stsScenarioFields,
  /** Access key id -> who calls with it. Active keys of users and root are callers without being listed. */
  callers: z.record(accessKeyId, caller).default({}),
  credentialReport: z
    .strictObject({
      /** Answers "not ready" before the report is: 1 = GenerateCredentialReport says STARTED once, then COMPLETE. */
      notReadyPolls: z.number().int().min(0).default(1),
      /** A report already exists: GetCredentialReport works before any GenerateCredentialReport. */
      preGenerated: z.boolean().default(false),
    })
    .default({ notReadyPolls: 1, preGenerated: false }),
  quirks: z
    .strictObject({
      /** The credential report has no `<root_account>` row. */
      noRootRow: z.boolean().default(false),
      /** GetAccountSummary omits AccountMFAEnabled and AccountAccessKeysPresent. */
      lieAboutRoot: z.boolean().default(false),
    })
    .default({ noRootRow: false, lieAboutRoot: false }),
});

/** What a scenario author writes (defaults optional). */
export type Scenario = z.input<typeof scenarioSchema>;
/** After validation, defaults filled in. */
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type ScenarioUser = ParsedScenario['users'][number];
export type ScenarioAccessKey = ScenarioUser['accessKeys'][number];
export type PolicyDocumentInput = ScenarioUser['inlinePolicies'][number]['document'];

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

export function parseScenario(input: unknown, source = 'scenario'): ParsedScenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(`${source}: invalid scenario\n${z.prettifyError(result.error)}`);
  return result.data;
}

export async function loadScenario(scenario: Scenario | string): Promise<ParsedScenario> {
  if (typeof scenario !== 'string') return parseScenario(scenario);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(scenario, 'utf8'));
  } catch (error) {
    throw new ScenarioError(`${scenario}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseScenario(json, scenario);
}
