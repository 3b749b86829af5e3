// IAM Access Analyzer analyzers of one region, of every type: the check tells external-access analyzers
// (ACCOUNT, ORGANIZATION) from the unused-access ones. One paginated call for the region.
import { AccessAnalyzerClient, ListAnalyzersCommand, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { RegionFacts } from '../schema/regional.js';

export type AccessAnalyzer = NonNullable<RegionFacts['accessAnalyzers']>[number];

/** ListAnalyzers' maxResults ceiling. */
const PAGE_SIZE = 100;

export const toAccessAnalyzer = (a: AnalyzerSummary): AccessAnalyzer => ({ arn: a.arn ?? '', name: a.name ?? '', type: a.type ?? '', status: a.status ?? '' });

export async function collectAccessAnalyzers(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<AccessAnalyzer[]> {
  const analyzer = session.client(AccessAnalyzerClient, { region });
  // The service is `access-analyzer` in IAM actions and in the checks' messages.
  return call(failures, { service: 'access-analyzer', operation: 'ListAnalyzers', region }, async () => {
    const analyzers = await allPages<AnalyzerSummary>(async (token) => {
      const out = await rc.timed((abortSignal) => analyzer.send(new ListAnalyzersCommand({ maxResults: PAGE_SIZE, nextToken: token }), { abortSignal }));
      return { items: out.analyzers, next: out.nextToken };
    });
    return analyzers.map(toAccessAnalyzer);
  });
}
