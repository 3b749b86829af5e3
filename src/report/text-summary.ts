// The end of the text report: counts, a table of areas with their scores, the score, and what failed how badly.
import Table from 'cli-table3';
import { SEVERITIES, STATUSES } from '../checks/types.js';
import { AREA_LABELS } from './labels.js';
import { STATUS_BADGES, type Palette } from './palette.js';
import type { AuditSummary, StatusCounts } from './summary.js';

// Plain borders from cli-table3; its own colouring (style.head/border) is switched off so only the palette colours.
const TABLE_STYLE = { head: [] as string[], border: [] as string[], compact: true, 'padding-left': 1, 'padding-right': 1 };

function countsLine(counts: StatusCounts, p: Palette): string {
  return STATUSES.map((s) => {
    const text = `${counts[s]} ${STATUS_BADGES[s]}`;
    return counts[s] > 0 ? p.status(s, text) : p.c.dim(text);
  }).join(p.c.dim(' · '));
}

function areaTable(summary: AuditSummary, p: Palette): string {
  const table = new Table({
    head: ['Area', ...STATUSES.map((s) => STATUS_BADGES[s]), 'Score'].map((h) => p.c.bold(h)),
    colAligns: ['left', ...STATUSES.map(() => 'right' as const), 'right'],
    style: TABLE_STYLE,
  });
  for (const a of summary.areas) {
    table.push([
      AREA_LABELS[a.area],
      ...STATUSES.map((s) => (a.counts[s] > 0 ? p.status(s, String(a.counts[s])) : p.c.dim('0'))),
      p.score(a.score, a.score === null ? '-' : String(a.score)),
    ]);
  }
  return table.toString();
}

function failedLine(summary: AuditSummary, p: Palette): string {
  const parts = SEVERITIES.filter((s) => summary.failedBySeverity[s] > 0).map((s) =>
    p.severity(s, `${summary.failedBySeverity[s]} ${s}`),
  );
  const failed = parts.length > 0 ? `${parts.join(', ')} failed` : p.c.green('nothing failed');
  // UNKNOWN is not a failure, but it is not a pass either: say so, or a clean line would hide it.
  const unknown = summary.counts.UNKNOWN;
  return unknown > 0 ? `${failed}; ${p.status('UNKNOWN', `${unknown} could not be evaluated`)}` : failed;
}

export function renderSummaryText(summary: AuditSummary, p: Palette): string[] {
  const lines = ['', p.c.bold('Summary'), `  ${countsLine(summary.counts, p)}`];
  if (summary.areas.length > 0) lines.push(...areaTable(summary, p).split('\n').map((l) => `  ${l}`));
  const score =
    summary.score === null ? p.c.dim('-, nothing was decided') : p.score(summary.score, `${summary.score}/100`);
  lines.push(
    `  Score ${score} ${p.c.dim('(severity-weighted share of PASS among PASS and FAIL)')}`,
    `  ${failedLine(summary, p)}`,
  );
  return lines;
}
