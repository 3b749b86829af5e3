// CSV (RFC 4180): one row per result, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF.
// A spreadsheet runs a cell that starts with = + - @ (or tab / CR) as a formula, so such a cell gets a leading '
// (OWASP's CSV injection advice): a resource name is never a formula.
import type { AuditOutput } from './audit-output.js';

export const CSV_COLUMNS = ['account', 'collected_at', 'check_id', 'status', 'severity', 'area', 'resource', 'message', 'fix', 'console_steps', 'cli_commands'] as const;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(audit: AuditOutput): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const r of audit.results) {
    rows.push([
      audit.account.id,
      audit.collectedAt,
      r.checkId,
      r.status,
      r.severity,
      r.area,
      r.resource,
      r.message,
      r.remediation.summary,
      r.remediation.console.join('\n'),
      r.remediation.cli.join('\n'),
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
