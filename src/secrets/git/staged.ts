// `rampart scan --staged`: what `git commit` would commit right now, read from the index (never the work tree).
//
// Only secrets on lines the commit adds or changes are reported, as gitleaks' pre-commit scan (`git diff --staged`,
// added lines) does: a key that is already in HEAD is a history problem (`--history`), and blocking every commit that
// touches its file would teach people `--no-verify`. The whole staged file is still given to the detector, so an id
// on an added line pairs with a secret on an unchanged one; git-secrets, by contrast, scans the whole staged files.
import { RunError } from '../../util/errors.js';
import type { Detect, SecretFinding } from '../types.js';
import { looksBinary, OBJECT_FORMAT, parseHeader, readBatch, readFields } from './cat-file.js';
import { isFileMode, parseRawMeta, type RawEntry } from './raw-diff.js';
import { assertRepository, gitOutput, startGit } from './run-git.js';
import { DEFAULT_MAX_BYTES, emptyStats, type ScanStats } from './scan-stats.js';

export interface StagedOptions {
  /** A directory inside the repository's work tree. */
  readonly cwd: string;
  readonly detect: Detect;
  readonly maxBytes?: number;
  readonly stats?: ScanStats;
}

interface StagedFile extends RawEntry {
  readonly path: string;
}

export async function* scanStaged(opts: StagedOptions): AsyncGenerator<SecretFinding> {
  const stats = opts.stats ?? emptyStats();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  await assertRepository(opts.cwd);
  const files = (await stagedFiles(opts.cwd)).filter((f) => isFileMode(f.mode));
  if (files.length === 0) return;
  // Sizes first, so an oversized file is never read; then the contents, in the same order, from one git process.
  const sizes = await gitOutput(opts.cwd, ['cat-file', `--batch-check=${OBJECT_FORMAT}`], files.map((f) => `${f.oid}\n`).join(''));
  const toRead: StagedFile[] = [];
  sizes
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      const size = line === '' ? undefined : parseHeader(line, opts.cwd)?.size;
      if (size === undefined || size === 0) return;
      if (size > maxBytes) stats.skippedLarge++;
      else toRead.push(files[i]!);
    });
  if (toRead.length === 0) return;
  const batch = startGit(opts.cwd, ['cat-file', `--batch=${OBJECT_FORMAT}`]);
  batch.child.stdin.end(toRead.map((f) => `${f.oid}\n`).join(''));
  let i = 0;
  try {
    for await (const obj of readBatch(batch.child.stdout, opts.cwd)) {
      const file = toRead[i++];
      if (file?.oid !== obj.oid) throw new RunError(`git cat-file answered ${obj.oid} for ${file?.oid ?? 'nothing'}: the index changed during the scan?`);
      if (looksBinary(obj.data)) {
        stats.skippedBinary++;
        continue;
      }
      stats.blobsRead++;
      stats.bytesRead += obj.size;
      const findings = opts.detect(obj.data.toString('utf8'), file.path);
      if (findings.length === 0) continue;
      const added = /^0+$/.test(file.oldOid) ? undefined : await addedLines(opts.cwd, file.oldOid, file.oid);
      yield* findings.filter((f) => !added || added.has(f.location.line));
    }
    await batch.done;
  } finally {
    if (batch.child.exitCode === null) batch.child.kill();
  }
}

/** Added, copied, modified and type-changed paths in the index against HEAD (against nothing before the first commit). */
async function stagedFiles(cwd: string): Promise<StagedFile[]> {
  const out = await gitOutput(cwd, [
    'diff', '--cached', '--no-relative', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color', '--diff-filter=ACMT',
  ]);
  const files: StagedFile[] = [];
  let entry: RawEntry | undefined;
  for await (const field of readFields([out])) {
    if (entry) {
      files.push({ ...entry, path: field });
      entry = undefined;
    } else entry = parseRawMeta(field);
  }
  return files;
}

/** Line numbers (1-based, in the new blob) that a diff from `oldOid` to `newOid` adds or changes. */
async function addedLines(cwd: string, oldOid: string, newOid: string): Promise<Set<number>> {
  const patch = await gitOutput(cwd, ['diff', '-U0', '--text', '--no-color', '--no-ext-diff', '--no-textconv', oldOid, newOid]);
  const lines = new Set<number>();
  for (const m of patch.toString('utf8').matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let n = start; n < start + count; n++) lines.add(n);
  }
  return lines;
}
