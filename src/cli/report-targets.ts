// Where each report format goes: `--format json,sarif:audit.sarif`, `--output FILE`, `--html FILE`.
// The rule: a format with a file (`name:FILE`, or the one format `--output` names) goes to that file; a format
// without one goes to stdout, and stdout takes at most one. When every format went to a file, stdout gets the text
// report, so a person at a terminal still sees the result.
import { resolve } from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { closest } from '../util/closest.js';
import { InputError } from '../util/errors.js';

export interface ReportTarget {
  format: ReportFormat;
  /** null: stdout. */
  path: string | null;
}

export interface TargetOptions {
  /** The --format entries, split on commas: `json`, `sarif:out.sarif`. */
  format: readonly string[];
  output?: string;
  html?: string;
}

function parseEntry(entry: string): ReportTarget {
  const colon = entry.indexOf(':');
  const name = (colon < 0 ? entry : entry.slice(0, colon)).trim().toLowerCase();
  const path = colon < 0 ? null : entry.slice(colon + 1).trim();
  if (!(REPORT_FORMATS as readonly string[]).includes(name)) {
    const guess = closest(name, [...REPORT_FORMATS]);
    throw new InputError(`--format expects one of ${REPORT_FORMATS.join(', ')} (each NAME or NAME:FILE), got "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  if (path === '') throw new InputError(`--format ${name}: expected a file after the colon (${name}:FILE)`);
  return { format: name as ReportFormat, path };
}

export function reportTargets(opts: TargetOptions): ReportTarget[] {
  const targets = opts.format.map(parseEntry);
  if (opts.html !== undefined) targets.push({ format: 'html', path: opts.html });
  if (opts.output !== undefined) {
    const open = targets.filter((t) => t.path === null);
    if (targets.length === 0) targets.push({ format: 'json', path: opts.output });
    else if (open.length !== 1) {
      throw new InputError(
        open.length === 0
          ? '--output: every --format already has a file; give --output one format without a file (--format sarif --output audit.sarif)'
          : `--output names one file, but ${open.length} formats have none (${open.map((t) => t.format).join(', ')}): give the others name:FILE`,
      );
    } else open[0]!.path = opts.output;
  }
  const toStdout = targets.filter((t) => t.path === null);
  if (toStdout.length > 1) {
    throw new InputError(
      `stdout takes one format, but ${toStdout.map((t) => t.format).join(', ')} have no file: write the others to files (--format ${toStdout[0]!.format},${toStdout[1]!.format}:FILE)`,
    );
  }
  const seen = new Map<string, ReportFormat>();
  for (const t of targets) {
    if (t.path === null) continue;
    const key = resolve(t.path);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new InputError(`${t.path}: both ${earlier} and ${t.format} would be written to it`);
    seen.set(key, t.format);
  }
  if (toStdout.length === 0) targets.push({ format: 'text', path: null });
  return targets;
}
