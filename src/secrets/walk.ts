// The file-tree source: every file under a directory that git would not ignore, read a few at a time so memory
// stays flat however large the tree. `.gitignore` files at every level and `.git/info/exclude` apply as git applies
// them (the deepest matching rule wins); `.git/` itself is never entered.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Source, SourceItem } from './source.js';

export interface ReadOptions {
  /** Files larger than this many bytes are skipped unless 0 (no limit). */
  maxFileSize: number;
  /** Scan files that look binary (a NUL byte in the first 8000 bytes, git's own test) too. */
  includeBinary: boolean;
}

/** Files read at once: enough to hide disk latency, few enough that memory is a handful of files. */
const IN_FLIGHT = 16;
const SNIFF_BYTES = 8000;

interface Level {
  /** The directory these rules live in, relative to the root, with a trailing `/` (empty for the root). */
  dir: string;
  rules: Ignore;
}

/**
 * Every file under `root`, as text, skipped or a problem; paths are `prefix` + the path relative to `root`, with `/`.
 * Files are read IN_FLIGHT at a time and handed on in walk order.
 */
export async function* treeSource(root: string, opts: ReadOptions, prefix = ''): Source {
  const pending: Promise<SourceItem>[] = [];
  for await (const entry of walk(root)) {
    const path = prefix + entry.path;
    pending.push('problem' in entry ? Promise.resolve({ kind: 'problem', path, message: entry.problem }) : readItem(entry.abs, path, opts));
    if (pending.length >= IN_FLIGHT) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/** One file given by name: read whatever .gitignore says. */
export async function* fileSource(abs: string, path: string, opts: ReadOptions): Source {
  yield await readItem(abs, path, opts);
}

/** Standard input, read to its end. */
export async function* streamSource(stream: NodeJS.ReadableStream, path = 'stdin'): Source {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const buf = Buffer.concat(chunks);
  yield { kind: 'text', path, text: buf.toString('utf8'), bytes: buf.length };
}

type Entry = { abs: string; path: string } | { path: string; problem: string };

async function* walk(root: string): AsyncGenerator<Entry> {
  const base: Level[] = [];
  const exclude = await readFile(join(root, '.git', 'info', 'exclude'), 'utf8').catch(() => undefined);
  if (exclude !== undefined) base.push({ dir: '', rules: ignore().add(exclude) });
  // Depth first with an explicit stack: no recursion limit, one directory listing in memory per level.
  const stack: { abs: string; rel: string; levels: Level[] }[] = [{ abs: root, rel: '', levels: base }];
  while (stack.length > 0) {
    const { abs, rel, levels: inherited } = stack.pop()!;
    let names: Dirent[];
    try {
      names = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      yield { path: rel || '.', problem: describe(err) };
      continue;
    }
    let levels = inherited;
    if (names.some((d) => d.name === '.gitignore')) {
      const text = await readFile(join(abs, '.gitignore'), 'utf8').catch(() => '');
      levels = [...inherited, { dir: rel, rules: ignore().add(text) }];
    }
    names.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
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
        const target = await stat(childAbs).catch((err: unknown) => err as Error);
        if (target instanceof Error) yield { path: childRel, problem: (target as NodeJS.ErrnoException).code === 'ENOENT' ? 'broken symbolic link' : describe(target) };
        else if (target.isFile()) yield { abs: childAbs, path: childRel };
      } else yield { path: childRel, problem: `not a regular file (${kindOf(d)}), not read` };
    }
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

async function readItem(abs: string, path: string, opts: ReadOptions): Promise<SourceItem> {
  try {
    const info = await lstat(abs).then((s) => (s.isSymbolicLink() ? stat(abs) : s));
    if (!info.isFile()) return { kind: 'problem', path, message: `not a regular file, not read` };
    if (opts.maxFileSize > 0 && info.size > opts.maxFileSize) return { kind: 'skipped', path, reason: 'too-large' };
    const buf = await readFile(abs);
    if (!opts.includeBinary && buf.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'skipped', path, reason: 'binary' };
    return { kind: 'text', path, text: buf.toString('utf8'), bytes: buf.length };
  } catch (err) {
    return { kind: 'problem', path, message: describe(err) };
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
