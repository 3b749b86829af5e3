// cost-usage-report (seed 004, step 4): the detailed bill, hour by hour and resource by resource, delivered to S3.
// After an incident it shows what ran where and when; Cost Explorer keeps less and aggregates more. Either the legacy
// CUR definition or its successor, a Data Export (CUR 2.0), counts when it has an S3 destination.
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check } from '../types.js';

const CUR_OPERATIONS = ['cur:DescribeReportDefinitions'];
const EXPORT_OPERATIONS = ['bcm-data-exports:ListExports'];

export const costUsageReport: Check = {
  id: 'cost-usage-report',
  title: 'A Cost and Usage Report is delivered to S3',
  area: 'cost',
  severity: 'low',
  sources: ['seed 004'],
  remediation: {
    summary:
      'Create a standard Data Export (CUR 2.0) delivered daily to an S3 bucket of this account; the console can create the ' +
      'bucket with the policy that lets billing write to it.',
    console: [
      'Open Billing and Cost Management, then Data Exports, then Create',
      'Export type: Standard data export; table: CUR 2.0; name it (e.g. cur)',
      'Data export delivery: Parquet or CSV, overwrite daily; Data export storage: create or pick an S3 bucket (the console adds the bucket policy)',
      'Click Create; the first report arrives within 24 hours',
    ],
    cli: [
      'aws bcm-data-exports create-export --region us-east-1 --export file://export.json   # the S3 bucket policy must allow billingreports.amazonaws.com and bcm-data-exports.amazonaws.com',
      'aws bcm-data-exports list-exports --region us-east-1',
      'aws cur describe-report-definitions --region us-east-1',
    ],
  },
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const reports = snapshot.cost?.reportDefinitions;
    const exports = snapshot.cost?.dataExports;
    const report = reports?.find((r) => r.s3Bucket !== '');
    if (report) return [pass(resource, `Cost and Usage Report ${report.name} is delivered to s3://${report.s3Bucket} (${report.s3Region})`)];
    const dataExport = exports?.find((e) => e.s3Bucket);
    if (dataExport) return [pass(resource, `data export ${dataExport.name} is delivered to s3://${dataExport.s3Bucket}`)];
    // Nothing found; that is a FAIL only if both places could be read.
    const unread = [...(reports ? [] : CUR_OPERATIONS), ...(exports ? [] : EXPORT_OPERATIONS)];
    if (unread.length) return [unknown(snapshot, resource, unread)];
    return [fail(resource, 'no Cost and Usage Report definition or data export delivers to S3')];
  },
};
