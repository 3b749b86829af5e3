import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyId } from '../../test/secrets/keys.js';
import { seededRandom } from '../../test/aws-emulator/prng.js';
import { FileReader } from './read-file.js';
import { ReadPool } from './read-pool.js';
import type { SourceItem } from './source.js';

let root: string;
const paths: string[] = [];
const read = { maxFileSize: 2000, includeBinary: false };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rampart-pool-'));
  const rand = seededRandom(5);
  await mkdir(join(root, 'd'));
  for (let n = 0; n < 300; n++) {
    const path = `d/f${n}.txt`;
    const content = n % 5 === 0 ? `id = ${keyId('ASIA', rand)}\n` : n % 7 === 0 ? Buffer.from([1, 0, 2]) : n % 11 === 0 ? 'y'.repeat(2001) : `plain ${n}\n`;
    await writeFile(join(root, path), content);
    paths.push(path);
  }
  paths.push('d/missing.txt');
});

async function ready(pool: ReadPool): Promise<void> {
  while (!pool.hasRoom()) await new Promise(setImmediate);
}

/** Every path through a pool of two workers, in batches of 50, as treeSource gives them out. */
async function readThrough(Pool: typeof ReadPool): Promise<SourceItem[]> {
  const pool = new Pool(2, { base: `${root}/`, prefix: 'p/', read });
  const got: SourceItem[] = [];
  try {
    await ready(pool);
    for (let i = 0; i < paths.length; i += 50) {
      while (!pool.hasRoom()) got.push(...((await pool.next()) ?? []));
      pool.give(paths.slice(i, i + 50));
    }
    for (let items = await pool.next(); items; items = await pool.next()) got.push(...items);
  } finally {
    pool.close();
  }
  return got;
}

const byPath = (a: SourceItem, b: SourceItem) => ('path' in a && 'path' in b ? (a.path < b.path ? -1 : 1) : 0);

describe('ReadPool', () => {
  it('reads every batch as the main thread would, on its workers', async () => {
    const got = await readThrough(ReadPool);
    const reader = new FileReader(read);
    expect(got.sort(byPath)).toEqual(paths.map((p) => reader.read(`${root}/${p}`, `p/${p}`)).sort(byPath));
    expect(got.filter((i) => i.kind === 'text')).toHaveLength(60);
    expect(got.find((i) => 'path' in i && i.path === 'p/d/missing.txt')).toEqual({ kind: 'problem', path: 'p/d/missing.txt', message: 'cannot read: no such file' });
  });

  it('built (dist/, the worker in JavaScript, as the CLI runs it) reads the same', async () => {
    const built = (await import(pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'secrets', 'read-pool.js')).href)) as { ReadPool: typeof ReadPool };
    expect((await readThrough(built.ReadPool)).sort(byPath)).toEqual((await readThrough(ReadPool)).sort(byPath));
  });

  it('fails the scan, not hangs, when a worker dies', async () => {
    const pool = new ReadPool(1, { base: `${root}/`, prefix: '', read });
    try {
      await ready(pool);
      pool.give(42 as unknown as string[]);
      await expect(pool.next()).rejects.toThrow();
    } finally {
      pool.close();
    }
  });
});
