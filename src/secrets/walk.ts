// The file-tree source: every file under a directory that git would not ignore, read one at a time so memory stays
// flat however large the tree. Reads are synchronous on purpose: for files in the page cache (the usual case) a sync
// open/fstat/read/close costs a fraction of the same calls through libuv's thread pool, and the scan has nothing else
// to do meanwhile (bench/scan-tree.ts measured it). `.gitignore` files at every level and `.git/info/exclude` apply as
// git applies them (the deepest matching rule wins); `.git/` itself is never entered.
import type { Dirent } from 'node:fs';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { bytesMayHoldSecret } from './detect.js';
import type { Source, SourceItem } from './source.js';

export interface ReadOptions {
  /** Files larger than this many bytes are skipped unless 0 (no limit). */
  maxFileSize: number;
  /** Scan files that look binary (a NUL byte in the first 8000 bytes, git's own test) too. */
  includeBinary: boolean;
}

const SNIFF_BYTES = 8000;

interface Level {
  /** The directory these rules live in, relative to the root, with a trailing `/` (empty for the root). */
  dir: string;
  rules: Ignore;
}

/** Every file under `root`, as text, skipped or a problem; paths are `prefix` + the path relative to `root`, with `/`. */
export async function* treeSource(root: string, opts: ReadOptions, prefix = ''): Source {
  for (const entry of walk(root)) {
    const path = prefix + entry.path;
    yield 'problem' in entry ? { kind: 'problem', path, message: entry.problem } : readItem(entry.abs, path, opts);
  }
}

/** One file given by name: read whatever .gitignore says. */
export async function* fileSource(abs: string, path: string, opts: ReadOptions): Source {
  yield readItem(abs, path, opts, false);
}

/** Standard input, read to its end. */
export async function* streamSource(stream: NodeJS.ReadableStream, path = 'stdin'): Source {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const buf = Buffer.concat(chunks);
  yield { kind: 'text', path, text: buf.toString('utf8'), bytes: buf.length };
}

type Entry = { abs: string; path: string } | { path: string; problem: string };

function* walk(root: string): Generator<Entry> {
  const base: Level[] = [];
  const exclude = readText(join(root, '.git', 'info', 'exclude'));
  if (exclude !== undefined) base.push({ dir: '', rules: ignore().add(exclude) });
  // Depth first with an explicit stack: no recursion limit, one directory listing in memory per level.
  const stack: { abs: string; rel: string; levels: Level[] }[] = [{ abs: root, rel: '', levels: base }];
  while (stack.length > 0) {
    const { abs, rel, levels: inherited } = stack.pop()!;
    let names: Dirent[];
    try {
      names = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      yield { path: rel || '.', problem: describe(err) };
      continue;
    }
    let levels = inherited;
    if (names.some((d) => d.name === '.gitignore')) {
      const text = readText(join(abs, '.gitignore')) ?? '';
      levels = [...inherited, { dir: rel, rules: ignore().add(text) }];
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const d of names) {
      const childRel = rel + d.name;
      const childAbs = join(abs, d.name);
      if (d.isDirectory()) {
        if (d.name === '.git' || ignored(levels, `${childRel}/`)) continue;
        subdirs.push({ abs: childAbs, rel: `${childRel}/`, levels });
        continue;
      }
      if (ignored(levels, childRel)) continue;
      if (d.isFile()) yield { abs: childAbs, path: childRel };
      else if (d.isSymbolicLink()) {
        // A link to a file is read (as git stores the file it names); links to directories are not followed.
        const target = statOrError(childAbs);
        if (target instanceof Error) yield { path: childRel, problem: (target as NodeJS.ErrnoException).code === 'ENOENT' ? 'broken symbolic link' : describe(target) };
        else if (target.isFile()) yield { abs: childAbs, path: childRel };
      } else yield { path: childRel, problem: `not a regular file (${kindOf(d)}), not read` };
    }
    // Reversed, so the stack pops them in name order: the walk is in path order, as people read a tree.
    stack.push(...subdirs.reverse());
  }
}

function ignored(levels: Level[], path: string): boolean {
  let result = false;
  for (const { dir, rules } of levels) {
    if (!path.startsWith(dir)) continue;
    const r = rules.test(path.slice(dir.length));
    if (r.ignored) result = true;
    else if (r.unignored) result = false;
  }
  return result;
}

/** One read buffer for every file (the text is decoded out of it before the next read): no garbage per file. */
let scratch = Buffer.allocUnsafe(1 << 20);

function readItem(abs: string, path: string, opts: ReadOptions, prefilter = true): SourceItem {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'problem', path, message: 'not a regular file, not read' };
    if (opts.maxFileSize > 0 && info.size > opts.maxFileSize) return { kind: 'skipped', path, reason: 'too-large' };
    if (scratch.length < info.size) scratch = Buffer.allocUnsafe(info.size);
    const buf = scratch;
    let got = 0;
    for (let n = 1; got < info.size && n > 0; got += n) n = readSync(fd, buf, got, info.size - got, got);
    const data = buf.subarray(0, got);
    if (!opts.includeBinary && data.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'skipped', path, reason: 'binary' };
    if (prefilter && !bytesMayHoldSecret(data)) return { kind: 'clean', path, bytes: got };
    return { kind: 'text', path, text: data.toString('utf8'), bytes: got };
  } catch (err) {
    return { kind: 'problem', path, message: describe(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function statOrError(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    return err as Error;
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file',
    ELOOP: 'too many symbolic links',
    EISDIR: 'is a directory',
  };
  return `cannot read: ${(e.code && why[e.code]) ?? e.code ?? e.message}`;
}

function kindOf(d: Dirent): string {
  return d.isFIFO() ? 'fifo' : d.isSocket() ? 'socket' : d.isCharacterDevice() || d.isBlockDevice() ? 'device' : 'special';
}
