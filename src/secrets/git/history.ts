// `rampart scan --history`: every blob reachable from any ref, each read once; each secret reported once per path,
// with the first commit (oldest) that put it at that path.
//
// Two passes keep memory bounded by the blobs that hold a secret, not by the size of the repository:
//  1. rev-list --all --objects | cat-file --batch-check | (small text blobs) | cat-file --batch -> detect, once per blob
//     (git lists each object once however many commits and paths share it). Only blobs with findings are kept.
//  2. Only when something was found: git log --all --reverse --raw, oldest first, gives the first commit, author and
//     date for each (blob, path) pair of those blobs, so the first pair holding a secret at a path is where it entered;
//     ls-tree HEAD says which secrets are still in the current tree.
// Reflog-only blobs (an amended or reset-away commit) are not scanned: the reflog is local, never pushed or cloned,
// and expires; `--all` covers branches, tags, remotes, notes and the stash.
import { once } from 'node:events';
import type { Detect, SecretFinding } from '../types.js';
import { looksBinary, OBJECT_FORMAT, parseHeader, readBatch, readFields, readLines } from './cat-file.js';
import { isDeletion, isFileMode, parseRawMeta, type RawEntry } from './raw-diff.js';
import { DEFAULT_MAX_BYTES, emptyStats, type ScanStats } from './scan-stats.js';
import { assertRepository, gitOutput, headCommit, startGit, type GitProcess } from './run-git.js';

export interface HistoryOptions {
  /** A directory inside the repository (or a bare repository). */
  readonly cwd: string;
  readonly detect: Detect;
  readonly maxBytes?: number;
  /** Filled in as the scan goes: what was read and skipped. */
  readonly stats?: ScanStats;
}

