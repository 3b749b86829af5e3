// Local CloudTrail files: which files a set of paths names, what layout each file has, and a careful record-by-record
// reader for the files the fast path (DuckDB reading the file itself) could not read, so a broken line or gzip is
// named precisely and the rest of the file's good records are not lost to it.
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { mapLimited } from '../aws/limiter.js';
import { InputError } from '../util/errors.js';
import { cannotRead } from '../util/unreadable.js';
import type { SourceItem, SourceProblem } from './source.js';

/** `records`: CloudTrail's delivery object {"Records":[...]}; `array`: a JSON array of records; `lines`: JSON Lines. */
export type FileLayout = 'records' | 'array' | 'lines';

export interface LocalFile {
  readonly path: string;
  readonly layout: FileLayout;
  readonly gzip: boolean;
}

export interface LocalScan {
  readonly files: LocalFile[];
  readonly problems: SourceProblem[];
}

const READABLE = /\.(json|jsonl|ndjson)(\.gz)?$/i;

/**
 * The files under `paths` (directories recursively, in a stable order). A path that does not exist is bad input;
 * a file whose first bytes are not JSON is a problem to report, not a reason to stop.
 */
export async function scanLocal(paths: readonly string[]): Promise<LocalScan> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new InputError(`${path}: no such file or directory`);
    if (info.isDirectory()) found.push(...(await walk(path)));
    else found.push(path);
  }
  // A file named twice (itself and within a folder given too) is read once.
  const seen = new Set<string>();
  const unique = found.filter((path) => {
    const abs = resolve(path);
    return !seen.has(abs) && Boolean(seen.add(abs));
  });
  // Each file's first bytes, a few files at a time (2,000 files one by one cost most of a second), in their order;
  // not for files CloudTrail named itself. A file whose name lied fails DuckDB's read and goes to the careful reader,
  // which tells its layout from its content.
  const sniffed = await mapLimited(unique, SNIFF_CONCURRENCY, async (path) =>
    DELIVERED.test(basename(path)) ? { path, layout: 'records' as const, gzip: true } : sniff(path),
  );
  const files: LocalFile[] = [];
  const problems: SourceProblem[] = [];
  for (const s of sniffed) {
    if ('layout' in s) files.push(s);
    else problems.push(s);
  }
  return { files, problems };
}

const SNIFF_CONCURRENCY = 16;
/** Folders of a trail's bucket that hold no API calls. */
const NOT_EVENTS = new Set(['CloudTrail-Digest', 'CloudTrail-Insight']);
/** How CloudTrail names the log files it delivers: 111122223333_CloudTrail_us-east-1_20261101T0000Z_abc.json.gz. */
const DELIVERED = /^\d{12}_CloudTrail_[^_]+_.*\.json\.gz$/;
const NOT_CLOUDTRAIL = 'not CloudTrail JSON (expected {"Records":[...]}, a JSON array or JSON Lines)';

/** A file's layout from its first bytes, or the problem that keeps it from being read. */
async function sniff(path: string): Promise<LocalFile | SourceProblem> {
  const gzip = path.toLowerCase().endsWith('.gz');
  try {
    const layout = layoutOf(await head(path, gzip));
    if (layout) return { path, layout, gzip };
    // A gzip whose start says nothing may be broken: decompressing it all names what is wrong.
    if (gzip) {
      const broken = await readAll({ path, layout: 'lines', gzip }).then(() => null, (err: unknown) => readError(err));
      if (broken !== null) return { kind: 'problem', origin: path, message: `${broken}; file skipped` };
    }
    return { kind: 'problem', origin: path, message: NOT_CLOUDTRAIL };
  } catch (err) {
    return { kind: 'problem', origin: path, message: readError(err) };
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    // Digest files prove the log files unchanged and hold no events; Insights files hold CloudTrail's own findings about
    // call rates, not calls (the S3 source reads neither: it lists only CloudTrail/ folders).
    if (e.isDirectory()) {
      if (!NOT_EVENTS.has(e.name)) out.push(...(await walk(p)));
    }
    else if (e.isFile() && READABLE.test(e.name)) out.push(p);
  }
  return out;
}

/** The first characters of a file, decompressed; enough to tell the layout. */
async function head(path: string, gzip: boolean): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const bytes = buf.subarray(0, bytesRead);
    if (!gzip) return bytes.toString('utf8');
    // A prefix of a gzip stream: decompress what is there and ignore that the end is missing.
    return gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString('utf8');
  } finally {
    await fh.close();
  }
}

export function layoutOf(start: string): FileLayout | undefined {
  const s = start.replace(/^\uFEFF/, '').trimStart();
  if (/^\{\s*"Records"\s*:/.test(s)) return 'records';
  if (s.startsWith('[')) return 'array';
  if (s.startsWith('{')) return 'lines';
  return undefined;
}

export function readError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message ?? '')) return 'truncated gzip (unexpected end of file)';
  if (e.code === 'Z_DATA_ERROR') return `corrupt gzip (${e.message})`;
  // The file system's errors (EACCES, EISDIR...) in the words the other commands use; not zlib's (Z_...) or Node's (ERR_...).
  if (/^E[A-Z]+$/.test(e.code ?? '')) return cannotRead(err);
  return e.message ?? String(err);
}

/**
 * Reads one file record by record. A JSON Lines file keeps its good lines and reports each bad one by line number;
 * a whole-document file that does not parse, or a gzip that is corrupt or truncated, is reported and skipped.
 */
export async function* readFileCarefully(file: LocalFile): AsyncGenerator<SourceItem> {
  let text: string;
  try {
    text = await readAll(file);
  } catch (err) {
    yield { kind: 'problem', origin: file.path, message: `${readError(err)}; file skipped` };
    return;
  }
  // From the content, not `file.layout`: a file taken by its name may hold another layout.
  const layout = layoutOf(text);
  if (!layout) {
    yield { kind: 'problem', origin: file.path, message: `${NOT_CLOUDTRAIL}; file skipped` };
    return;
  }
  if (layout !== 'lines') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      yield { kind: 'problem', origin: file.path, message: `malformed JSON (${(err as Error).message}); file skipped` };
      return;
    }
    const records = layout === 'records' ? (doc as { Records?: unknown }).Records : doc;
    if (!Array.isArray(records)) {
      yield { kind: 'problem', origin: file.path, message: 'expected a list of records; file skipped' };
      return;
    }
    const good = records.filter(isRecord);
    if (good.length < records.length) yield { kind: 'problem', origin: file.path, message: `${records.length - good.length} entries are not objects; skipped` };
    yield { kind: 'records', origin: file.path, records: good };
    return;
  }
  const records: Record<string, unknown>[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(value);
      else yield { kind: 'problem', origin: `${file.path}:${i + 1}`, message: 'not a JSON object; line skipped' };
    } catch {
      yield { kind: 'problem', origin: `${file.path}:${i + 1}`, message: 'malformed JSON; line skipped' };
    }
  }
  yield { kind: 'records', origin: file.path, records };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readAll(file: LocalFile): Promise<string> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  if (file.gzip) await pipeline(createReadStream(file.path), createGunzip(), collect);
  else await pipeline(createReadStream(file.path), collect);
  return Buffer.concat(chunks).toString('utf8');
}
