// A large CloudTrail corpus in the delivery layout (AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz, about
// 1,000 events a file), for the benchmark: everyday traffic of a few people and services, seeded so every run is equal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../aws-emulator/prng.js';
import { ACCOUNT, event, runInstances, service, signIn, user, type CloudTrailRecord } from './events.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
const CALLS: [string, string][] = [
  ['DescribeInstances', 'ec2.amazonaws.com'],
  ['GetObject', 's3.amazonaws.com'],
  ['ListBuckets', 's3.amazonaws.com'],
  ['AssumeRole', 'sts.amazonaws.com'],
  ['GetParameter', 'ssm.amazonaws.com'],
  ['Decrypt', 'kms.amazonaws.com'],
  ['PutMetricData', 'monitoring.amazonaws.com'],
  ['ListUsers', 'iam.amazonaws.com'],
];

export interface CorpusSize {
  events: number;
  perFile?: number;
}

/** Writes the corpus under `dir`; returns the number of files. */
export function writeCorpus(dir: string, size: CorpusSize): number {
  const perFile = size.perFile ?? 1000;
  const rnd = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const people = Array.from({ length: 12 }, (_, i) => user(`dev-${i}`, `AKIA${String(1000000000000000 + i * 7919).slice(0, 16)}`));
  const start = Date.parse('2026-11-01T00:00:00Z');
  const span = 20 * 24 * 3600_000;
  let files = 0;
  for (let written = 0; written < size.events; ) {
    const n = Math.min(perFile, size.events - written);
    const region = REGIONS[files % REGIONS.length]!;
    const fileStart = start + Math.floor((written / size.events) * span);
    const records: CloudTrailRecord[] = [];
    for (let i = 0; i < n; i++) {
      const time = new Date(fileStart + i * 1000).toISOString().replace('.000Z', 'Z');
      const who = pick(people);
      const r = rnd();
      if (r < 0.002) records.push(signIn(time, who, { mfa: rnd() < 0.9 ? 'Yes' : 'No' }));
      else if (r < 0.004) records.push(runInstances(time, who, region, pick(['t3.micro', 'm5.large', 'g4dn.xlarge'])));
      else if (r < 0.1) records.push(event({ time, name: 'Decrypt', source: 'kms.amazonaws.com', identity: service('cloudtrail.amazonaws.com'), region, eventType: 'AwsServiceEvent' }));
      else {
        const [name, source] = pick(CALLS);
        records.push(
          event({
            time,
            name,
            source,
            identity: who,
            region,
            ip: `198.51.100.${1 + Math.floor(rnd() * 20)}`,
            request: { bucketName: `data-${Math.floor(rnd() * 50)}`, key: `path/to/object-${Math.floor(rnd() * 1e6)}.parquet`, maxResults: 100 },
            response: name === 'AssumeRole' ? { credentials: { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', expiration: time } } : null,
            ...(rnd() < 0.02 ? { error: 'AccessDenied' } : {}),
          }),
        );
      }
    }
    const d = new Date(fileStart);
    const day = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
    const folder = join(dir, 'AWSLogs', ACCOUNT, 'CloudTrail', region, day);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${ACCOUNT}_CloudTrail_${region}_${String(files).padStart(6, '0')}.json.gz`), gzipSync(JSON.stringify({ Records: records }), { level: 6 }));
    written += n;
    files++;
  }
  return files;
}
