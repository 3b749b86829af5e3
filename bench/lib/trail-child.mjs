// One measurement in its own process, so its peak memory is its own. Prints one JSON line.
// node bench/lib/trail-child.mjs hunt DIR | duckdb-count DIR | duckdb-count-declared DIR
import { DuckDBInstance } from '@duckdb/node-api';
import { TrailEngine } from '../../dist/trail/engine.js';
import { detect, tellStory } from '../../dist/trail/hunt.js';
import { scanLocal } from '../../dist/trail/local-files.js';

const [mode, dir] = process.argv.slice(2);
const started = performance.now();
const out = { mode };
if (mode === 'hunt') {
  const scan = await scanLocal([dir]);
  out.scanMs = performance.now() - started;
  const engine = await TrailEngine.open();
  const problems = [];
  await engine.loadFiles(scan.files, (p) => problems.push(p));
  out.duplicates = await engine.dropDuplicateEvents(); // as the CLI does
  out.loadMs = performance.now() - started - out.scanMs;
  const t = performance.now();
  await detect(engine);
  out.detectMs = performance.now() - t;
  const result = await tellStory(engine);
  out.storyMs = performance.now() - t - out.detectMs;
  out.events = result.events;
  out.incidents = result.incidents.length;
  out.gpuHits = result.incidents.flatMap((i) => i.detections).filter((d) => d.id === 'gpu-instances').reduce((n, d) => n + d.hits, 0);
  out.problems = problems.length;
  await engine.close();
} else {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const files = `'${dir}/**/*.json.gz'`;
  const sql =
    mode === 'duckdb-count'
      ? `SELECT count(*) AS n FROM (SELECT unnest(Records) FROM read_json(${files}))`
      : `SELECT sum(len(Records)) AS n FROM read_json(${files}, columns = {Records: 'JSON[]'})`;
  const rows = (await db.runAndReadAll(sql)).getRowObjectsJson();
  out.events = Number(rows[0].n);
}
out.ms = performance.now() - started;
out.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify(out)}\n`);
