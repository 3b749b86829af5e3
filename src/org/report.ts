// The organization's report: one row per account, the worst findings across accounts, the organization's own guard
// rails, every account that could not be audited with its reason, then each account's failures.
import type { Severity } from '../checks/types.js';
import type { AuditResult } from '../report/audit-output.js';
import { severityRank } from '../report/summary.js';
import { jsonChunks } from './json-chunks.js';
import type { AccountOutcome, OrgAudit } from './types.js';

const COUNTED: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const WORST_SHOWN = 15;

const failsOf = (o: AccountOutcome): AuditResult[] => (o.status === 'audited' ? [...o.audit.failures] : []);

/** Each failing check with the accounts it fails in, worst first, then most widespread. */
export function worstFindings(audit: OrgAudit): { checkId: string; severity: Severity; accounts: string[] }[] {
  const byCheck = new Map<string, { checkId: string; severity: Severity; accounts: Set<string> }>();
  for (const o of audit.accounts) {
    for (const r of failsOf(o)) {
      const entry = byCheck.get(r.checkId) ?? { checkId: r.checkId, severity: r.severity, accounts: new Set<string>() };
      entry.accounts.add(o.account.id);
      byCheck.set(r.checkId, entry);
    }
  }
  return [...byCheck.values()]
    .map((e) => ({ ...e, accounts: [...e.accounts].sort() }))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.accounts.length - a.accounts.length || a.checkId.localeCompare(b.checkId));
}

const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function renderOrgText(audit: OrgAudit, opts: { detail: boolean }): string {
  const audited = audit.accounts.filter((o) => o.status === 'audited').length;
  const failed = audit.accounts.filter((o) => o.status === 'failed');
  const skipped = audit.accounts.filter((o) => o.status === 'skipped');
  const org = audit.organization?.facts.organizationId;
  let out = `rampart audit: ${org ? `organization ${org}, ` : ''}${audit.accounts.length} accounts: ${audited} audited, ${failed.length} could not be audited, ${skipped.length} skipped (${audit.collectedAt})\n`;

  if (audit.organization) {
    out += '\nOrganization\n';
    for (const f of audit.organization.findings) out += `  ${f.status.padEnd(7)} ${f.severity.padEnd(8)} ${f.id}: ${f.message}\n${f.status === 'FAIL' ? `          fix: ${f.fix}\n` : ''}`;
    const admins = audit.organization.facts.delegatedAdministrators;
    if (admins && admins.length > 0) out += `  delegated administrators: ${admins.map((a) => `${a.accountId} (${a.name}: ${a.services.join(', ')})`).join('; ')}\n`;
    for (const e of audit.organization.facts.errors) out += `  could not read: ${e}\n`;
  }

  out += `\nAccounts\n  ${pad('account', 14)}${pad('name', 24)}${pad('score', 7)}${COUNTED.map((s) => pad(s, 10)).join('')}\n`;
  for (const o of audit.accounts) {
    const head = `  ${pad(o.account.id, 14)}${pad(o.account.name, 24)}`;
    if (o.status !== 'audited') {
      out += `${head}${o.status === 'failed' ? 'NOT AUDITED' : 'skipped'}: ${o.reason}\n`;
      continue;
    }
    const fails = failsOf(o);
    out += `${head}${pad(String(o.audit.score ?? '-'), 7)}${COUNTED.map((s) => pad(String(fails.filter((r) => r.severity === s).length), 10)).join('')}\n`;
  }

  const worst = worstFindings(audit).slice(0, WORST_SHOWN);
  if (worst.length > 0) {
    out += '\nWorst findings across accounts\n';
    for (const w of worst) {
      const names = w.accounts.length > 4 ? `${w.accounts.slice(0, 4).join(', ')} and ${w.accounts.length - 4} more` : w.accounts.join(', ');
      out += `  ${w.severity.padEnd(8)} ${w.checkId}: ${w.accounts.length} account${w.accounts.length === 1 ? '' : 's'} (${names})\n`;
    }
  }

  if (opts.detail) {
    for (const o of audit.accounts) {
      const fails = failsOf(o).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
      if (fails.length === 0) continue;
      out += `\n${o.account.id} ${o.account.name}: ${fails.length} failing\n`;
      for (const r of fails) out += `  ${r.severity.padEnd(8)} ${r.checkId}  ${r.resource}\n      ${r.message}\n`;
    }
  }
  return out;
}

export const ORG_AUDIT_SCHEMA_VERSION = 1;

/** The JSON report in pieces (each account's whole audit is one), ending in a newline. */
export function* orgJsonChunks(audit: OrgAudit): Generator<string> {
  const accounts = audit.accounts.map((o) => (o.status === 'audited' ? { account: o.account, status: o.status, audit: o.audit.document } : o));
  yield* jsonChunks({ kind: 'rampart-org-audit', schemaVersion: ORG_AUDIT_SCHEMA_VERSION, ...audit, accounts, worst: worstFindings(audit) });
  yield '\n';
}
