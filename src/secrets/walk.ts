// The file-tree source: every file under a directory that git would not ignore, read one at a time per thread so memory
// stays flat however large the tree. `.gitignore` files at every level and `.git/info/exclude` apply as git applies
// them (the deepest matching rule wins); `.git/` itself is never entered. The walk runs on the main thread; the files it
// finds are read there (read-file.ts) and, in a large tree, on worker threads too (read-pool.ts).
import type { Dirent } from 'node:fs';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type ignoreRules from 'ignore';
import type { Ignore } from 'ignore';
import { cannotRead } from '../util/unreadable.js';
import { FileReader, type ReadOptions } from './read-file.js';
import type { ReadPool } from './read-pool.js';
import type { Source } from './source.js';

export interface TreeOptions extends ReadOptions {
  /** Threads reading files, the main thread included (1: the main thread alone). */
  threads?: number;
  /** Files the walk finds before workers start: a worker costs tens of milliseconds to start, a small tree less. */
  workersAfter?: number;
}

/** Paths handed out at a time: enough to make a message worth it, few enough that the threads end together. */
const BATCH = 128;
/** Files the main thread reads between looks at the workers. */
const CHUNK = 16;
const WORKERS_AFTER = 2000;

interface Level {
  /** The directory these rules live in, relative to the root, with a trailing `/` (empty for the root and above it). */
  dir: string;
  /** For rules in a directory above the root: the root's path relative to that directory, with a trailing `/`. */
  above?: string;
  rules: Ignore;
}

/** Every file under `root`, as text, skipped or a problem; paths are `prefix` + the path relative to `root`, with `/`. */
export async function* treeSource(root: string, opts: TreeOptions, prefix = ''): Source {
  const base = join(root, '/');
  const reader = new FileReader(opts);
  const threads = opts.threads ?? 1;
  const workersAfter = opts.workersAfter ?? WORKERS_AFTER;
  const entries = walk(root);
  let walked = 0;
  let ended = false;
  /** Walked, not yet read nor given out: at most a batch, so memory stays flat. */
  let pending: string[] = [];
  let pool: ReadPool | undefined;
  try {
    for (;;) {
      while (!ended && pending.length < BATCH) {
        const next = entries.next();
        if (next.done) ended = true;
        else if (typeof next.value === 'string') {
          pending.push(next.value);
          walked++;
        } else yield { kind: 'problem', path: prefix + next.value.path, message: next.value.problem };
      }
      // Loaded only here: a small tree (a pre-commit hook's) never starts a worker.
      if (pool === undefined && threads > 1 && walked >= workersAfter) pool = new (await import('./read-pool.js')).ReadPool(threads - 1, { base, prefix, read: opts });
      if (pool) {
        for (const items of pool.take()) yield* items;
        if (pending.length === BATCH && pool.hasRoom()) {
          pool.give(pending);
          pending = [];
          continue;
        }
      }
      if (pending.length === 0) break;
      // A few files at a time, so a worker that has finished its batches soon gets more.
      for (const rel of pending.splice(0, pool ? CHUNK : BATCH)) yield reader.read(base + rel, prefix + rel);
    }
    for (let items = await pool?.next(); items; items = await pool?.next()) yield* items;
  } finally {
    pool?.close();
  }
}

/** One file given by name: read whatever .gitignore says. */
export async function* fileSource(abs: string, path: string, opts: ReadOptions): Source {
  yield new FileReader(opts).read(abs, path, false);
}

/** Standard input, read to its end. */
export async function* streamSource(stream: NodeJS.ReadableStream, path = 'stdin'): Source {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const buf = Buffer.concat(chunks);
  yield { kind: 'text', path, text: buf.toString('utf8'), bytes: buf.length };
}

/** A file to read, by its path relative to the root, or a path the walk could not follow. */
type Entry = string | { path: string; problem: string };

