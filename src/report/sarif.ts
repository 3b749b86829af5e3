// SARIF 2.1.0 (OASIS): rules are the checks that have a result, results are what needs attention (FAIL, and
// UNKNOWN / MANUAL as "review"). An AWS resource has no file, so each result is located by a logical location
// (the resource's ARN, or the region). partialFingerprints let a dashboard follow one finding across runs.
import type { Severity, Status } from '../checks/types.js';
import type { AuditOutput, AuditResult } from './audit-output.js';
import { checkMeta } from './check-meta.js';
import { findingKey } from './finding-key.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';

const LEVELS: Readonly<Record<Severity, Level>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads this property (0.1-10) to rank security results. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.5' };
const REPORTED: readonly Status[] = ['FAIL', 'UNKNOWN', 'MANUAL'];

function rule(r: AuditResult) {
  const meta = checkMeta(r.checkId);
  return {
    id: r.checkId,
    name: meta.title,
    shortDescription: { text: meta.title },
    help: { text: meta.fix || r.remediation.summary || meta.title },
    defaultConfiguration: { level: LEVELS[r.severity] },
    properties: { area: r.area, severity: r.severity, sources: [...meta.sources], tags: ['security', 'aws', r.area], 'security-severity': SECURITY_SEVERITY[r.severity] },
  };
}

function result(r: AuditResult, ruleIndex: number, accountId: string) {
  const failed = r.status === 'FAIL';
  return {
    ruleId: r.checkId,
    ruleIndex,
    // A result that could not be decided, or that a person must look at, is "review": it has no level (SARIF 3.27.10).
    kind: failed ? 'fail' : 'review',
    level: failed ? LEVELS[r.severity] : 'none',
    message: { text: r.message || r.checkId },
    locations: [{ logicalLocations: [{ fullyQualifiedName: r.resource, kind: 'resource' }] }],
    partialFingerprints: { 'rampartFinding/v1': findingKey(accountId, r.checkId, r.resource) },
    properties: { status: r.status, severity: r.severity, area: r.area, remediation: r.remediation },
  };
}

export function renderSarif(audit: AuditOutput): object {
  const reported = audit.results.filter((r) => REPORTED.includes(r.status));
  const ruleIds: string[] = [];
  const rules = [];
  for (const r of audit.results) {
    if (ruleIds.includes(r.checkId)) continue;
    ruleIds.push(r.checkId);
    rules.push(rule(r));
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rampart', version: audit.tool.version, semanticVersion: audit.tool.version, rules } },
        automationDetails: { id: `rampart/audit/${audit.account.id}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: audit.collectedAt }],
        results: reported.map((r) => result(r, ruleIds.indexOf(r.checkId), audit.account.id)),
        properties: { account: audit.account, collectedAt: audit.collectedAt, summary: audit.summary },
      },
    ],
  };
}

export const renderSarifString = (audit: AuditOutput): string => `${JSON.stringify(renderSarif(audit), null, 2)}\n`;
