// Writes examples/cloudtrail/: seed 002's story (test/trail/seed-002.ts) as CloudTrail delivers it, one gzipped file
// per region and day. Run: npx tsx scripts/make-trail-example.ts
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT, writeDelivery, type CloudTrailRecord } from '../test/trail/events.js';
import { seed002 } from '../test/trail/seed-002.js';

const root = join(import.meta.dirname, '..', 'examples', 'cloudtrail');
rmSync(root, { recursive: true, force: true });
const files = new Map<string, CloudTrailRecord[]>();
for (const r of seed002()) {
  const region = String(r.awsRegion);
  const day = String(r.eventTime).slice(0, 10);
  const path = join('AWSLogs', ACCOUNT, 'CloudTrail', region, ...day.split('-'), `${ACCOUNT}_CloudTrail_${region}_${day.replace(/-/g, '')}T0000Z_seed002.json.gz`);
  files.set(path, [...(files.get(path) ?? []), r]);
}
for (const [path, records] of files) writeDelivery(join(root, path), records);
console.log(`wrote ${files.size} files under ${root}`);