function* walk(root: string): Generator<Entry> {
  const base = rulesAbove(root);
  // Depth first with an explicit stack: no recursion limit, one directory listing in memory per level.
  const stack: { abs: string; rel: string; levels: Level[] }[] = [{ abs: root, rel: '', levels: base }];
  while (stack.length > 0) {
    const { abs, rel, levels: inherited } = stack.pop()!;
    let names: Dirent[];
    try {
      names = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      yield { path: rel || '.', problem: cannotRead(err) };
      continue;
    }
    let levels = inherited;
    if (names.some((d) => d.name === '.gitignore')) {
      const text = readText(join(abs, '.gitignore')) ?? '';
      levels = [...inherited, { dir: rel, rules: rulesOf(text) }];
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const d of names) {
      const childRel = rel + d.name;
      if (d.isDirectory()) {
        if (d.name === '.git' || ignored(levels, `${childRel}/`)) continue;
        subdirs.push({ abs: join(abs, d.name), rel: `${childRel}/`, levels });
        continue;
      }
      if (ignored(levels, childRel)) continue;
      if (d.isFile()) yield childRel;
      else if (d.isSymbolicLink()) {
        // A link to a file is read (as git stores the file it names); links to directories are not followed.
        const target = statOrError(join(abs, d.name));
        if (target instanceof Error) yield { path: childRel, problem: (target as NodeJS.ErrnoException).code === 'ENOENT' ? 'broken symbolic link' : cannotRead(target) };
        else if (target.isFile()) yield childRel;
      } else yield { path: childRel, problem: `not a regular file (${kindOf(d)}), not read` };
    }
    // Reversed, so the stack pops them in name order: the walk is in path order, as people read a tree.
    stack.push(...subdirs.reverse());
  }
}

let ignore: typeof ignoreRules | undefined;

/**
 * `ignore` is CommonJS: required, not imported, so Node does not run its export lexer over the file (on a file that
 * size the lexer grows hot, and its optimisation in the background held every scan's exit back by 15-25 ms), and
 * only once a tree has a rule file.
 */
function rulesOf(text: string): Ignore {
  ignore ??= createRequire(import.meta.url)('ignore') as typeof ignoreRules;
  return ignore().add(text);
}

/**
 * The rules that apply to `root` from outside it: `.git/info/exclude` and the `.gitignore` files of every directory
 * between the work tree's top and `root`, as git applies them to `git -C top status root`. A folder the user names
 * and git ignores as a whole (`rampart scan node_modules/pkg`) is scanned whole: asking for it says it matters.
 */
function rulesAbove(root: string): Level[] {
  const abs = resolve(root);
  let top = abs;
  while (!existsSync(join(top, '.git'))) {
    const up = dirname(top);
    if (up === top) return [];
    top = up;
  }
  const levels: Level[] = [];
  const exclude = readText(join(gitDir(top), 'info', 'exclude'));
  const above = (dir: string) => `${relative(dir, abs).split(sep).join('/')}/`;
  if (exclude !== undefined) levels.push({ dir: '', above: top === abs ? undefined : above(top), rules: rulesOf(exclude) });
  for (let dir = top; dir !== abs; dir = join(dir, relative(dir, abs).split(sep)[0]!)) {
    const text = readText(join(dir, '.gitignore'));
    if (text !== undefined) levels.push({ dir: '', above: above(dir), rules: rulesOf(text) });
  }
  return levels.some((l) => l.above !== undefined) && ignored(levels, '') ? [] : levels;
}

/** The repository's git directory: `.git` itself, or where a worktree's or submodule's `.git` file points. */
function gitDir(top: string): string {
  const dotGit = join(top, '.git');
  const pointer = /^gitdir: (.+)$/m.exec(readText(dotGit) ?? '')?.[1]?.trim();
  if (pointer === undefined) return dotGit;
  const dir = resolve(top, pointer);
  // A linked worktree keeps its info/ in the main repository's git directory.
  const common = readText(join(dir, 'commondir'))?.trim();
  return common ? resolve(dir, common) : dir;
}

function ignored(levels: Level[], path: string): boolean {
  let result = false;
  for (const { dir, above, rules } of levels) {
    if (!path.startsWith(dir)) continue;
    const inside = path.slice(dir.length);
    // The root itself ('' below it) is tested from above as its own folder: `pkg/` matches a `pkg/` rule.
    if (above === undefined && inside === '') continue;
    const r = rules.test(above === undefined ? inside : inside === '' ? above : above + inside);
    if (r.ignored) result = true;
    else if (r.unignored) result = false;
  }
  return result;
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

function kindOf(d: Dirent): string {
  return d.isFIFO() ? 'fifo' : d.isSocket() ? 'socket' : d.isCharacterDevice() || d.isBlockDevice() ? 'device' : 'special';
}
