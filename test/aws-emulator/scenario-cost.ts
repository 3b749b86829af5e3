// The scenario's account-wide cost facts and its regions (keys `regions`, `hangRegions`, `budgets`,
// `anomalyMonitors`, `anomalySubscriptions`, `reportDefinitions`, `dataExports`). Objects are strict, as in scenario.ts.
import { z } from 'zod';
import { ALWAYS_ENABLED_REGIONS } from '../../src/inventory/regions.js';
import { isDateSpec } from './dates.js';

const date = z.string().refine(isDateSpec, { message: 'expected an ISO date, "now", or a relative date like "-120d"' });
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a region name like us-east-1');
const money = z.strictObject({ amount: z.number().nonnegative(), unit: z.string().default('USD') });
const optIn = z.enum(['opt-in-not-required', 'opted-in', 'not-opted-in']);

/** A region: its name alone (opt-in not required), or with its opt-in state. */
export const regionEntry = z.union([region, z.strictObject({ name: region, optIn: optIn.default('opt-in-not-required') })]);

/** The regions every account has (opt-in not required: rampart's own list), and some opt-in ones this account has not enabled. */
export const DEFAULT_REGIONS: readonly z.output<typeof regionEntry>[] = [
  ...ALWAYS_ENABLED_REGIONS,
  { name: 'af-south-1', optIn: 'not-opted-in' },
  { name: 'ap-east-1', optIn: 'not-opted-in' },
  { name: 'me-south-1', optIn: 'not-opted-in' },
];

const budgetSubscriber = z.strictObject({ type: z.enum(['EMAIL', 'SNS']).default('EMAIL'), address: z.string().min(3) });

const budgetNotification = z.strictObject({
  type: z.enum(['ACTUAL', 'FORECASTED']).default('ACTUAL'),
  comparison: z.enum(['GREATER_THAN', 'LESS_THAN', 'EQUAL_TO']).default('GREATER_THAN'),
  threshold: z.number().nonnegative(),
  thresholdType: z.enum(['PERCENTAGE', 'ABSOLUTE_VALUE']).default('PERCENTAGE'),
  state: z.enum(['OK', 'ALARM']).default('OK'),
  subscribers: z.array(budgetSubscriber).max(10).default([]),
});

export const budgetFacts = z.strictObject({
  name: z.string().regex(/^[^:\\]{1,100}$/, 'a budget name is 1-100 characters without ":" or "\\"'),
  type: z.enum(['COST', 'USAGE', 'RI_UTILIZATION', 'RI_COVERAGE', 'SAVINGS_PLANS_UTILIZATION', 'SAVINGS_PLANS_COVERAGE']).default('COST'),
  timeUnit: z.enum(['DAILY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY']).default('MONTHLY'),
  /** Absent on utilization/coverage budgets. */
  limit: money.optional(),
  /** e.g. {"Service": ["Amazon Elastic Compute Cloud - Compute"]}; empty: the whole account. */
  costFilters: z.record(z.string(), z.array(z.string())).default({}),
  /** The Budgets API Expression (the newer form of filters), sent as given when DescribeBudgets asks for it. */
  filterExpression: z.record(z.string(), z.unknown()).optional(),
  notifications: z.array(budgetNotification).max(5, 'a budget has at most 5 notifications').default([]),
});

export const anomalyMonitorFacts = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['DIMENSIONAL', 'CUSTOM']).default('DIMENSIONAL'),
  /** DIMENSIONAL monitors watch by SERVICE (or LINKED_ACCOUNT, COST_CATEGORY, TAG). */
  dimension: z.enum(['SERVICE', 'LINKED_ACCOUNT', 'COST_CATEGORY', 'TAG']).optional(),
  created: date.default('-200d'),
});

export const anomalySubscriptionFacts = z.strictObject({
  name: z.string().min(1),
  /** Names of the scenario's monitors. */
  monitors: z.array(z.string().min(1)).min(1),
  frequency: z.enum(['DAILY', 'IMMEDIATE', 'WEEKLY']).default('DAILY'),
  subscribers: z
    .array(z.strictObject({ type: z.enum(['EMAIL', 'SNS']).default('EMAIL'), address: z.string().min(3), status: z.enum(['CONFIRMED', 'DECLINED']).default('CONFIRMED') }))
    .default([]),
  /** Absolute impact in USD that triggers an alert. */
  threshold: z.number().nonnegative().default(100),
});

export const reportDefinitionFacts = z.strictObject({
  name: z.string().regex(/^[\w.-]{1,256}$/, 'a report name is letters, digits, "_", "." or "-"'),
  bucket: z.string().min(3),
  prefix: z.string().default(''),
  region: region.default('us-east-1'),
  timeUnit: z.enum(['HOURLY', 'DAILY', 'MONTHLY']).default('HOURLY'),
  format: z.enum(['textORcsv', 'Parquet']).default('Parquet'),
  compression: z.enum(['ZIP', 'GZIP', 'Parquet']).default('Parquet'),
});

export const dataExportFacts = z.strictObject({
  name: z.string().regex(/^[\w.-]{1,128}$/, 'an export name is letters, digits, "_", "." or "-"'),
  bucket: z.string().min(3),
  prefix: z.string().default(''),
  region: region.default('us-east-1'),
  /** CUR 2.0 by default. */
  query: z.string().default('SELECT * FROM COST_AND_USAGE_REPORT'),
  status: z.enum(['HEALTHY', 'UNHEALTHY']).default('HEALTHY'),
  created: date.default('-100d'),
});

/** The keys scenario.ts spreads into its schema. */
export const costScenarioFields = {
  /** EC2 DescribeRegions(AllRegions): every region of the partition with its opt-in state. */
  regions: z.array(regionEntry).min(1).default([...DEFAULT_REGIONS]),
  /** Requests signed for these regions get no answer (until the client gives up): for deadline tests. */
  hangRegions: z.array(region).default([]),
  budgets: z.array(budgetFacts).default([]),
  anomalyMonitors: z.array(anomalyMonitorFacts).default([]),
  anomalySubscriptions: z.array(anomalySubscriptionFacts).default([]),
  /** Legacy Cost and Usage Reports (CUR API). */
  reportDefinitions: z.array(reportDefinitionFacts).default([]),
  /** BCM Data Exports (CUR 2.0). */
  dataExports: z.array(dataExportFacts).default([]),
};

export type BudgetFacts = z.output<typeof budgetFacts>;
export type AnomalyMonitorFacts = z.output<typeof anomalyMonitorFacts>;
export type AnomalySubscriptionFacts = z.output<typeof anomalySubscriptionFacts>;
export type ReportDefinitionFacts = z.output<typeof reportDefinitionFacts>;
export type DataExportFacts = z.output<typeof dataExportFacts>;
export type RegionEntry = z.output<typeof regionEntry>;
