// Cost and Usage Reports (legacy CUR): awsJson1_1, `AWSOrigamiServiceGatewayService.Op`, signs as `cur`, us-east-1.
// The scenario's `reportDefinitions`. The API hands them out five at a time at most.
import { ApiError } from '../errors.js';
import type { JsonService } from '../service.js';
import { page, pageStart } from './region-facts.js';

const MAX_RESULTS = 5;

export const cur: JsonService = {
  name: 'cur',
  signingName: 'cur',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSOrigamiServiceGatewayService',
  operations: {
    DescribeReportDefinitions(input, ctx) {
      const size = input['MaxResults'] ?? MAX_RESULTS;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_RESULTS) {
        throw new ApiError('ValidationException', `MaxResults must be between 1 and ${MAX_RESULTS}`, 400);
      }
      const { items, next } = page(ctx.world.cost.reportDefinitions, pageStart(input['NextToken'], 'ValidationException'), size);
      return {
        ReportDefinitions: items.map((r) => ({
          ReportName: r.name,
          TimeUnit: r.timeUnit,
          Format: r.format,
          Compression: r.compression,
          AdditionalSchemaElements: ['RESOURCES'],
          S3Bucket: r.bucket,
          S3Prefix: r.prefix,
          S3Region: r.region,
          AdditionalArtifacts: [],
          RefreshClosedReports: true,
          ReportVersioning: 'OVERWRITE_REPORT',
        })),
        NextToken: next,
      };
    },
  },
};
