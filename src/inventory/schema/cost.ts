import { z } from 'zod';

const subscriber = z.object({ type: z.string() /* EMAIL | SNS */, address: z.string() });

export const budgetSchema = z.object({
  name: z.string(),
  /** COST, USAGE, RI_UTILIZATION, ... */
  budgetType: z.string(),
  timeUnit: z.string(),
  limit: z.object({ amount: z.number(), unit: z.string() }).nullable(),
  /** Budgets API CostFilters; empty means the whole account. */
  costFilters: z.record(z.string(), z.array(z.string())).default({}),
  /** Budgets API FilterExpression, the newer form of filters, as the API gives it; absent or null: none. */
  filterExpression: z.unknown().optional(),
  notifications: z.array(
    z.object({
      notificationType: z.string() /* ACTUAL | FORECASTED */,
      comparisonOperator: z.string() /* GREATER_THAN | ... */,
      threshold: z.number(),
      thresholdType: z.string() /* PERCENTAGE | ABSOLUTE_VALUE */,
      state: z.string().nullable(),
      subscribers: z.array(subscriber),
    }),
  ),
});

export const costSchema = z.object({
  budgets: z.array(budgetSchema).optional(),
  anomalyMonitors: z.array(z.object({ arn: z.string(), name: z.string(), type: z.string() })).optional(),
  anomalySubscriptions: z
    .array(z.object({ arn: z.string(), name: z.string(), monitorArns: z.array(z.string()), frequency: z.string(), subscribers: z.array(subscriber) }))
    .optional(),
  /** Cost and Usage Report definitions (CUR API). */
  reportDefinitions: z.array(z.object({ name: z.string(), s3Bucket: z.string(), s3Region: z.string() })).optional(),
  /** Data Exports (the CUR 2.0 successor). */
  dataExports: z.array(z.object({ name: z.string(), arn: z.string(), s3Bucket: z.string().nullable() })).optional(),
});

export type Budget = z.infer<typeof budgetSchema>;
export type CostFacts = z.infer<typeof costSchema>;
