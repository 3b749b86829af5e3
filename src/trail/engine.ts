// The DuckDB engine: one `events` table in an in-memory database with a memory limit (it spills to a temporary
// directory beyond it, so 2 million events stay well under 2 GB), filled either by DuckDB reading local files itself (the fast path) or from any RecordSource.
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbSelect, EVENTS_TABLE_DDL, RECORD_STRUCT } from './events-table.js';
import { readFileCarefully, type LocalFile } from './local-files.js';
import type { RecordSource, SourceProblem } from './source.js';

export type ProblemSink = (problem: SourceProblem) => void;

export interface EngineOptions {
  /** DuckDB's buffer pool; beyond it the table spills to the temporary directory. */
  memoryLimit?: string;
  threads?: number;
}

/**
 * Files read by DuckDB in one statement. Each statement has a fixed cost and reads its files in parallel, so
 * chunks are large; a chunk holding a bad file is split in halves until the bad file is alone (a few re-reads).
 */
const CHUNK = 1000;
/** The largest JSON document (a whole delivery file) DuckDB will read; it reserves buffers of this size per thread. */
const MAX_OBJECT_BYTES = 64 * 1024 * 1024;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** How files were read: by DuckDB itself, or by the careful reader after DuckDB could not. */
export interface LoadStats {
  fastFiles: number;
  carefulFiles: number;
}

export class TrailEngine {
  readonly stats: LoadStats = { fastFiles: 0, carefulFiles: 0 };
  /** Where events were read (a path, `s3://bucket/key`, `lookup:region#page`), by the events' `file_id`. */
  private readonly origins: string[] = [];
  private readonly fileIds = new Map<string, number>();

  private constructor(
    private readonly dir: string,
    private readonly instance: DuckDBInstance,
    readonly db: DuckDBConnection,
  ) {}

