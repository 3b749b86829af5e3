// `rampart plan` and `rampart apply` in text: one line per step (badge, id, title), its detail under it, what a
// person must do for the manual ones, and a summary line. Step texts come from AWS names too: control characters out.
import type { ApplySummary, StepOutcome, StepResult } from '../baseline/apply.js';
import type { Step } from '../baseline/types.js';
import { palette, type Colors } from './palette.js';
import { stripControl } from './wrap.js';

export type PlanBadge = 'create' | 'update' | 'noop' | 'manual' | 'refused';

export interface PlanHeader {
  accountId: string;
  alias: string | null;
  callerArn: string;
  regions: readonly string[];
}

const BADGE_WIDTH = 7;
const INDENT = ' '.repeat(BADGE_WIDTH + 2);

/** A refused step shows as refused whatever it would have done. */
export const badgeOf = (step: Step): PlanBadge => (step.refused ? 'refused' : step.kind);

const planColors = (c: Colors): Record<PlanBadge, (s: string) => string> => ({
  create: c.green,
  update: c.yellow,
  noop: c.dim,
  manual: c.cyan,
  refused: (s) => c.bold(c.red(s)),
});

const outcomeColors = (c: Colors): Record<StepOutcome, (s: string) => string> => ({
  done: c.green,
  failed: (s) => c.bold(c.red(s)),
  skipped: c.yellow,
  refused: c.red,
  manual: c.cyan,
  noop: c.dim,
});

export function renderPlanText(steps: readonly Step[], header: PlanHeader, options: { color: boolean; manualDetails?: boolean }): string {
  const { c } = palette(options.color);
  const colors = planColors(c);
  const width = idWidth(steps);
  const alias = header.alias ? ` (${stripControl(header.alias)})` : '';
  const lines = [`Plan for account ${header.accountId}${alias} as ${stripControl(header.callerArn)}; regions: ${header.regions.join(', ') || '(none)'}`, ''];
  for (const step of steps) {
    const badge = badgeOf(step);
    lines.push(`${colors[badge](badge.padEnd(BADGE_WIDTH))}  ${stripControl(step.id).padEnd(width)}  ${stripControl(step.title)}`);
    if (step.detail) lines.push(c.dim(`${INDENT}${stripControl(step.detail)}`));
    if (step.refused) lines.push(`${INDENT}${colors.refused('refused:')} ${stripControl(step.refused)}`);
    if (step.kind === 'manual' && step.manual && options.manualDetails !== false) lines.push(...manualLines(step));
  }
  if (steps.length) lines.push('');
  lines.push(planSummaryLine(steps), '');
  return lines.join('\n');
}

/** `Plan: 3 to create, 1 to update, 2 manual, 1 refused, 5 already as the spec says.` */
export function planSummaryLine(steps: readonly Step[]): string {
  const count = (badge: PlanBadge) => steps.filter((s) => badgeOf(s) === badge).length;
  const changes = count('create') + count('update');
  const parts = [
    ...(changes ? [`${count('create')} to create`, `${count('update')} to update`] : ['nothing to change']),
    ...(count('manual') ? [`${count('manual')} manual`] : []),
    ...(count('refused') ? [`${count('refused')} refused`] : []),
    `${count('noop')} already as the spec says`,
  ];
  return `Plan: ${parts.join(', ')}.`;
}

/** What a person does in the console, numbered, and how rampart checks it. */
function manualLines(step: Step): string[] {
  if (!step.manual) return [];
  return [
    ...step.manual.console.map((line, i) => `${INDENT}${i + 1}. ${stripControl(line)}`),
    `${INDENT}verify: ${stripControl(step.manual.verify)}`,
  ];
}

/** One line per finished step during apply. */
export function renderStepResult(result: StepResult, options: { color: boolean; idWidth?: number }): string {
  const { c } = palette(options.color);
  const badge = result.outcome.padEnd(BADGE_WIDTH);
  const id = stripControl(result.step.id).padEnd(options.idWidth ?? 0);
  return `${outcomeColors(c)[result.outcome](badge)}  ${id}  ${stripControl(result.detail)}\n`;
}

/** After apply: what remains for a person (manual steps, in full), then the counts. */
export function renderApplySummary(summary: ApplySummary, options: { color: boolean; journalPath: string }): string {
  const { c } = palette(options.color);
  const lines: string[] = [];
  if (summary.manual.length) {
    lines.push('', c.bold('What only you can do:'));
    for (const { step } of summary.manual) {
      lines.push(`${c.cyan('manual'.padEnd(BADGE_WIDTH))}  ${stripControl(step.title)}`);
      if (step.detail) lines.push(c.dim(`${INDENT}${stripControl(step.detail)}`));
      lines.push(...manualLines(step));
    }
  }
  const parts = [
    `${summary.done.length} done`,
    `${summary.failed.length} failed`,
    `${summary.skipped.length} skipped`,
    `${summary.refused.length} refused`,
    `${summary.noop.length} already as the spec says`,
    `${summary.manual.length} manual`,
  ];
  lines.push('', `Applied: ${parts.join(', ')}.`);
  if (summary.aborted) lines.push(`Stopped early: ${summary.aborted}.`);
  lines.push(c.dim(`Journal: ${options.journalPath}`), '');
  return lines.join('\n');
}

export function idWidth(steps: readonly Step[]): number {
  return Math.min(40, Math.max(0, ...steps.map((s) => s.id.length)));
}

