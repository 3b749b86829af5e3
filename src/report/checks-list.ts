// `rampart checks`: the catalogue. One line per check in text, so `rampart checks | grep cost` works.
import type { Check } from '../checks/types.js';
import { palette } from './palette.js';
import { stripControl } from './wrap.js';

export interface ChecksListOptions {
  format: 'text' | 'json';
  /** Text only; the caller decides (TTY, NO_COLOR). */
  color: boolean;
}

/** What `rampart checks --format json` prints per check. */
export interface CheckListing {
  id: string;
  area: Check['area'];
  severity: Check['severity'];
  title: string;
  sources: string[];
}

/**
 * "seed 000", "seed 001", "seed 002", "CIS 2.4" -> "seeds 000-002, CIS 2.4": many checks cite every seed, and the
 * full list would push the line past any terminal. Display only; the JSON keeps the list as written.
 */
export function compactSources(sources: readonly string[]): string {
  const seeds: string[] = [];
  const others: string[] = [];
  for (const s of sources) {
    const m = /^seed (\d+)$/i.exec(s.trim());
    if (m) seeds.push(m[1]!);
    else others.push(s);
  }
  const nums = [...new Set(seeds)].sort((a, b) => Number(a) - Number(b));
  const runs: string[] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && Number(nums[j + 1]) === Number(nums[j]) + 1) j++;
    // Two in a row read better as a list than as a range.
    if (j - i >= 2) runs.push(`${nums[i]}-${nums[j]}`);
    else runs.push(...nums.slice(i, j + 1));
    i = j + 1;
  }
  const seedText = runs.length === 0 ? [] : [`${nums.length === 1 ? 'seed' : 'seeds'} ${runs.join(', ')}`];
  return [...seedText, ...others].join(', ');
}

export function renderChecksList(checks: readonly Check[], options: ChecksListOptions): string {
  if (options.format === 'json') {
    const listing: CheckListing[] = checks.map((c) => ({
      id: c.id,
      area: c.area,
      severity: c.severity,
      title: c.title,
      sources: [...c.sources],
    }));
    return `${JSON.stringify(listing, null, 2)}\n`;
  }
  const p = palette(options.color);
  const head = ['ID', 'AREA', 'SEVERITY', 'TITLE', 'SOURCES'];
  const rows = checks.map((c) => [c.id, c.area, c.severity, c.title, compactSources(c.sources)].map(stripControl));
  // Widths from the plain text; colour goes on after padding so it cannot misalign the columns.
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (cells: string[]): string[] => cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]!) : cell));
  const lines = [p.c.bold(pad(head).join('  ').trimEnd())];
  checks.forEach((check, n) => {
    const [id, area, severity, title, sources] = pad(rows[n]!);
    lines.push([p.c.bold(id!), area, p.severity(check.severity, severity!), title, p.c.dim(sources!)].join('  ').trimEnd());
  });
  lines.push('', p.c.dim(`${checks.length} ${checks.length === 1 ? 'check' : 'checks'}`));
  return `${lines.join('\n')}\n`;
}
