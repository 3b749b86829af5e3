import { z } from 'zod';

/** Which regions the audit looked at, and why it skipped the others. */
export const regionsSchema = z.object({
  /** Enabled for the account (opt-in not required, or opted in), from EC2 DescribeRegions. */
  enabled: z.array(z.string()),
  /** Opt-in regions the account has not enabled: skipped, not errors. */
  notEnabled: z.array(z.string()).default([]),
  /** The regions collected: the enabled ones, limited by --regions. */
  audited: z.array(z.string()),
  /** Why the audited set is not simply `enabled`: a requested region that is not enabled, DescribeRegions failing. */
  notes: z.array(z.string()).optional(),
});
export type Regions = z.infer<typeof regionsSchema>;
