// The diff as a person reads it (text) and as a program reads it (JSON, kind `rampart-diff`).
import type { DiffSide } from './load.js';
import type { AuditDiff, Direction, ResultChange, ScoreChange } from './compare.js';
import type { InventoryDiff } from './inventory.js';

export interface DiffReport {
  readonly older: DiffSide;
  readonly newer: DiffSide;
  readonly diff: AuditDiff;
  /** Only when both sides are snapshots. */
  readonly inventory?: InventoryDiff;
}

const HEADINGS: Readonly<Record<Direction, string>> = {
  worse: 'Worse',
  new: 'New',
  better: 'Better',
  gone: 'Gone (no longer reported)',
};

const scoreText = (s: ScoreChange): string => {
  const show = (n: number | null): string => (n === null ? '-' : String(n));
  const delta = s.before !== null && s.after !== null && s.after !== s.before ? ` (${s.after > s.before ? '+' : ''}${s.after - s.before})` : '';
  return `${show(s.before)} -> ${show(s.after)}${delta}`;
};

function changeLine(c: ResultChange): string {
  const status = c.direction === 'new' ? `${c.after}` : c.direction === 'gone' ? `was ${c.before}` : `${c.before} -> ${c.after}`;
  return `  ${c.severity.padEnd(8)} ${c.checkId}  ${c.resource}  ${status}\n      ${c.message}\n`;
}

export function renderDiffText(report: DiffReport): string {
  const { older, newer, diff } = report;
  const account = newer.audit.account;
  const lines: string[] = [];
  lines.push(`rampart diff: account ${account.id}${account.alias ? ` (${account.alias})` : ''}`);
  lines.push(`  old: ${older.file} (${older.audit.collectedAt})`);
  lines.push(`  new: ${newer.file} (${newer.audit.collectedAt})`);
  lines.push(`  score ${scoreText(diff.score)}`);
  const movedAreas = diff.areas.filter((a) => a.before !== a.after);
  if (movedAreas.length > 0) lines.push(`  ${movedAreas.map((a) => `${a.area} ${scoreText(a)}`).join(', ')}`);
  let out = `${lines.join('\n')}\n`;
  for (const direction of ['worse', 'new', 'better', 'gone'] as const) {
    const changes = diff.changes.filter((c) => c.direction === direction);
    if (changes.length === 0) continue;
    out += `\n${HEADINGS[direction]} (${changes.length})\n${changes.map(changeLine).join('')}`;
  }
  if (report.inventory) out += inventoryText(report.inventory);
  const count = (d: Direction): number => diff.changes.filter((c) => c.direction === d).length;
  out += `\n${count('worse')} worse, ${count('new')} new, ${count('better')} better, ${count('gone')} gone, ${diff.unchanged} unchanged\n`;
  return out;
}

function inventoryText(inv: InventoryDiff): string {
  if (inv.identities.length === 0 && inv.accessKeys.length === 0) return '';
  let out = '\nIdentities\n';
  for (const i of inv.identities) out += `  ${i.change === 'added' ? '+' : '-'} ${i.kind.padEnd(6)} ${i.arn}\n`;
  for (const k of inv.accessKeys) {
    const created = k.created > 0 ? `, ${k.created} created since` : '';
    out += `  ~ keys   ${k.user}: active ${k.activeBefore} -> ${k.activeAfter}${created}\n`;
  }
  return out;
}

export const DIFF_SCHEMA_VERSION = 1;

export function renderDiffJson(report: DiffReport): string {
  const side = (s: DiffSide) => ({ file: s.file, collectedAt: s.audit.collectedAt, kind: s.snapshot ? 'snapshot' : 'audit' });
  const doc = {
    kind: 'rampart-diff',
    schemaVersion: DIFF_SCHEMA_VERSION,
    account: report.newer.audit.account,
    old: side(report.older),
    new: side(report.newer),
    score: report.diff.score,
    areas: report.diff.areas,
    changes: report.diff.changes,
    unchanged: report.diff.unchanged,
    ...(report.inventory ? { inventory: report.inventory } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
