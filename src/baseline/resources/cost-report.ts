// The detailed bill delivered to S3 (seed 004, step 4; the cost-usage-report check): a BCM Data Export of the CUR 2.0
// table, daily, in Parquet, into a private bucket of the account.
//
// Decisions:
// - A legacy CUR definition or a data export that already delivers to S3 is adopted: the check counts either, and a
//   second copy of the bill is only a second bill for storage. Nothing of it is changed.
// - Otherwise two steps that fail one by one: the bucket (`costReport.bucket` or `rampart-cost-reports-<account>`, in
//   the billing region, all four public access block settings, the policy AWS documents that lets
//   bcm-data-exports.amazonaws.com and billingreports.amazonaws.com write, for this account only), then the export.
//   Both read the reports again first: one created meanwhile is adopted, not doubled.
// - Daily granularity with resource ids: what ran where, day by day, for a few MB a month. Data Exports are free; the
//   bucket's storage is billed.
import { BCMDataExportsClient, CreateExportCommand, GetExportCommand, ListExportsCommand, type ListExportsCommandOutput } from '@aws-sdk/client-bcm-data-exports';
import { CostAndUsageReportServiceClient, DescribeReportDefinitionsCommand } from '@aws-sdk/client-cost-and-usage-report-service';
import type { ClientConstructor } from '../../aws/session.js';
import type { ApplyContext, PlanContext, Planner, Step } from '../types.js';
import { billingRegionOf, planBillingRegion } from './cost-common.js';
import { notCollected } from './iam-common.js';
import { bucketLine, ensureBucket, ensureBucketBlock, ensureBucketPolicy, s3In, type Statement } from './security-common.js';
import { denyInsecureTransport } from './security-policies.js';

export const COST_REPORT_STEPS = { bucket: 'cost-report:bucket', export: 'cost-report:export' } as const;
export const EXPORT_NAME = 'rampart-cost-and-usage';
export const EXPORT_PREFIX = 'cur2';
export const CUR2_QUERY = 'SELECT * FROM COST_AND_USAGE_REPORT';

const READ_ACTIONS = ['cur:DescribeReportDefinitions', 'bcm-data-exports:ListExports', 'bcm-data-exports:GetExport'];
const BUCKET_ACTIONS = [...READ_ACTIONS, 's3:ListBucket', 's3:CreateBucket', 's3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock', 's3:GetBucketPolicy', 's3:PutBucketPolicy'];
const EXPORT_ACTIONS = [...READ_ACTIONS, 'bcm-data-exports:CreateExport', 'cur:PutReportDefinition'];

/** The CUR client's last release predates the session's config types (as in inventory/cost/reports.ts). */
const LegacyCurClient = CostAndUsageReportServiceClient as unknown as ClientConstructor<CostAndUsageReportServiceClient>;

export const costReportBucketOf = (ctx: PlanContext, bucket: string | undefined): string => bucket ?? `rampart-cost-reports-${ctx.snapshot.account.id}`;

/**
 * The bucket policy of the Data Exports User Guide ("Setting up an Amazon S3 bucket for data exports"): both billing
 * services may check the policy and write, only for this account's exports and report definitions. Plus HTTPS only.
 */
export function costReportBucketStatements(partition: string, bucket: string, account: string, region: string): Statement[] {
  const arn = `arn:${partition}:s3:::${bucket}`;
  return [
    {
      Sid: 'EnableAWSDataExportsToWriteToS3AndCheckPolicy',
      Effect: 'Allow',
      Principal: { Service: ['billingreports.amazonaws.com', 'bcm-data-exports.amazonaws.com'] },
      Action: ['s3:PutObject', 's3:GetBucketPolicy'],
      Resource: [arn, `${arn}/*`],
      Condition: {
        StringLike: {
          'aws:SourceAccount': account,
          'aws:SourceArn': [`arn:${partition}:cur:${region}:${account}:definition/*`, `arn:${partition}:bcm-data-exports:${region}:${account}:export/*`],
        },
      },
    },
    denyInsecureTransport(arn),
  ];
}

/** A legacy report definition or a data export that delivers to S3, read now; one line naming it, or null. */
async function existingReport(ctx: ApplyContext): Promise<string | null> {
  const region = billingRegionOf(ctx);
  const cur = ctx.session.client(LegacyCurClient, { region });
  let token: string | undefined;
  do {
    const out = await cur.send(new DescribeReportDefinitionsCommand({ MaxResults: 5, NextToken: token }));
    const found = (out.ReportDefinitions ?? []).find((r) => r.S3Bucket);
    if (found) return `Cost and Usage Report ${found.ReportName ?? '?'} delivers to s3://${found.S3Bucket}`;
    token = out.NextToken;
  } while (token);
  const exports = ctx.session.client(BCMDataExportsClient, { region });
  let next: string | undefined;
  do {
    const listed: ListExportsCommandOutput = await exports.send(new ListExportsCommand({ MaxResults: 100, NextToken: next }));
    for (const e of listed.Exports ?? []) {
      const bucket = (await exports.send(new GetExportCommand({ ExportArn: e.ExportArn }))).Export?.DestinationConfigurations?.S3Destination?.S3Bucket;
      if (bucket) return `data export ${e.ExportName ?? '?'} delivers to s3://${bucket}`;
    }
    next = listed.NextToken;
  } while (next);
  return null;
}

