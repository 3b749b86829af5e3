// The engine's two ways in: DuckDB reading files itself (a bad file among good ones costs only itself), and any
// RecordSource (what the S3 and LookupEvents sources yield), with its problems passed on and its origins kept.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrailEngine } from '../../src/trail/engine.js';
import { scanLocal } from '../../src/trail/local-files.js';
import type { RecordSource, SourceProblem } from '../../src/trail/source.js';
import { event, user, writeDelivery } from './events.js';

const alice = user('alice', 'AKIAALICEALICEALICE1');
const mk = (n: number, name = 'GetObject') => Array.from({ length: n }, (_, i) => event({ time: `2026-11-20T10:00:${String(i % 60).padStart(2, '0')}Z`, name, source: 's3.amazonaws.com', identity: alice }));

describe('TrailEngine', () => {
  it('reads good files with DuckDB even when a corrupt one is among them, and only the bad one the careful way, each event with its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-engine-'));
    // File i holds i + 1 events, so each file's count tells whether its events were numbered as its own.
    for (let i = 0; i < 9; i++) writeDelivery(join(dir, `f${i}.json.gz`), mk(i + 1));
    writeFileSync(join(dir, 'f4-bad.json.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('{"Records":[ not deflate at all')]));
    const scan = await scanLocal([dir]);
    const engine = await TrailEngine.open();
    const problems: SourceProblem[] = [...scan.problems];
    try {
      await engine.loadFiles(scan.files, (p) => problems.push(p));
      expect(await engine.count()).toBe(45);
      expect(engine.stats.fastFiles).toBe(9);
      // The bad file split its chunk: the halves' files keep their numbers.
      const rows = await engine.rows<{ file_id: number; n: string }>('SELECT file_id, count(*) AS n FROM events GROUP BY file_id');
      expect(Object.fromEntries(rows.map((r) => [engine.origin(r.file_id), Number(r.n)]))).toEqual(
        Object.fromEntries(Array.from({ length: 9 }, (_, i) => [join(dir, `f${i}.json.gz`), i + 1])),
      );
      expect(problems.map((p) => p.origin)).toEqual([join(dir, 'f4-bad.json.gz')]);
    } finally {
      await engine.close();
    }
  });

  it('loads any RecordSource, keeping each batch\'s origin and passing its problems on', async () => {
    async function* source(): RecordSource {
      yield { kind: 'records', origin: 's3://trail/AWSLogs/1/CloudTrail/us-east-1/2026/11/20/a.json.gz', records: mk(3) };
      yield { kind: 'problem', origin: 's3://trail/b.json.gz', message: 'truncated gzip' };
      yield { kind: 'records', origin: 'lookup:eu-west-1#2', records: mk(2, 'RunInstances') };
    }
    const engine = await TrailEngine.open();
    const problems: SourceProblem[] = [];
    try {
      await engine.loadSource(source(), (p) => problems.push(p));
      const rows = await engine.rows<{ file_id: number; n: string }>('SELECT file_id, count(*) AS n FROM events GROUP BY file_id');
      expect(rows.map((r) => [engine.origin(r.file_id), Number(r.n)]).sort()).toEqual([
        ['lookup:eu-west-1#2', 2],
        ['s3://trail/AWSLogs/1/CloudTrail/us-east-1/2026/11/20/a.json.gz', 3],
      ]);
      expect(problems).toEqual([{ kind: 'problem', origin: 's3://trail/b.json.gz', message: 'truncated gzip' }]);
      const [row] = await engine.rows<{ event_name: string; access_key_id: string; identity_type: string; t: string }>(
        "SELECT event_name, access_key_id, identity_type, CAST(event_time AS VARCHAR) AS t FROM events WHERE event_name = 'RunInstances' LIMIT 1",
      );
      expect(row).toEqual({ event_name: 'RunInstances', access_key_id: 'AKIAALICEALICEALICE1', identity_type: 'IAMUser', t: '2026-11-20 10:00:00' });
    } finally {
      await engine.close();
    }
  });

  it('keeps the first copy of an event read twice, and every event without an id', async () => {
    const events = mk(4);
    const { eventID: _, ...noId } = events[3]!;
    async function* source(): RecordSource {
      yield { kind: 'records', origin: 's3://trail/a.json.gz', records: [...events.slice(0, 3), noId] };
      yield { kind: 'records', origin: 'lookup:us-east-1#1', records: [events[1]!, events[2]!, noId, events[3]!] };
    }
    const engine = await TrailEngine.open();
    try {
      await engine.loadSource(source(), () => undefined);
      expect(await engine.dropDuplicateEvents()).toBe(2);
      const rows = await engine.rows<{ event_id: string | null; file_id: number }>('SELECT event_id, file_id FROM events ORDER BY event_id NULLS LAST, file_id');
      expect(rows.map((r) => [r.event_id, engine.origin(r.file_id)])).toEqual([
        ...events.map((e, i) => [e.eventID, i < 3 ? 's3://trail/a.json.gz' : 'lookup:us-east-1#1']).sort(),
        [null, 's3://trail/a.json.gz'],
        [null, 'lookup:us-east-1#1'],
      ]);
      expect(await engine.dropDuplicateEvents()).toBe(0);
    } finally {
      await engine.close();
    }
  });

  it('drops exactly the copies, whatever mix of ids, copies and events without an id it is given', async () => {
    const engine = await TrailEngine.open();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (places) => {
          await engine.db.run('DELETE FROM events');
          const record = (id: number | null) => {
            const { eventID: _, ...rest } = mk(1)[0]!;
            return id === null ? rest : { ...rest, eventID: `id-${id}` };
          };
          async function* source(): RecordSource {
            for (const [i, ids] of places.entries()) yield { kind: 'records', origin: `place-${i}`, records: ids.map(record) };
          }
          await engine.loadSource(source(), () => undefined);
          const ids = places.flat();
          const withId = ids.filter((id) => id !== null);
          expect(await engine.dropDuplicateEvents()).toBe(withId.length - new Set(withId).size);
          expect(await engine.count()).toBe(new Set(withId).size + (ids.length - withId.length));
        }),
        { numRuns: 40, seed: 7 },
      );
    } finally {
      await engine.close();
    }
  });

  it('finds a single copy among events without an id (their hash must not stand in for it)', async () => {
    const [a, b] = mk(2);
    const { eventID: _, ...noId } = b!;
    async function* source(): RecordSource {
      yield { kind: 'records', origin: 'one', records: [a!, noId] };
      yield { kind: 'records', origin: 'two', records: [a!] };
    }
    const engine = await TrailEngine.open();
    try {
      await engine.loadSource(source(), () => undefined);
      expect(await engine.dropDuplicateEvents()).toBe(1);
      expect(await engine.count()).toBe(2);
    } finally {
      await engine.close();
    }
  });
});
