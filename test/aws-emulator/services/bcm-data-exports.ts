// BCM Data Exports (CUR 2.0): awsJson1_1, `AWSBillingAndCostManagementDataExports.Op`, signs as
// `bcm-data-exports`, us-east-1. The scenario's `dataExports`; ListExports names them, GetExport says where they go.
// Unlike most awsJson services, its model types times as RFC 3339 strings: epoch numbers make the SDK throw.
import { ApiError } from '../errors.js';
import type { JsonService, RequestContext } from '../service.js';
import type { DataExportState } from '../world-cost.js';
import { page, pageStart } from './region-facts.js';

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
  },
};
