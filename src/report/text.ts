// `rampart audit` as a person reads it: results grouped by area, the fix under every failure, a summary at the end.
import { AREAS, type Area, type CheckResult, type Remediation, type Severity, type Status } from '../checks/types.js';
import { orderResults, reportAccount, reportToolVersion, type ReportInput } from './input.js';
import { AREA_LABELS } from './labels.js';
import { BADGE_WIDTH, palette, STATUS_BADGES, type Palette } from './palette.js';
import { resourceNoun, shortResource, truncateMiddle } from './resource.js';
import { summarize } from './summary.js';
import { renderSummaryText } from './text-summary.js';
import { stripControl, wrap } from './wrap.js';

export interface TextOptions {
  /** Colour with ANSI codes. The caller decides (TTY, NO_COLOR); false guarantees none. */
  color: boolean;
  /** Only FAIL and UNKNOWN results, and the summary. */
  quiet: boolean;
  /** Terminal width for wrapping; default 100. */
  width?: number;
  /** Never collapse PASS / N/A results into one line (e.g. for --verbose). */
  expand?: boolean;
}

const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 60;
/** This many PASS (or N/A) results of one check become one line; fewer are each worth their own. */
export const COLLAPSE_AT = 3;
/** Longest resource shown on a result line; the JSON has the whole of it. */
export const RESOURCE_MAX = 40;
const ID_MAX = 32;
const SEVERITY_WIDTH = 8; // "critical"
// Details (a fix, a full resource) start under the severity column.
const DETAIL_INDENT = 2 + BADGE_WIDTH + 2;
// Statuses that say "nothing to do here": many of them are collapsed. FAIL and UNKNOWN never are, nor MANUAL,
// which asks a person to look at each one.
const COLLAPSIBLE: readonly Status[] = ['PASS', 'NOT_APPLICABLE'];

interface Line {
  status: Status;
  severity: Severity;
  checkId: string;
  /** As shown: shortened, or "12 users" for a collapsed line. */
  resource: string;
  /** The whole resource, when the shown one lost part of it to truncation. */
  fullResource: string | null;
  message: string;
  remediation: Remediation | null;
  collapsed: boolean;
  /** Regions a folded regional line stands for. */
  regions?: string[];
}

function toLine(r: CheckResult, accountId: string): Line {
  const short = shortResource(stripControl(r.resource), accountId);
  const shown = truncateMiddle(short, RESOURCE_MAX);
  return {
    status: r.status,
    severity: r.severity,
    checkId: stripControl(r.checkId),
    resource: shown,
    fullResource: shown === short ? null : stripControl(r.resource),
    message: stripControl(r.message),
    remediation: r.status === 'FAIL' ? r.remediation : null,
    collapsed: false,
  };
}