export async function* scanHistory(opts: HistoryOptions): AsyncGenerator<SecretFinding> {
  const stats = opts.stats ?? emptyStats();
  await assertRepository(opts.cwd);
  stats.shallow = (await gitOutput(opts.cwd, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() === 'true';
  const found = await findingsByBlob(opts, stats);
  if (found.size === 0) return;
  const inHead = await secretsInHead(opts.cwd, found);
  const placed = new Set<string>();
  // A key stays in a file while the file keeps changing around it: every later version is a new blob holding the same
  // secret. What the user needs is where the secret first entered that path, once.
  const reported = new Set<string>();
  for await (const origin of firstAppearances(opts.cwd, found)) {
    placed.add(origin.oid);
    for (const f of found.get(origin.oid)!) {
      const key = `${f.fingerprint}\0${origin.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const commit = { commit: origin.commit, author: origin.author, date: origin.date, inHead: inHead.has(f.fingerprint) };
      yield { ...f, location: { ...f.location, path: origin.path, commit } };
    }
  }
  // Reachable but never in a commit's tree (a tag pointing straight at a blob or tree): the path is rev-list's name.
  for (const [oid, findings] of found) if (!placed.has(oid)) yield* findings;
}

/** Pass 1: the findings of every small text blob reachable from a ref, by blob id; clean blobs are forgotten. */
async function findingsByBlob(opts: HistoryOptions, stats: ScanStats): Promise<Map<string, SecretFinding[]>> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const revList = startGit(opts.cwd, ['rev-list', '--all', '--objects']);
  const check = startGit(opts.cwd, ['cat-file', `--batch-check=${OBJECT_FORMAT}`, '--buffer']);
  const batch = startGit(opts.cwd, ['cat-file', `--batch=${OBJECT_FORMAT}`, '--buffer']);
  const all = [revList, check, batch];
  revList.child.stdout.pipe(check.child.stdin);
  // Only blobs worth reading go on to the second cat-file; sizes come cheap from the first.
  const feeding = (async () => {
    try {
      for await (const line of readLines(check.child.stdout)) {
        const h = parseHeader(line, opts.cwd);
        if (!h || h.type !== 'blob' || h.size === 0) continue;
        if (h.size > maxBytes) {
          stats.skippedLarge++;
          continue;
        }
        // A cat-file that died never drains: its exit ends the wait (and fails the scan) instead of hanging it.
        if (!batch.child.stdin.write(`${h.oid} ${h.rest}\n`)) await Promise.race([once(batch.child.stdin, 'drain'), batch.done]);
      }
    } finally {
      // Also on failure (a damaged object): the reader below must see the end to stop waiting and report it.
      batch.child.stdin.end();
    }
  })();
  feeding.catch(() => undefined);
  const found = new Map<string, SecretFinding[]>();
  try {
    for await (const obj of readBatch(batch.child.stdout, opts.cwd)) {
      if (looksBinary(obj.data)) {
        stats.skippedBinary++;
        continue;
      }
      stats.blobsRead++;
      stats.bytesRead += obj.size;
      const findings = opts.detect(obj.data.toString('utf8'), obj.rest || `blob ${obj.oid}`); // no name: a tag on a bare blob
      if (findings.length > 0) found.set(obj.oid, findings);
    }
    await Promise.all([feeding, ...all.map((g) => g.done)]);
  } finally {
    stop(all);
  }
  return found;
}

interface Appearance {
  readonly oid: string;
  readonly path: string;
  readonly commit: string;
  readonly author: string;
  readonly date: string;
}

/**
 * Pass 2: for each (blob, path) of the blobs in `wanted`, the oldest commit whose diff puts it there. Commits come
 * oldest first (--reverse --date-order: parents before children, then by date); merges show only what differs from
 * every parent (-c), so a blob a merge brought in from a branch is credited to the branch's commit, not the merge.
 */
async function* firstAppearances(cwd: string, wanted: ReadonlyMap<string, unknown>): AsyncGenerator<Appearance> {
  const log = startGit(cwd, [
    'log', '--all', '--reverse', '--date-order', '--no-color', '--no-show-signature', '--no-relative', '--raw', '-c', '--no-renames', '--root', '-z', '--no-abbrev',
    '--no-ext-diff', '--format=%x01%H%x00%an <%ae>%x00%aI',
  ]);
  const seen = new Set<string>();
  let commit = '';
  let author = '';
  let date = '';
  let pending: 'author' | 'date' | 'path' | undefined;
  let entry: RawEntry | undefined;
  try {
    for await (const field of readFields(log.child.stdout)) {
      if (pending === 'path') {
        pending = undefined;
        if (!entry || isDeletion(entry) || !isFileMode(entry.mode) || !wanted.has(entry.oid)) continue;
        const key = `${entry.oid}\0${field}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield { oid: entry.oid, path: field, commit, author, date };
        continue;
      }
      if (pending === 'author') {
        author = field;
        pending = 'date';
        continue;
      }
      if (pending === 'date') {
        date = field;
        pending = undefined;
        continue;
      }
      const token = field.replace(/^\n+/, '');
      if (token.startsWith('\x01')) {
        commit = token.slice(1);
        pending = 'author';
      } else if (token.startsWith(':')) {
        entry = parseRawMeta(token);
        pending = 'path';
      }
    }
    await log.done;
  } finally {
    stop([log]);
  }
}

/** Fingerprints of the secrets still somewhere in HEAD's tree: "is it still in the current code?". */
async function secretsInHead(cwd: string, found: ReadonlyMap<string, SecretFinding[]>): Promise<Set<string>> {
  const head = await headCommit(cwd);
  const prints = new Set<string>();
  if (!head) return prints;
  const ls = startGit(cwd, ['ls-tree', '-r', '-z', '--full-tree', head]);
  for await (const field of readFields(ls.child.stdout)) {
    const oid = /^\d+ blob ([0-9a-f]+)\t/.exec(field)?.[1];
    for (const f of (oid && found.get(oid)) || []) prints.add(f.fingerprint);
  }
  await ls.done;
  return prints;
}

/** Ends whatever git is still running when a consumer stops early or something failed. */
function stop(processes: GitProcess[]): void {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill();
}
