import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { costUsageReport } from './cost-usage-report.js';

type Cost = NonNullable<AccountSnapshot['cost']>;
const run = (s: AccountSnapshot) => {
  const outcomes = costUsageReport.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const withCost = (cost: Cost) => snapshot({ cost });
const report = { name: 'hourly', s3Bucket: 'acme-billing', s3Region: 'us-east-1' };
const dataExport = (s3Bucket: string | null) => ({ name: 'cur2', arn: `arn:aws:bcm-data-exports:us-east-1:${ACCOUNT}:export/cur2`, s3Bucket });

describe('cost-usage-report', () => {
  it('passes on a CUR definition delivered to S3', () => {
    expect(run(withCost({ reportDefinitions: [report], dataExports: [] }))).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: 'Cost and Usage Report hourly is delivered to s3://acme-billing (us-east-1)',
    });
  });

  it('passes on a data export with an S3 bucket', () => {
    expect(run(withCost({ reportDefinitions: [], dataExports: [dataExport('acme-cur2')] })).message).toBe('data export cur2 is delivered to s3://acme-cur2');
  });

  it('fails when neither exists (an export without a bucket does not count)', () => {
    expect(run(withCost({ reportDefinitions: [], dataExports: [dataExport(null)] }))).toMatchObject({
      status: 'FAIL',
      message: 'no Cost and Usage Report definition or data export delivers to S3',
    });
  });

  it('passes on one source even when the other could not be read', () => {
    const s = withFailedCall(withCost({ dataExports: [dataExport('acme-cur2')] }), { service: 'cur', operation: 'DescribeReportDefinitions' });
    expect(run(s).status).toBe('PASS');
  });

  it('is UNKNOWN, naming the call, when the other source is empty and one could not be read', () => {
    const s = withFailedCall(withCost({ reportDefinitions: [] }), { service: 'bcm-data-exports', operation: 'ListExports' });
    expect(run(s)).toMatchObject({ status: 'UNKNOWN', message: 'could not evaluate: bcm-data-exports:ListExports failed (AccessDenied: User is not authorized)' });
  });
});
