// rampart.yaml: the desired state of the account. Every key is optional; an absent key takes the seeds' default.
// A section set to `false` is left alone (not planned, never changed).
import { z } from 'zod';

const email = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'expected an email address');
const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/, 'expected a region name such as us-east-1');
const off = z.literal(false);

export const specSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Where regional services go (Config, GuardDuty, Access Analyzer); default: every enabled region. */
    regions: z.array(region).min(1).optional(),
    /** Who gets the alerts (budget, billing alarm, security alarms). Required for the cost and monitoring sections. */
    alertEmails: z.array(email).default([]),
    passwordPolicy: z
      .union([
        off,
        z
          .object({
            minimumLength: z.number().int().min(6).max(128).default(14),
            requireSymbols: z.boolean().default(true),
            requireNumbers: z.boolean().default(true),
            requireUppercase: z.boolean().default(true),
            requireLowercase: z.boolean().default(true),
            allowUsersToChangePassword: z.boolean().default(true),
            maxPasswordAge: z.number().int().min(1).max(1095).default(90),
            passwordReusePrevention: z.number().int().min(1).max(24).default(24),
          })
          .strict(),
      ])
      .prefault({}),
    admins: z
      .union([
        off,
        z
          .object({
            group: z.string().default('admins'),
            /** AdministratorAccess (default) or the seed 001 variant IAMFullAccess. */
            policy: z.enum(['AdministratorAccess', 'IAMFullAccess']).default('AdministratorAccess'),
            users: z.array(z.string().regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM user name')).default([]),
          })
          .strict(),
      ])
      .prefault({}),
    /** The customer-managed force-MFA policy, attached to every human group (the admin group at least). */
    forceMfa: z.union([off, z.object({ policyName: z.string().default('ForceMFA') }).strict()]).prefault({}),
    accountAlias: z.union([off, z.string().regex(/^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$/, 'expected 3-63 lowercase letters, digits and single hyphens').min(3).max(63)]).optional(),
    /** The account already has another alias: replace it (its old sign-in URL stops working). Default: leave it. */
    replaceAccountAlias: z.boolean().optional(),
    alternateContacts: z
      .union([
        off,
        z
          .object({
            security: z.object({ name: z.string(), title: z.string(), email, phone: z.string() }).strict().optional(),
            billing: z.object({ name: z.string(), title: z.string(), email, phone: z.string() }).strict().optional(),
            operations: z.object({ name: z.string(), title: z.string(), email, phone: z.string() }).strict().optional(),
          })
          .strict(),
      ])
      .optional(),
    budget: z
      .union([
        off,
        z
          .object({
            name: z.string().default('monthly-cost'),
            amount: z.number().positive().default(20),
            currency: z.string().default('USD'),
            /** ACTUAL alerts, percent of the amount. */
            actualAlerts: z.array(z.number().positive()).default([50, 80, 100]),
            /** FORECASTED alerts, percent of the amount. */
            forecastAlerts: z.array(z.number().positive()).default([100]),
          })
          .strict(),
      ])
      .prefault({}),
    billingAlarms: z
      .union([off, z.object({ thresholds: z.array(z.number().positive()).default([10, 50, 100]), topic: z.string().default('rampart-billing') }).strict()])
      .prefault({}),
    cloudtrail: z
      .union([
        off,
        z
          .object({
            name: z.string().default('rampart-management-events'),
            /** Default: rampart-cloudtrail-<account id>. */
            bucket: z.string().optional(),
            kms: z.boolean().default(true),
            cloudWatchLogs: z.boolean().default(true),
            logGroup: z.string().default('rampart/cloudtrail'),
          })
          .strict(),
      ])
      .prefault({}),
    securityAlarms: z.union([off, z.object({ topic: z.string().default('rampart-security'), rootSignInRule: z.boolean().default(true) }).strict()]).prefault({}),
    config: z.union([off, z.object({ bucket: z.string().optional(), rules: z.boolean().default(true) }).strict()]).prefault({}),
    s3PublicAccessBlock: z.boolean().default(true),
    accessAnalyzer: z.boolean().default(true),
    guardDuty: z.boolean().default(true),
    /** Security Hub with the default standards in every region of the plan. */
    securityHub: z.boolean().default(true),
    supportRole: z.union([off, z.object({ name: z.string().default('AWSSupport') }).strict()]).prefault({}),
    costAnomaly: z.union([off, z.object({ thresholdUsd: z.number().positive().default(10) }).strict()]).prefault({}),
    /** A CUR 2.0 data export to S3 unless one (or a legacy CUR) exists. Default bucket: rampart-cost-reports-<account id>. */
    costReport: z.union([off, z.object({ bucket: z.string().optional() }).strict()]).prefault({}),
  })
  .strict();

export type BaselineSpec = z.infer<typeof specSchema>;
