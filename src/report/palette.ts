// Every colour of the text renderers, from picocolors' createColors(enabled): whether to colour is the caller's
// decision (TTY, NO_COLOR, --no-color live in the CLI), so nothing here reads the environment.
import pc from 'picocolors';
import type { Severity, Status } from '../checks/types.js';

export type Colors = ReturnType<typeof pc.createColors>;

/** What a status is shown as; NOT_APPLICABLE is long, and the badge column should stay narrow. */
export const STATUS_BADGES: Readonly<Record<Status, string>> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  UNKNOWN: 'UNKNOWN',
  NOT_APPLICABLE: 'N/A',
  MANUAL: 'MANUAL',
};
export const BADGE_WIDTH = Math.max(...Object.values(STATUS_BADGES).map((b) => b.length));

export interface Palette {
  c: Colors;
  /** Colours `text` (already padded, so alignment is computed on plain text) as `status` is coloured. */
  status(status: Status, text: string): string;
  severity(severity: Severity, text: string): string;
  /** Green when good, yellow when middling, red when poor; null (nothing decided) is dim. */
  score(score: number | null, text: string): string;
}

export function palette(color: boolean): Palette {
  const c = pc.createColors(color);
  const byStatus: Record<Status, (s: string) => string> = {
    PASS: c.green,
    FAIL: (s) => c.bold(c.red(s)),
    UNKNOWN: c.yellow,
    NOT_APPLICABLE: c.dim,
    MANUAL: c.cyan,
  };
  const bySeverity: Record<Severity, (s: string) => string> = {
    critical: (s) => c.bold(c.magenta(s)),
    high: c.red,
    medium: c.yellow,
    low: c.blue,
    info: c.dim,
  };
  return {
    c,
    status: (status, text) => byStatus[status](text),
    severity: (severity, text) => bySeverity[severity](text),
    score: (score, text) => (score === null ? c.dim(text) : score >= 90 ? c.green(text) : score >= 70 ? c.yellow(text) : c.red(text)),
  };
}