function collapsedLine(results: readonly CheckResult[]): Line {
  const first = results[0]!;
  const [singular, plural] = resourceNoun(results.map((r) => r.resource));
  const messages = new Set(results.map((r) => r.message));
  return {
    status: first.status,
    severity: first.severity,
    checkId: stripControl(first.checkId),
    resource: `${results.length} ${results.length === 1 ? singular : plural}`,
    fullResource: null,
    // One message shared by all says something; a dozen different ones are in the JSON.
    message: messages.size === 1 ? stripControl(first.message) : '',
    remediation: null,
    collapsed: true,
  };
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
const byRegion = (text: string, region: string): string => text.split(region).join('<region>');

/**
 * Regional results that say the same thing but for the region (GuardDuty off in 17 regions) are one line with the
 * regions listed under it, and one fix with <region> in it: seventeen copies of a fix hide the other findings.
 */
function foldRegions(group: readonly CheckResult[], accountId: string): { folded: Line[]; rest: CheckResult[] } {
  const templates = new Map<string, CheckResult[]>();
  const rest: CheckResult[] = [];
  for (const r of group) {
    if ((r.status !== 'FAIL' && r.status !== 'UNKNOWN') || !REGION.test(r.resource)) {
      rest.push(r);
      continue;
    }
    const key = `${r.status}\n${byRegion(r.message, r.resource)}\n${byRegion(JSON.stringify(r.remediation), r.resource)}`;
    templates.set(key, [...(templates.get(key) ?? []), r]);
  }
  const folded: Line[] = [];
  for (const members of templates.values()) {
    const first = members[0]!;
    if (members.length < 2) {
      rest.push(first);
      continue;
    }
    const line = toLine(first, accountId);
    const remediation: Remediation = JSON.parse(byRegion(JSON.stringify(first.remediation), first.resource)) as Remediation;
    folded.push({
      ...line,
      resource: `${members.length} regions`,
      fullResource: null,
      message: stripControl(byRegion(first.message, first.resource)),
      remediation: line.remediation ? remediation : null,
      regions: members.map((m) => stripControl(m.resource)),
    });
  }
  return { folded, rest };
}

/** One area's lines: per check, its individual results in resource order, then its collapsed ones. */
function areaLines(results: readonly CheckResult[], accountId: string, expand: boolean): Line[] {
  const byCheck = new Map<string, CheckResult[]>();
  for (const r of results) byCheck.set(r.checkId, [...(byCheck.get(r.checkId) ?? []), r]);
  const lines: Line[] = [];
  for (const all of byCheck.values()) {
    const { folded, rest: group } = expand ? { folded: [], rest: all } : foldRegions(all, accountId);
    lines.push(...folded);
    const collapse = (s: Status): boolean =>
      !expand && COLLAPSIBLE.includes(s) && group.filter((r) => r.status === s).length >= COLLAPSE_AT;
    for (const r of group) if (!collapse(r.status)) lines.push(toLine(r, accountId));
    for (const s of COLLAPSIBLE) if (collapse(s)) lines.push(collapsedLine(group.filter((r) => r.status === s)));
  }
  return lines;
}

function formatDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return stripControl(iso);
  return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function header(input: ReportInput, p: Palette): string[] {
  const { account, collectedAt } = reportAccount(input);
  const alias = account.alias ? ` (${stripControl(account.alias)})` : '';
  const partition = account.partition !== 'aws' ? p.c.dim(` · partition ${stripControl(account.partition)}`) : '';
  return [
    `${p.c.bold('rampart audit')} ${p.c.dim(stripControl(reportToolVersion(input)))}`,
    `Account ${p.c.bold(stripControl(account.id))}${alias}${partition}`,
    `Collected ${formatDate(collectedAt)}`,
  ];
}

/**
 * Steps already printed, by content, with the check that printed them: six password checks failing for want of
 * one policy share one fix, and a reader needs to see it once.
 */
type SeenSteps = Map<string, string>;

function renderRemediation(rem: Remediation, checkId: string, seen: SeenSteps, p: Palette, width: number): string[] {
  const pad = ' '.repeat(DETAIL_INDENT);
  const out: string[] = [];
  const summary = stripControl(rem.summary);
  if (summary.trim() !== '') {
    const [first = '', ...rest] = wrap(summary, width - DETAIL_INDENT - 5);
    out.push(`${pad}${p.c.bold('Fix:')} ${first}`, ...rest.map((l) => `${pad}     ${l}`));
  }
  const steps = JSON.stringify([rem.console, rem.cli]);
  const earlier = seen.get(steps);
  if (earlier !== undefined && earlier !== checkId) {
    out.push(`${pad}${p.c.dim(`Steps: as for ${earlier} above.`)}`);
    return out;
  }
  seen.set(steps, checkId);
  if (rem.console.length > 0) {
    out.push(`${pad}${p.c.dim('In the console:')}`);
    rem.console.forEach((step, i) => {
      const num = `${i + 1}. `;
      const hang = ' '.repeat(num.length);
      const [first = '', ...rest] = wrap(stripControl(step), width - DETAIL_INDENT - 2 - num.length);
      out.push(`${pad}  ${num}${first}`, ...rest.map((l) => `${pad}  ${hang}${l}`));
    });
  }
  if (rem.cli.length > 0) {
    out.push(`${pad}${p.c.dim('With the AWS CLI:')}`);
    // Commands are never wrapped: they are meant to be copied whole.
    for (const cmd of rem.cli) {
      const [first = '', ...rest] = stripControl(cmd).split('\n');
      out.push(`${pad}  ${p.c.dim('$')} ${first}`, ...rest.map((l) => `${pad}    ${l}`));
    }
  }
  return out;
}

function renderLine(line: Line, idWidth: number, seen: SeenSteps, p: Palette, width: number): string[] {
  const badge = p.status(line.status, STATUS_BADGES[line.status].padEnd(BADGE_WIDTH));
  const severity = p.severity(line.severity, line.severity.padEnd(SEVERITY_WIDTH));
  const prefix = `  ${badge}  ${severity}  ${line.checkId.padEnd(idWidth)}  `;
  const prefixWidth = 2 + BADGE_WIDTH + 2 + SEVERITY_WIDTH + 2 + Math.max(idWidth, line.checkId.length) + 2;
  // On a narrow terminal, continuation lines start under the severity rather than leaving a sliver of message.
  const indent = width - prefixWidth >= 30 ? prefixWidth : DETAIL_INDENT;
  const body = line.message ? `${line.resource} — ${line.message}` : line.resource;
  const [first = '', ...rest] = wrap(body, Math.max(20, width - prefixWidth), width - indent);
  const tone = line.collapsed ? p.c.dim : (s: string): string => s;
  const out = [prefix + tone(first), ...rest.map((l) => ' '.repeat(indent) + tone(l))];
  const pad = ' '.repeat(DETAIL_INDENT);
  if (line.fullResource !== null) out.push(`${pad}${p.c.dim('resource:')} ${line.fullResource}`);
  if (line.regions) {
    const [first = '', ...rest] = wrap(line.regions.join(', '), width - DETAIL_INDENT - 9);
    out.push(`${pad}${p.c.dim('regions:')} ${first}`, ...rest.map((l) => `${pad}         ${l}`));
  }
  if (line.remediation) out.push(...renderRemediation(line.remediation, line.checkId, seen, p, width));
  return out;
}

export function renderText(input: ReportInput, options: TextOptions): string {
  const p = palette(options.color);
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const { account } = reportAccount(input);
  const all = orderResults(input.results, input.checkOrder);
  const shown = options.quiet ? all.filter((r) => r.status === 'FAIL' || r.status === 'UNKNOWN') : all;

  const areas: [Area, Line[]][] = AREAS.map((area) => [
    area,
    areaLines(
      shown.filter((r) => r.area === area),
      account.id,
      options.expand ?? false,
    ),
  ]);
  const idWidth = Math.min(ID_MAX, Math.max(0, ...areas.flatMap(([, lines]) => lines.map((l) => l.checkId.length))));

  const out = header(input, p);
  const seen: SeenSteps = new Map();
  for (const [area, lines] of areas) {
    if (lines.length === 0) continue;
    out.push('', p.c.bold(AREA_LABELS[area]));
    for (const line of lines) out.push(...renderLine(line, idWidth, seen, p, width));
  }
  if (shown.length === 0) out.push('', all.length === 0 ? 'No results.' : p.c.green('No failures.'));
  out.push(...renderSummaryText(summarize(all), p));
  return `${out.join('\n')}\n`;
}
