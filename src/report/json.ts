// `rampart audit --format json`: the contract of DESIGN.md, and nothing a consumer could mistake for it.
import type { Area, CheckResult } from '../checks/types.js';
import { AUDIT_OUTPUT_SCHEMA_VERSION, type AreaSummaryOutput, type AuditOutput, type AuditResult } from './audit-output.js';
import { orderResults, reportAccount, reportToolVersion, type ReportInput } from './input.js';
import { summarize } from './summary.js';

/** Copies exactly the contract's keys, so a field added to CheckResult in memory never leaks into the contract. */
function toOutputResult(r: CheckResult): AuditResult {
  return {
    checkId: r.checkId,
    status: r.status,
    severity: r.severity,
    area: r.area,
    resource: r.resource,
    message: r.message,
    remediation: { summary: r.remediation.summary, console: [...r.remediation.console], cli: [...r.remediation.cli] },
  };
}

/** The audit as the JSON contract's object (results ordered, summary counted); renderJsonString prints it. */
export function renderJson(input: ReportInput): AuditOutput {
  const { account, collectedAt } = reportAccount(input);
  const results = orderResults(input.results, input.checkOrder);
  const summary = summarize(results);
  const areas: Partial<Record<Area, AreaSummaryOutput>> = {};
  for (const a of summary.areas) areas[a.area] = { ...a.counts, score: a.score };
  return {
    schemaVersion: AUDIT_OUTPUT_SCHEMA_VERSION,
    tool: { name: 'rampart', version: reportToolVersion(input) },
    account,
    collectedAt,
    results: results.map(toOutputResult),
    summary: summary.counts,
    score: summary.score,
    areas,
  };
}

/** The JSON document as `rampart audit --format json` prints it: two-space indented, ending in a newline. */
export function renderJsonString(input: ReportInput): string {
  return `${JSON.stringify(renderJson(input), null, 2)}\n`;
}
