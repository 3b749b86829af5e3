// How fast `rampart trail hunt --s3` reads a trail's bucket: s3Source through the real S3 client against the emulator,
// with a fixed latency per response (S3's first byte is typically 20-50 ms away), at several fetch concurrencies.
// Events read a second, objects a second, and the calls made. Run: npm run bench:trail-s3 [-- --days 4 --latency 30]
import { parseArgs } from 'node:util';
import { createSession } from '../src/aws/session.js';
import { s3Source } from '../src/trail/sources/s3.js';
import { startEmulator } from '../test/aws-emulator/index.js';
import type { Scenario } from '../test/aws-emulator/scenario.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '4' },
    latency: { type: 'string', default: '30' },
    regions: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1,4,8,16' },
  },
});
const NOW = new Date('2026-06-15T12:00:00Z');
const days = Number(values.days);
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2'].slice(0, Number(values.regions));
const EVENTS_PER_OBJECT = 1000;
const OBJECTS_PER_DAY = 25;

/** One region-day: OBJECTS_PER_DAY files of EVENTS_PER_OBJECT events, spread over the day. */
function events(): NonNullable<NonNullable<Scenario['buckets']>[number]['trailLogs']>[number]['events'] {
  const out = [];
  const perDay = EVENTS_PER_OBJECT * OBJECTS_PER_DAY;
  for (const awsRegion of regions) {
    for (let d = 1; d <= days; d++) {
      const dayStart = Date.UTC(2026, 5, 15 - d);
      for (let i = 0; i < perDay; i++) {
        const t = new Date(dayStart + Math.floor((i / perDay) * 86_400_000));
        out.push({
          eventTime: t.toISOString(),
          awsRegion,
          eventName: 'DescribeInstances',
          eventSource: 'ec2.amazonaws.com',
          eventID: `${awsRegion}-${d}-${i}`,
          userIdentity: { type: 'IAMUser', userName: 'ops', accessKeyId: 'AKIAOPS0000000000001' },
          sourceIPAddress: '203.0.113.7',
          userAgent: 'aws-cli/2.15.0',
        });
      }
    }
  }
  return out;
}

const scenario: Scenario = {
  account: { id: '456789012345' },
  root: { mfa: 'none' },
  buckets: [{ name: 'trail-logs', trailLogs: [{ events: events(), perObject: EVENTS_PER_OBJECT }] }],
};
const emu = await startEmulator({ scenario, now: NOW, latencyMs: Number(values.latency) });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: emu.endpoint,
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE000000001',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

console.log(`${regions.length} regions x ${days} days x ${OBJECTS_PER_DAY} objects of ${EVENTS_PER_OBJECT} events, ${values.latency} ms a response`);
console.log('| concurrency | objects | events | seconds | events/s | objects/s | ListObjectsV2 | GetObject |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
try {
  for (const concurrency of values.concurrency.split(',').map(Number)) {
    emu.resetCalls();
    const session = createSession({});
    const started = performance.now();
    let objects = 0;
    let count = 0;
    const source = s3Source({
      uri: 's3://trail-logs',
      since: new Date(NOW.getTime() - days * 86_400_000),
      until: NOW,
      session,
      progress: () => {},
      concurrency,
    });
    for await (const item of source) {
      objects++;
      if (item.kind === 'records') count += item.records.length;
    }
    const seconds = (performance.now() - started) / 1000;
    session.close();
    const calls = emu.calls();
    console.log(
      `| ${concurrency} | ${objects} | ${count} | ${seconds.toFixed(2)} | ${Math.round(count / seconds)} | ${(objects / seconds).toFixed(1)} | ${calls['s3:ListObjectsV2'] ?? 0} | ${calls['s3:GetObject'] ?? 0} |`,
    );
  }
} finally {
  await emu.close();
}