const adopted = (line: string): string => `${line}: adopted, nothing created`;

async function runBucket(ctx: ApplyContext, name: string): Promise<string> {
  const other = await existingReport(ctx);
  if (other) return adopted(other);
  const region = billingRegionOf(ctx);
  const { id: account, partition } = ctx.snapshot.account;
  const created = (await ensureBucket(ctx, name, region, 'costReport.bucket')) === 'created';
  const s3 = s3In(ctx, region);
  const changes: string[] = [];
  if (await ensureBucketBlock(s3, name)) changes.push('all four public access block settings on');
  if (await ensureBucketPolicy(s3, name, costReportBucketStatements(partition, name, account, region))) changes.push('a policy letting Data Exports and billing reports write');
  return bucketLine(name, created, changes);
}

async function runExport(ctx: ApplyContext, bucket: string): Promise<string> {
  const other = await existingReport(ctx);
  if (other) return adopted(other);
  const region = billingRegionOf(ctx);
  const exports = ctx.session.client(BCMDataExportsClient, { region });
  const out = await exports.send(
    new CreateExportCommand({
      Export: {
        Name: EXPORT_NAME,
        Description: 'rampart: the detailed bill (CUR 2.0), daily, to S3',
        DataQuery: {
          QueryStatement: CUR2_QUERY,
          TableConfigurations: { COST_AND_USAGE_REPORT: { TIME_GRANULARITY: 'DAILY', INCLUDE_RESOURCES: 'TRUE', INCLUDE_SPLIT_COST_ALLOCATION_DATA: 'FALSE' } },
        },
        DestinationConfigurations: {
          S3Destination: {
            S3Bucket: bucket,
            S3Prefix: EXPORT_PREFIX,
            S3Region: region,
            S3OutputConfigurations: { OutputType: 'CUSTOM', Format: 'PARQUET', Compression: 'PARQUET', Overwrite: 'OVERWRITE_REPORT' },
          },
        },
        RefreshCadence: { Frequency: 'SYNCHRONOUS' },
      },
    }),
  );
  if (!out.ExportArn) throw new Error('CreateExport returned no export ARN');
  const after = await exports.send(new GetExportCommand({ ExportArn: out.ExportArn }));
  if (after.Export?.DestinationConfigurations?.S3Destination?.S3Bucket !== bucket) throw new Error(`data export ${EXPORT_NAME} does not read back with bucket ${bucket}`);
  return `created data export ${EXPORT_NAME} (CUR 2.0, daily, Parquet) into s3://${bucket}/${EXPORT_PREFIX}/ (the first delivery arrives within 24 hours)`;
}

export const costReportPlanner: Planner = {
  id: 'cost-report',
  plan(ctx) {
    const spec = ctx.spec.costReport;
    if (spec === false) return [];
    const reports = ctx.snapshot.cost?.reportDefinitions;
    const exports = ctx.snapshot.cost?.dataExports;
    const report = reports?.find((r) => r.s3Bucket !== '');
    const dataExport = exports?.find((e) => e.s3Bucket);
    const exportBase = { id: COST_REPORT_STEPS.export, title: 'Cost and Usage Report (data export)', actions: EXPORT_ACTIONS };
    if (report) return [{ ...exportBase, kind: 'noop', detail: `Cost and Usage Report ${report.name} delivers to s3://${report.s3Bucket} (${report.s3Region}): adopted` }];
    if (dataExport) return [{ ...exportBase, kind: 'noop', detail: `data export ${dataExport.name} delivers to s3://${dataExport.s3Bucket ?? ''}: adopted` }];
    const bucket = costReportBucketOf(ctx, spec.bucket);
    const region = planBillingRegion(ctx);
    // Not read, or an export whose destination could not be read: apply reads them again before creating anything.
    const unread = !reports || !exports || exports.length > 0;
    const note = unread ? `; ${notCollected('the report definitions and data exports')}` : '';
    const steps: Step[] = [
      {
        id: COST_REPORT_STEPS.bucket,
        title: `Cost report bucket ${bucket}`,
        actions: BUCKET_ACTIONS,
        kind: 'create',
        detail: `bucket ${bucket} (${region}) with all four public access block settings and the policy that lets bcm-data-exports.amazonaws.com and billingreports.amazonaws.com write (this account only, HTTPS only)${note}`,
        run: (apply) => runBucket(apply, bucket),
      },
      {
        ...exportBase,
        kind: 'create',
        detail: `data export ${EXPORT_NAME}: CUR 2.0 (${CUR2_QUERY}), daily with resource ids, Parquet, into s3://${bucket}/${EXPORT_PREFIX}/ (exports are free; S3 storage is billed)${note}`,
        dependsOn: [COST_REPORT_STEPS.bucket],
        run: (apply) => runExport(apply, bucket),
      },
    ];
    return steps;
  },
};
