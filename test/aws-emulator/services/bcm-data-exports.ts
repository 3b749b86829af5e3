// BCM Data Exports (CUR 2.0): awsJson1_1, `AWSBillingAndCostManagementDataExports.Op`, signs as
// `bcm-data-exports`, us-east-1. The scenario's `dataExports`; ListExports names them, GetExport says where they go.
// Unlike most awsJson services, its model types times as RFC 3339 strings: epoch numbers make the SDK throw.
// CreateExport adds an export (ListExports and GetExport then show it). As AWS does, it checks the destination: the
// bucket must exist, be the account's, and let bcm-data-exports.amazonaws.com s3:PutObject (ValidationException).
import { ApiError } from '../errors.js';
import type { JsonService, RequestContext } from '../service.js';
import type { DataExportState } from '../world-cost.js';
import { grantsService } from './policy-grants.js';
import { page, pageStart, stableUuid } from './region-facts.js';

const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const invalid = (message: string) => new ApiError('ValidationException', message, 400);

function text(v: unknown, member: string): string {
  if (typeof v !== 'string' || v === '') throw invalid(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  return v;
}

const DEFAULT_PAGE = 100;

const status = (e: DataExportState, ctx: RequestContext) => ({
  StatusCode: e.status,
  StatusReason: e.status === 'UNHEALTHY' ? 'INSUFFICIENT_PERMISSION' : undefined,
  CreatedAt: e.created.toISOString(),
  LastUpdatedAt: e.created.toISOString(),
  LastRefreshedAt: new Date(Math.floor(ctx.now.getTime() / 86_400_000) * 86_400_000).toISOString(),
});

export const bcmDataExports: JsonService = {
  name: 'bcm-data-exports',
  signingName: 'bcm-data-exports',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSBillingAndCostManagementDataExports',
  operations: {
    ListExports(input, ctx) {
      const size = input['MaxResults'] ?? DEFAULT_PAGE;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw new ApiError('ValidationException', 'MaxResults must be a positive integer', 400);
      const { items, next } = page(ctx.world.cost.dataExports, pageStart(input['NextToken'], 'ValidationException'), size);
      return { Exports: items.map((e) => ({ ExportArn: e.arn, ExportName: e.name, ExportStatus: status(e, ctx) })), NextToken: next };
    },
    GetExport(input, ctx) {
      const found = ctx.world.cost.dataExports.find((e) => e.arn === input['ExportArn']);
      if (!found) throw new ApiError('ResourceNotFoundException', `Export ${String(input['ExportArn'])} not found`, 400, 'Sender', { ResourceId: String(input['ExportArn']), ResourceType: 'Export' });
      return {
        Export: {
          ExportArn: found.arn,
          Name: found.name,
          DataQuery: { QueryStatement: found.query, TableConfigurations: { COST_AND_USAGE_REPORT: { TIME_GRANULARITY: 'HOURLY' } } },
          DestinationConfigurations: {
            S3Destination: {
              S3Bucket: found.bucket,
              S3Prefix: found.prefix,
              S3Region: found.region,
              S3OutputConfigurations: { OutputType: 'CUSTOM', Format: 'PARQUET', Compression: 'PARQUET', Overwrite: 'OVERWRITE_REPORT' },
            },
          },
          RefreshCadence: { Frequency: 'SYNCHRONOUS' },
        },
        ExportStatus: status(found, ctx),
      };
    },
    CreateExport(input, ctx) {
      const spec = record(input['Export']);
      const name = text(spec['Name'], 'export.name');
      if (!/^[\w.-]{1,128}$/.test(name)) throw invalid(`Value '${name}' at 'export.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z\\-_]+`);
      const query = text(record(spec['DataQuery'])['QueryStatement'], 'export.dataQuery.queryStatement');
      const s3 = record(record(spec['DestinationConfigurations'])['S3Destination']);
      const bucketName = text(s3['S3Bucket'], 'export.destinationConfigurations.s3Destination.s3Bucket');
      const prefix = text(s3['S3Prefix'], 'export.destinationConfigurations.s3Destination.s3Prefix');
      const region = text(s3['S3Region'], 'export.destinationConfigurations.s3Destination.s3Region');
      const output = record(s3['S3OutputConfigurations']);
      for (const member of ['OutputType', 'Format', 'Compression', 'Overwrite']) text(output[member], `export.destinationConfigurations.s3Destination.s3OutputConfigurations.${member}`);
      if (record(spec['RefreshCadence'])['Frequency'] !== 'SYNCHRONOUS') throw invalid("Value at 'export.refreshCadence.frequency' failed to satisfy constraint: Member must satisfy enum value set: [SYNCHRONOUS]");
      const exports = ctx.world.cost.dataExports;
      if (exports.some((e) => e.name === name)) throw invalid(`An export with the name ${name} already exists`);
      const bucket = ctx.world.logging.buckets.find((b) => b.name === bucketName);
      if (!bucket || bucket.region !== region) throw invalid(`S3 bucket ${bucketName} does not exist in ${region}`);
      if (bucket.owner === ctx.world.account.id && !grantsService(bucket.policy, 'bcm-data-exports.amazonaws.com', 's3:PutObject')) {
        throw invalid(`Insufficient permissions: the policy of S3 bucket ${bucketName} does not allow bcm-data-exports.amazonaws.com to write to it`);
      }
      const { id: account, partition } = ctx.world.account;
      const arn = `arn:${partition}:bcm-data-exports:us-east-1:${account}:export/${name}-${stableUuid(account, 'export', name)}`;
      exports.push({ name, arn, bucket: bucketName, prefix, region, query, status: 'HEALTHY', created: ctx.now });
      return { ExportArn: arn };
    },
  },
};
