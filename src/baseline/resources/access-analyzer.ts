// IAM Access Analyzer (CIS 2.19) in every region of the plan: an external-access analyzer with the account as its
// zone of trust. It is free. An ACTIVE analyzer of the account or its organization already does the job and is
// left alone; AWS allows one account analyzer per region.
import { AccessAnalyzerClient, CreateAnalyzerCommand, ListAnalyzersCommand, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { ApplyContext, Planner, Step } from '../types.js';
import { notCollected } from './iam-common.js';

export const ANALYZER_NAME = 'rampart-external-access';
export const accessAnalyzerStep = (region: string): string => `access-analyzer:${region}`;
const ACTIONS = ['access-analyzer:ListAnalyzers', 'access-analyzer:CreateAnalyzer', 'iam:CreateServiceLinkedRole'];
const EXTERNAL = ['ACCOUNT', 'ORGANIZATION'];

const working = (a: { type?: string | undefined; status?: string | undefined }): boolean => EXTERNAL.includes(a.type ?? '') && a.status === 'ACTIVE';

async function list(client: AccessAnalyzerClient): Promise<AnalyzerSummary[]> {
  const all: AnalyzerSummary[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(new ListAnalyzersCommand({ nextToken }));
    all.push(...(out.analyzers ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return all;
}

async function run(ctx: ApplyContext, region: string): Promise<string> {
  const client = ctx.session.client(AccessAnalyzerClient, { region });
  const found = (await list(client)).find(working);
  if (found) return `${region}: analyzer ${found.name} (${found.type}) is ACTIVE`;
  await client.send(new CreateAnalyzerCommand({ analyzerName: ANALYZER_NAME, type: 'ACCOUNT' }));
  const after = (await list(client)).find(working);
  if (!after) throw new Error(`${region}: analyzer ${ANALYZER_NAME} does not read back as ACTIVE`);
  return `${region}: created analyzer ${ANALYZER_NAME} (external access, zone of trust: this account)`;
}

export const accessAnalyzerPlanner: Planner = {
  id: 'access-analyzer',
  plan(ctx) {
    if (!ctx.spec.accessAnalyzer) return [];
    return ctx.regions.map((region): Step => {
      const base = { id: accessAnalyzerStep(region), title: `IAM Access Analyzer in ${region}`, actions: ACTIONS };
      const runIt = (apply: ApplyContext) => run(apply, region);
      const analyzers = ctx.snapshot.regional[region]?.accessAnalyzers;
      if (!analyzers) return { ...base, kind: 'create', detail: `analyzer ${ANALYZER_NAME} (type ACCOUNT); ${notCollected(`the analyzers in ${region}`)}`, run: runIt };
      const found = analyzers.find(working);
      if (found) return { ...base, kind: 'noop', detail: `analyzer ${found.name} (${found.type}) is ACTIVE` };
      const others = analyzers.length ? ` (${analyzers.map((a) => `${a.name}: ${a.type} ${a.status}`).join(', ')} do not report external access)` : '';
      return { ...base, kind: 'create', detail: `analyzer ${ANALYZER_NAME} of type ACCOUNT: reports what is shared outside the account; free${others}`, run: runIt };
    });
  },
};
