// The scanner: runs the detector over every text its sources yield and keeps what is not accepted (a baseline
// fingerprint, or `rampart:allow` on the finding's own line). Texts are dropped as soon as they are scanned.
import { detectSecrets } from './detect.js';
import type { ScanReport } from './report.js';
import type { Source } from './source.js';
import type { Detect, SecretFinding } from './types.js';

/** On the line of a finding, in any comment syntax: the finding is accepted there (a test fixture, a known dummy). */
export const ALLOW_MARKER = 'rampart:allow';

export interface ScanOptions {
  /** Fingerprints accepted by a baseline file. */
  baseline?: ReadonlySet<string>;
  detect?: Detect;
}

export async function scan(sources: Source[], opts: ScanOptions = {}): Promise<ScanReport> {
  const detect = opts.detect ?? detectSecrets;
  const findings: SecretFinding[] = [];
  const problems: ScanReport['problems'][number][] = [];
  const skipped: ScanReport['skipped'][number][] = [];
  const accepted = { baseline: 0, inline: 0 };
  let files = 0;
  let bytes = 0;
  const keep = (f: SecretFinding, line?: string) => {
    if (opts.baseline?.has(f.fingerprint)) accepted.baseline++;
    else if (line?.includes(ALLOW_MARKER)) accepted.inline++;
    else findings.push(f);
  };
  for (const source of sources) {
    for await (const item of source) {
      switch (item.kind) {
        case 'text': {
          files++;
          bytes += item.bytes;
          const found = detect(item.text, item.path);
          if (found.length === 0) break;
          const lines = item.text.split('\n');
          for (const f of found) keep(f, lines[f.location.line - 1]);
          break;
        }
        case 'clean':
          files++;
          bytes += item.bytes;
          break;
        case 'finding':
          keep(item.finding);
          break;
        case 'problem':
          problems.push({ path: item.path, message: item.message });
          break;
        case 'skipped':
          skipped.push({ path: item.path, reason: item.reason });
      }
    }
  }
  findings.sort(byPlace);
  problems.sort((a, b) => cmp(a.path, b.path));
  skipped.sort((a, b) => cmp(a.path, b.path));
  return { findings, verifications: new Map(), problems, skipped, accepted, files, bytes };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: SecretFinding, b: SecretFinding) =>
  cmp(a.location.path, b.location.path) || a.location.line - b.location.line || a.location.column - b.location.column || cmp(a.location.commit?.commit ?? '', b.location.commit?.commit ?? '');
