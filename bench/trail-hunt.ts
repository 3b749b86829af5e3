// `rampart trail hunt` over a generated CloudTrail corpus in the delivery layout, side by side in one run with jq
// running one equivalent filter and with a bare DuckDB count over the same files. Each measurement runs in its own
// process (peak RSS is its own) from the built dist/.
// Run: npm run bench:trail-hunt [-- --events 2000000] (default 200,000; the corpus is cached under .scratch/)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../test/trail/corpus.js';

const { values } = parseArgs({ options: { events: { type: "string", default: "200000" }, runs: { type: 'string', default: '1' } } });
const events = Number(values.events);
const root = join(import.meta.dirname, '..');
const dir = join(root, '.scratch', `trail-corpus-${events}`);

if (!existsSync(join(dir, 'done'))) {
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const files = writeCorpus(dir, { events });
  execFileSync('touch', [join(dir, 'done')]);
  console.log(`generated ${events.toLocaleString('en-US')} events in ${files} files in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const du = execFileSync('du', ['-sm', dir]).toString().split('\t')[0];
console.log(`corpus: ${dir} (${du} MB gzipped)`);

interface Measure {
  ms: number;
  maxRssMb: number;
  events: number;
  scanMs: number;
  loadMs: number;
  detectMs: number;
  storyMs: number;
  incidents: number;
  gpuHits: number;
}

function child(mode: string): Measure {
  const r = spawnSync(process.execPath, [join(root, 'bench/lib/trail-child.mjs'), mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Measure;
}

// jq: the GPU-launch detection (gpu-instances) as a filter, condition for condition: RunInstances that succeeded, not
// by AWS itself, of an accelerated family (the instance type at the top or in the first item, any case); over the
// same gzipped files (zcat feeding one jq, as a person would run it). Its count must equal the hunt's.
const JQ_FILTER =
  '.Records[] | select(.eventName == "RunInstances" and .errorCode == null and .eventType != "AwsServiceEvent" and .userIdentity.type != "AWSService"' +
  ' and (((.requestParameters.instanceType // .requestParameters.instancesSet.items[0].instanceType) // "") | ascii_downcase | test("^(p|g|inf|trn|dl)"))) | .eventID';
function jq(): { ms: number; hits: number } {
  const t = performance.now();
  const out = execFileSync('sh', ['-c', `find '${dir}' -name '*.json.gz' -print0 | sort -z | xargs -0 zcat | jq -r '${JQ_FILTER}' | wc -l`], { maxBuffer: 1 << 20 });
  return { ms: performance.now() - t, hits: Number(out.toString().trim()) };
}

const rate = (ms: number) => Math.round(events / (ms / 1000));
for (let run = 1; run <= Number(values.runs); run++) {
  const h = child('hunt');
  const bare = child('duckdb-count');
  const declared = child('duckdb-count-declared');
  const j = jq();
  if (h.events !== events || bare.events !== events || declared.events !== events) throw new Error(`event counts differ: ${JSON.stringify({ h, bare, declared })}`);
  if (h.gpuHits !== j.hits) throw new Error(`jq's filter is not the gpu-instances detection: ${j.hits} hits, the hunt ${h.gpuHits}`);
  // The figure is "events per second for all detections": reading, loading and every detection, up to the
  // hits. Telling the story (incidents and their timelines, 296,164 events at 2M) is the report, shown beside it.
  const detections = h.scanMs + h.loadMs + h.detectMs;
  console.log(`run ${run}:`);
  console.log(`  rampart, all detections (scan + load + detections): ${(detections / 1000).toFixed(2)} s, ${rate(detections).toLocaleString('en-US')} events/s (scan ${(h.scanMs / 1000).toFixed(2)} s, load ${(h.loadMs / 1000).toFixed(2)} s, detections ${(h.detectMs / 1000).toFixed(2)} s)`);
  console.log(`  rampart trail hunt, whole (+ incidents and timelines ${(h.storyMs / 1000).toFixed(2)} s): ${(h.ms / 1000).toFixed(2)} s, ${rate(h.ms).toLocaleString('en-US')} events/s, peak RSS ${h.maxRssMb} MB, ${h.incidents} incidents`);
  console.log(`  duckdb bare count (schema inferred): ${(bare.ms / 1000).toFixed(2)} s, ${rate(bare.ms).toLocaleString('en-US')} events/s, peak RSS ${bare.maxRssMb} MB`);
  console.log(`  duckdb count, Records as JSON[]:     ${(declared.ms / 1000).toFixed(2)} s, ${rate(declared.ms).toLocaleString('en-US')} events/s, peak RSS ${declared.maxRssMb} MB`);
  console.log(`  jq, one filter (GPU launches):       ${(j.ms / 1000).toFixed(2)} s, ${rate(j.ms).toLocaleString('en-US')} events/s, ${j.hits} hits (the hunt's gpu-instances: ${h.gpuHits})`);
  console.log(`  ratios, all detections: ${(j.ms / detections).toFixed(2)}x jq, ${(bare.ms / detections).toFixed(2)}x the bare count, ${(declared.ms / detections).toFixed(2)}x the declared count`);
  console.log(`  ratios, whole hunt:     ${(j.ms / h.ms).toFixed(2)}x jq, ${(bare.ms / h.ms).toFixed(2)}x the bare count, ${(declared.ms / h.ms).toFixed(2)}x the declared count`);
}
