// The JSON contract of `rampart audit --format json` (DESIGN.md), as a zod schema that tests and consumers validate with.
// The contract's keys never change; additions (score, areas) are optional so older output still validates.
import { z } from 'zod';
import { AREAS, SEVERITIES, STATUSES } from '../checks/types.js';

export const AUDIT_OUTPUT_SCHEMA_VERSION = 1;

const count = z.number().int().nonnegative();
const score = z.number().int().min(0).max(100).nullable();

export const remediationSchema = z.object({
  summary: z.string(),
  console: z.array(z.string()),
  cli: z.array(z.string()),
});

export const auditResultSchema = z.object({
  checkId: z.string().min(1),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  area: z.enum(AREAS),
  resource: z.string(),
  message: z.string(),
  remediation: remediationSchema,
});

export const statusCountsSchema = z.object({
  PASS: count,
  FAIL: count,
  UNKNOWN: count,
  NOT_APPLICABLE: count,
  MANUAL: count,
});

export const areaSummarySchema = statusCountsSchema.extend({ score });

export const auditOutputSchema = z
  .object({
    schemaVersion: z.literal(AUDIT_OUTPUT_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('rampart'), version: z.string().min(1) }),
    account: z.object({
      id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
      partition: z.string().min(1),
      alias: z.string().nullable(),
    }),
    collectedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO-8601 date' }),
    results: z.array(auditResultSchema),
    summary: statusCountsSchema,
    // Extras beyond the contract: the overall score and, per area with results, its counts and score.
    score: score.optional(),
    areas: z.partialRecord(z.enum(AREAS), areaSummarySchema).optional(),
  })
  .superRefine((out, ctx) => {
    // A summary that disagrees with the results it summarises is a bug a consumer should hear about.
    for (const status of STATUSES) {
      const n = out.results.filter((r) => r.status === status).length;
      if (out.summary[status] !== n) {
        ctx.addIssue({ code: 'custom', path: ['summary', status], message: `summary says ${out.summary[status]}, results have ${n}` });
      }
    }
  });

export type AuditOutput = z.infer<typeof auditOutputSchema>;
export type AuditResult = z.infer<typeof auditResultSchema>;
export type AreaSummaryOutput = z.infer<typeof areaSummarySchema>;
