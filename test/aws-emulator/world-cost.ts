// The regions and the account-wide cost facts as the services see them: ARNs derived, dates resolved,
// references (a subscription's monitors) checked. Built by world.ts from the scenario.
import { createHash } from 'node:crypto';
import { resolveDate, truncateToSecond } from './dates.js';
import type { ParsedScenario } from './scenario.js';
import type { AnomalyMonitorFacts, AnomalySubscriptionFacts, BudgetFacts, DataExportFacts, ReportDefinitionFacts } from './scenario-cost.js';

export type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export interface RegionState {
  readonly name: string;
  readonly optIn: OptInStatus;
}

export interface AnomalyMonitorState extends Omit<AnomalyMonitorFacts, 'created'> {
  readonly arn: string;
  readonly created: Date;
}

export interface AnomalySubscriptionState extends Omit<AnomalySubscriptionFacts, 'monitors'> {
  readonly arn: string;
  readonly monitorArns: string[];
}

export interface DataExportState extends Omit<DataExportFacts, 'created'> {
  readonly arn: string;
  readonly created: Date;
}

export interface CostWorld {
  budgets: BudgetFacts[];
  anomalyMonitors: AnomalyMonitorState[];
  anomalySubscriptions: AnomalySubscriptionState[];
  reportDefinitions: ReportDefinitionFacts[];
  dataExports: DataExportState[];
}

/** A UUID-shaped id derived from the parts, so runs name things the same way. */
function stableUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\0')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function buildRegions(scenario: ParsedScenario, problems: string[]): RegionState[] {
  const regions = scenario.regions.map((r) => (typeof r === 'string' ? { name: r, optIn: 'opt-in-not-required' as const } : r));
  const seen = new Set<string>();
  for (const r of regions) {
    if (seen.has(r.name)) problems.push(`duplicate region ${r.name}`);
    seen.add(r.name);
  }
  return regions;
}

export function buildCostWorld(scenario: ParsedScenario, now: Date, problems: string[]): CostWorld {
  const { id: account, partition } = scenario.account;
  const at = (spec: string) => truncateToSecond(resolveDate(spec, now));

  const anomalyMonitors = scenario.anomalyMonitors.map((m) => ({
    ...m,
    created: at(m.created),
    arn: `arn:${partition}:ce::${account}:anomalymonitor/${stableUuid(account, 'monitor', m.name)}`,
  }));
  const monitorArn = new Map(anomalyMonitors.map((m) => [m.name, m.arn]));
  const anomalySubscriptions = scenario.anomalySubscriptions.map(({ monitors, ...s }) => {
    for (const name of monitors) if (!monitorArn.has(name)) problems.push(`anomaly subscription ${s.name}: no monitor ${name}`);
    return {
      ...s,
      arn: `arn:${partition}:ce::${account}:anomalysubscription/${stableUuid(account, 'subscription', s.name)}`,
      monitorArns: monitors.map((name) => monitorArn.get(name) ?? ''),
    };
  });
  const dataExports = scenario.dataExports.map((e) => ({
    ...e,
    created: at(e.created),
    arn: `arn:${partition}:bcm-data-exports:us-east-1:${account}:export/${e.name}-${stableUuid(account, 'export', e.name)}`,
  }));

  for (const [kind, names] of [
    ['budget', scenario.budgets.map((b) => b.name)],
    ['anomaly monitor', anomalyMonitors.map((m) => m.name)],
    ['anomaly subscription', anomalySubscriptions.map((s) => s.name)],
    ['report definition', scenario.reportDefinitions.map((r) => r.name)],
    ['data export', dataExports.map((e) => e.name)],
  ] as const) {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`duplicate ${kind} ${n}`);
      seen.add(n);
    }
  }
  return { budgets: scenario.budgets, anomalyMonitors, anomalySubscriptions, reportDefinitions: scenario.reportDefinitions, dataExports };
}
