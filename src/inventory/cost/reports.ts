// Where the detailed bill is delivered: legacy Cost and Usage Report definitions, and BCM Data Exports (CUR 2.0).
// Either one counts for the check, so each fills its own section. ListExports does not say where an export goes;
// GetExport does, one call per export (accounts have a handful at most).
import { BCMDataExportsClient, GetExportCommand, ListExportsCommand } from '@aws-sdk/client-bcm-data-exports';
import { CostAndUsageReportServiceClient, DescribeReportDefinitionsCommand } from '@aws-sdk/client-cost-and-usage-report-service';
import type { ClientConstructor, Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { CostFacts } from '../schema/cost.js';
import type { Timed } from '../timed.js';
import { billingRegion } from './where.js';

/** The CUR client's last release (3.332) predates the session's config types; the session builds it its own way. */
const LegacyCurClient = CostAndUsageReportServiceClient as unknown as ClientConstructor<CostAndUsageReportServiceClient>;

/** DescribeReportDefinitions gives five at most per page. */
const CUR_PAGE_SIZE = 5;
const EXPORTS_PAGE_SIZE = 100;

export async function collectReportDefinitions(session: Session, failures: FailureLog, timed: Timed): Promise<NonNullable<CostFacts['reportDefinitions']>> {
  const cur = session.client(LegacyCurClient, { region: billingRegion(session.region) });
  return call(failures, { service: 'cur', operation: 'DescribeReportDefinitions' }, async () => {
    const reports = await allPages(async (token) => {
      const out = await timed('cur:DescribeReportDefinitions', (abortSignal) => cur.send(new DescribeReportDefinitionsCommand({ MaxResults: CUR_PAGE_SIZE, NextToken: token }), { abortSignal }));
      return { items: out.ReportDefinitions, next: out.NextToken };
    });
    return reports.map((r) => ({ name: r.ReportName ?? '', s3Bucket: r.S3Bucket ?? '', s3Region: r.S3Region ?? '' }));
  });
}

export async function collectDataExports(session: Session, failures: FailureLog, timed: Timed): Promise<NonNullable<CostFacts['dataExports']>> {
  const exports = session.client(BCMDataExportsClient, { region: billingRegion(session.region) });
  const listed = await call(failures, { service: 'bcm-data-exports', operation: 'ListExports' }, () =>
    allPages(async (token) => {
      const out = await timed('bcm-data-exports:ListExports', (abortSignal) => exports.send(new ListExportsCommand({ MaxResults: EXPORTS_PAGE_SIZE, NextToken: token }), { abortSignal }));
      return { items: out.Exports, next: out.NextToken };
    }),
  );
  return Promise.all(
    listed.map(async (e) => {
      // A failed GetExport leaves the bucket unknown (null); the export itself is still known to exist.
      const detail = await attempt(failures, { service: 'bcm-data-exports', operation: 'GetExport' }, () =>
        timed('bcm-data-exports:GetExport', (abortSignal) => exports.send(new GetExportCommand({ ExportArn: e.ExportArn }), { abortSignal })),
      );
      return { name: e.ExportName ?? '', arn: e.ExportArn ?? '', s3Bucket: detail?.value.Export?.DestinationConfigurations?.S3Destination?.S3Bucket ?? null };
    }),
  );
}