  static async open(opts: EngineOptions = {}): Promise<TrailEngine> {
    const dir = await mkdtemp(join(tmpdir(), 'rampart-trail-'));
    // In memory (a quarter faster to fill than a database file); past the memory limit DuckDB spills to `spill/`.
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: opts.memoryLimit ?? '1GB',
      temp_directory: join(dir, 'spill'),
      // Loading is a quarter faster when threads may append rows in any order; every query that shows rows orders them.
      preserve_insertion_order: 'false',
      ...(opts.threads ? { threads: String(opts.threads) } : {}),
    });
    const db = await instance.connect();
    await db.run(EVENTS_TABLE_DDL);
    return new TrailEngine(dir, instance, db);
  }

  async close(): Promise<void> {
    this.db.closeSync();
    this.instance.closeSync();
    await rm(this.dir, { recursive: true, force: true });
  }

  async rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const reader = await this.db.runAndReadAll(sql);
    return reader.getRowObjectsJson() as T[];
  }

  /** Where the events of a file_id were read. */
  origin(fileId: number | null): string | null {
    return fileId === null ? null : (this.origins[fileId] ?? null);
  }

  /** The file_id of an origin, numbered on first sight. */
  private fileId(origin: string): number {
    let id = this.fileIds.get(origin);
    if (id === undefined) {
      id = this.origins.push(origin) - 1;
      this.fileIds.set(origin, id);
    }
    return id;
  }

  /**
   * Keeps one copy of each event id: the same event read from two sources (a trail's bucket and LookupEvents, two
   * trails whose logs overlap) would otherwise be two hits and two timeline rows. The copy from the place read first
   * stays. Returns how many copies were dropped. Events without an id are all kept.
   */
  async dropDuplicateEvents(): Promise<number> {
    // Copies are rare and finding them exactly costs twice this: distinct hashes as many as ids proves there are none
    // (a collision only sends the check on to the exact query). Not over events without an id: hash(NULL) is a value,
    // and it would make up for a copy.
    const [check] = await this.rows<{ copies: string }>('SELECT count(*) - count(DISTINCT hash(event_id)) AS copies FROM events WHERE event_id IS NOT NULL');
    if (Number(check?.copies ?? 0) === 0) return 0;
    // By file number (numbered in the order places were read), not by rowid: threads insert rows in any order.
    const result = await this.db.run(
      `DELETE FROM events WHERE rowid IN (SELECT rowid FROM (
         SELECT rowid, row_number() OVER (PARTITION BY event_id ORDER BY file_id, rowid) AS copy
         FROM events WHERE event_id IS NOT NULL) WHERE copy > 1)`,
    );
    return Number(result.rowsChanged);
  }

  async count(): Promise<number> {
    const [row] = await this.rows<{ n: string }>('SELECT count(*) AS n FROM events');
    return Number(row?.n ?? 0);
  }

  /**
   * Local files, read by DuckDB in chunks. A chunk that fails is read file by file, and a file that fails (or a
   * gzip that yields nothing, as a truncated one can) is read by the careful reader, which names the problem.
   */
  async loadFiles(files: readonly LocalFile[], onProblem: ProblemSink): Promise<void> {
    const careful: LocalFile[] = [];
    for (const layout of ['records', 'array', 'lines'] as const) {
      const ofLayout = files.filter((f) => f.layout === layout);
      // Numbered in this order, so the files of any slice have consecutive ids: file_index plus the first one's.
      for (const f of ofLayout) this.fileId(f.path);
      for (let i = 0; i < ofLayout.length; i += CHUNK) await this.insertOrSplit(ofLayout.slice(i, i + CHUNK), layout, careful);
    }
    const loaded = new Set((await this.rows<{ file_id: number }>('SELECT DISTINCT file_id FROM events')).map((r) => r.file_id));
    careful.push(...files.filter((f) => f.gzip && !loaded.has(this.fileId(f.path)) && !careful.includes(f)));
    this.stats.carefulFiles += careful.length;
    this.stats.fastFiles += files.length - careful.length;
    if (careful.length > 0) await this.loadSource(carefulSource(careful), onProblem);
  }

  private async insertOrSplit(files: readonly LocalFile[], layout: LocalFile['layout'], failed: LocalFile[]): Promise<void> {
    if (await this.tryInsert(files, layout)) return;
    if (files.length === 1) {
      failed.push(files[0]!);
      return;
    }
    const mid = files.length >> 1;
    await this.insertOrSplit(files.slice(0, mid), layout, failed);
    await this.insertOrSplit(files.slice(mid), layout, failed);
  }

  private async tryInsert(files: readonly LocalFile[], layout: LocalFile['layout']): Promise<boolean> {
    const list = `[${files.map((f) => sqlString(f.path)).join(', ')}]`;
    const common = `maximum_object_size = ${MAX_OBJECT_BYTES}`;
    // file_index: the file's place in the list.
    const fileId = `CAST(file_index + ${this.fileId(files[0]!.path)} AS INTEGER) AS file_id`;
    const from =
      layout === 'records'
        ? `(SELECT unnest(Records) AS r, ${fileId} FROM read_json(${list}, format = 'unstructured', columns = {Records: '${RECORD_STRUCT}[]'}, ${common}))`
        : `(SELECT r, ${fileId} FROM read_json(${list}, format = '${layout === 'array' ? 'array' : 'newline_delimited'}', records = false, columns = {r: '${RECORD_STRUCT}'}, ${common}))`;
    try {
      await this.db.run(`INSERT INTO events ${duckdbSelect(from)}`);
      return true;
    } catch {
      return false;
    }
  }

  /** Any source (S3, LookupEvents, the careful file reader): records go through a JSON Lines file DuckDB reads. */
  async loadSource(source: RecordSource, onProblem: ProblemSink): Promise<void> {
    const path = join(this.dir, `batch-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
    const out = createWriteStream(path);
    let pending = 0;
    const origins = new Set<string>();
    const flush = async () => {
      out.end();
      await finished(out);
      if (pending > 0) {
        try {
          await this.db.run(
            `INSERT INTO events ${duckdbSelect(`(SELECT r, NULL AS file_id FROM read_json(${sqlString(path)}, format = 'newline_delimited', records = false, columns = {r: '${RECORD_STRUCT}'}, maximum_object_size = ${MAX_OBJECT_BYTES}))`)}`,
          );
        } catch (err) {
          for (const origin of origins) onProblem({ kind: 'problem', origin, message: `records could not be loaded: ${firstLine(err)}` });
        }
      }
      await rm(path, { force: true });
    };
    for await (const item of source) {
      if (item.kind === 'problem') {
        onProblem(item);
        continue;
      }
      origins.add(item.origin);
      for (const record of item.records) {
        const line = `${JSON.stringify({ ...record, rampart_file: this.fileId(item.origin) })}\n`;
        if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        pending++;
      }
    }
    await flush();
  }
}

async function* carefulSource(files: readonly LocalFile[]): RecordSource {
  for (const f of files) yield* readFileCarefully(f);
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
