// rampart trail hunt end to end in-process: the seed 002 story, filters, formats, exit codes, bad input, secrets.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { event, root, signIn, toJsonLines, user, writeDelivery } from '../trail/events.js';
import { GPU_REGIONS, LEAKED_KEY, MINER_IP, OWNER, SCANNER_IP, seed002 } from '../trail/seed-002.js';
import { runCli } from './io.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'rampart-trail-cli-'));

function storyDir(): string {
  const dir = tmp();
  // Split as CloudTrail delivers: one file per region and day.
  const byFile = new Map<string, ReturnType<typeof seed002>>();
  for (const r of seed002()) {
    const day = String(r.eventTime).slice(0, 10).replace(/-/g, '/');
    const key = `AWSLogs/111122223333/CloudTrail/${String(r.awsRegion)}/${day}/f.json.gz`;
    byFile.set(key, [...(byFile.get(key) ?? []), r]);
  }
  for (const [path, records] of byFile) writeDelivery(join(dir, path), records);
  return dir;
}

interface Json {
  problems: { origin: string; message: string }[];
  input: { files: number; events: number };
  incidents: { number: number; severity: string; actor: string; start: string; end: string; detections: { id: string }[]; timeline: { time: string; event: string; sourceIp: string; region: string; detections: string[] }[] }[];
  timeline?: { time: string; event: string; sourceIp: string; origin?: string }[];
}

describe('rampart trail hunt: seed 002', () => {
  it('tells the story: the scanner checks the leaked key, then GPU launches in four regions at night, in order', async () => {
    const r = await runCli(['trail', 'hunt', storyDir(), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.input.events).toBe(5 * 10 + 1 + 1 + 8);
    expect(doc.incidents.map((i) => [i.severity, i.actor, i.start])).toEqual([
      ['high', LEAKED_KEY, '2026-11-21T01:12:09Z'],
      ['critical', LEAKED_KEY, '2026-11-21T03:46:30Z'],
    ]);
    const [check, mining] = doc.incidents;
    expect(check!.detections.map((d) => d.id)).toEqual(expect.arrayContaining(['leaked-key-check', 'key-new-ip', 'key-new-user-agent', 'unusual-hour']));
    expect(check!.timeline.map((e) => [e.event, e.sourceIp])).toEqual([['sts:GetCallerIdentity', SCANNER_IP]]);
    expect(mining!.detections[0]!.id).toBe('launches-across-regions');
    expect(mining!.detections.map((d) => d.id)).toEqual(expect.arrayContaining(['gpu-instances', 'launch-in-unused-region', 'key-new-ip', 'unusual-hour']));
    const launches = mining!.timeline.filter((e) => e.event === 'ec2:RunInstances');
    expect(launches).toHaveLength(8);
    expect([...new Set(launches.map((e) => e.region))]).toEqual(GPU_REGIONS);
    expect(launches.every((e) => e.sourceIp === MINER_IP && e.detections.includes('gpu-instances'))).toBe(true);
    expect(mining!.timeline.map((e) => e.time)).toEqual([...mining!.timeline.map((e) => e.time)].sort());
  });

  it('the owner\'s week alone is quiet: exit 0, nothing found', async () => {
    const dir = tmp();
    writeDelivery(join(dir, 'week.json.gz'), seed002().filter((r) => String(r.eventTime) < '2026-11-21'));
    const r = await runCli(['trail', 'hunt', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing found');
  });

  it('--access-key gives the key\'s whole timeline; --principal the identity\'s; --since/--until bound it', async () => {
    const dir = storyDir();
    const key = JSON.parse((await runCli(['trail', 'hunt', dir, '--access-key', LEAKED_KEY, '--format', 'json'])).stdout) as Json;
    expect(key.timeline).toHaveLength(5 * 9 + 1 + 1 + 8);
    expect(key.timeline!.at(-1)!.event).toBe('ec2:RunInstances');
    const who = JSON.parse((await runCli(['trail', 'hunt', dir, '--principal', OWNER.arn!, '--format', 'json'])).stdout) as Json;
    expect(who.timeline).toHaveLength(5 * 10 + 1 + 1 + 8);
    const night = JSON.parse((await runCli(['trail', 'hunt', dir, '--access-key', LEAKED_KEY, '--since', '2026-11-21T03:00Z', '--until', '2026-11-22', '--format', 'json'])).stdout) as Json;
    expect(night.timeline!.map((e) => e.sourceIp)).toEqual(Array(9).fill(MINER_IP));
    expect(night.incidents.map((i) => i.severity)).toEqual(['critical']);
  });

  it('writes text, csv and json; --output writes the file atomically with mode 0600', async () => {
    const dir = storyDir();
    const text = await runCli(['trail', 'hunt', dir, '--fail-on', 'none']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Incident 2 {2}CRITICAL {2}AKIAQ3EGRJ5XSEED0002/);
    expect(text.stdout).toContain('launches-across-regions');
    const csv = await runCli(['trail', 'hunt', dir, '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('incident,severity,time,region,identity,access_key_id,source_ip,event,result,detections,user_agent,event_id');
    expect(lines.filter((l) => l.includes('ec2:RunInstances'))).toHaveLength(8);
    const out = join(tmp(), 'report.json');
    const written = await runCli(['trail', 'hunt', dir, '--format', 'json', '--output', out]);
    expect(written.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Json).incidents).toHaveLength(2);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('rampart trail hunt: inputs', () => {
  it('reads delivery files (.json.gz and .json), JSON arrays and JSON Lines in one run', async () => {
    const dir = tmp();
    const alice = user('alice', 'AKIAALICEALICEALICE1');
    const mk = (n: number, name: string) => Array.from({ length: n }, (_, i) => event({ time: `2026-11-20T10:${String(i).padStart(2, '0')}:00Z`, name, source: 's3.amazonaws.com', identity: alice }));
    writeDelivery(join(dir, 'a/one.json.gz'), mk(3, 'GetObject'));
    writeDelivery(join(dir, 'a/b/two.json'), mk(2, 'PutObject'), false);
    writeFileSync(join(dir, 'three.json'), JSON.stringify(mk(4, 'ListBuckets')));
    writeFileSync(join(dir, 'four.jsonl'), toJsonLines(mk(5, 'HeadObject')));
    writeFileSync(join(dir, 'five.jsonl.gz'), gzipSync(toJsonLines(mk(1, 'DeleteObject'))));
    // A digest file is not events: skipped without a word.
    writeDelivery(join(dir, 'AWSLogs/1/CloudTrail-Digest/us-east-1/d.json.gz'), []);
    writeFileSync(join(dir, 'AWSLogs/1/CloudTrail-Digest/us-east-1/d.json.gz'), gzipSync('{"awsAccountId":"1","digestStartTime":"2026-11-20T10:00:00Z"}'));
    // Nor are Insights (CloudTrail's findings about call rates, in the same {"Records":[...]} shape).
    const insight = { eventVersion: '1.08', eventTime: '2026-11-20T10:00:00Z', awsRegion: 'ap-east-1', eventID: 'insight-1', eventType: 'AwsCloudTrailInsight', recipientAccountId: '111122223333', insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', insightType: 'ApiCallRateInsight' }, eventCategory: 'Insight' };
    mkdirSync(join(dir, 'AWSLogs/1/CloudTrail-Insight/ap-east-1'), { recursive: true });
    writeFileSync(join(dir, 'AWSLogs/1/CloudTrail-Insight/ap-east-1/111122223333_CloudTrail-Insight_ap-east-1_20261120T1000Z_x.json.gz'), gzipSync(JSON.stringify({ Records: [insight] })));
    // three.json is named twice (itself and within dir): read once.
    const r = await runCli(['trail', 'hunt', dir, join(dir, 'three.json'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.input).toEqual({ files: 5, events: 3 + 2 + 4 + 5 + 1 });
  });

  it('names a corrupt gzip, a truncated gzip and a bad JSON line, skips them and reads the rest', async () => {
    const dir = tmp();
    const alice = user('alice', 'AKIAALICEALICEALICE1');
    const good = [event({ time: '2026-11-20T10:00:00Z', name: 'StopLogging', source: 'cloudtrail.amazonaws.com', identity: alice })];
    writeDelivery(join(dir, 'good.json.gz'), good);
    const whole = gzipSync(JSON.stringify({ Records: Array.from({ length: 200 }, (_, i) => event({ time: `2026-11-20T11:00:${String(i % 60).padStart(2, '0')}Z`, name: 'GetObject', source: 's3.amazonaws.com', identity: alice })) }));
    writeFileSync(join(dir, 'truncated.json.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(join(dir, 'header-only.json.gz'), whole.subarray(0, 10));
    const corrupt = Buffer.from(whole);
    corrupt.fill(0x41, 40, 400);
    writeFileSync(join(dir, 'corrupt.json.gz'), corrupt);
    writeFileSync(join(dir, 'lines.jsonl'), `${JSON.stringify({ ...good[0], eventID: 'first' })}\n{"eventName": "Trunc\n${JSON.stringify({ ...good[0], eventID: 'second' })}\n`);
    const r = await runCli(['trail', 'hunt', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.input.events).toBe(3);
    const byFile = Object.fromEntries(doc.problems.map((p) => [p.origin.slice(dir.length + 1), p.message]));
    expect(Object.keys(byFile).sort()).toEqual(['corrupt.json.gz', 'header-only.json.gz', 'lines.jsonl:2', 'truncated.json.gz']);
    expect(byFile['truncated.json.gz']).toMatch(/truncated gzip/);
    expect(byFile['header-only.json.gz']).toMatch(/truncated gzip/);
    expect(byFile['corrupt.json.gz']).toMatch(/gzip|malformed/);
    expect(byFile['lines.jsonl:2']).toMatch(/malformed JSON; line skipped/);
    // One line each on stderr, naming the place; never a stack.
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(1); // the StopLogging in the good file is critical
  });

  it('reads files named as CloudTrail delivers them without opening them first, and still names the bad ones or reads another layout', async () => {
    const dir = tmp();
    const alice = user('alice', 'AKIAALICEALICEALICE1');
    const name = (x: string) => `111122223333_CloudTrail_us-east-1_20261120T1000Z_${x}.json.gz`;
    const ev = (i: number, n = 'GetObject') => event({ time: `2026-11-20T10:00:${String(i).padStart(2, '0')}Z`, name: n, source: 's3.amazonaws.com', identity: alice });
    writeDelivery(join(dir, name('good')), [ev(1, 'PutBucketPolicy'), ev(2)]);
    const whole = gzipSync(JSON.stringify({ Records: Array.from({ length: 200 }, (_, i) => ev(i % 60)) }));
    writeFileSync(join(dir, name('truncated')), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(join(dir, name('headeronly')), whole.subarray(0, 10));
    // Named like a delivery, holding JSON Lines (one bad line) and a JSON array: read by their content.
    writeFileSync(join(dir, name('lines')), gzipSync(`${JSON.stringify(ev(3))}\n{"eventName": "Trunc\n${JSON.stringify(ev(4))}\n`));
    writeFileSync(join(dir, name('array')), gzipSync(JSON.stringify([ev(5), ev(6)])));
    writeFileSync(join(dir, name('text')), gzipSync('hello, not JSON'));
    const r = await runCli(['trail', 'hunt', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.input.events).toBe(2 + 2 + 2);
    const byFile = Object.fromEntries(doc.problems.map((p) => [p.origin.slice(dir.length + 1), p.message]));
    expect(Object.keys(byFile).sort()).toEqual([name('headeronly'), `${name('lines')}:2`, name('text'), name('truncated')].sort());
    expect(byFile[name('truncated')]).toMatch(/truncated gzip/);
    expect(byFile[name('headeronly')]).toMatch(/truncated gzip/);
    expect(byFile[`${name('lines')}:2`]).toMatch(/malformed JSON; line skipped/);
    expect(byFile[name('text')]).toMatch(/not CloudTrail JSON/);
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('counts once an event two trails logged into folders under the one path given: copies would make a burst', async () => {
    const dir = tmp();
    const alice = user('alice', 'AKIAALICEALICEALICE1');
    // Three failed sign-ins: under the burst of five, unless each counted twice.
    const failures = [0, 1, 2].map((m) => signIn(`2026-11-20T10:0${m}:00Z`, alice, { ok: false, ip: '203.0.113.9' }));
    const work = [event({ time: '2026-11-20T10:05:00Z', name: 'GetObject', source: 's3.amazonaws.com', identity: alice })];
    writeDelivery(join(dir, 'org-trail/AWSLogs/o-abc/111122223333/CloudTrail/us-east-1/2026/11/20/a.json.gz'), [...failures, ...work]);
    writeDelivery(join(dir, 'account-trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/b.json.gz'), failures);
    const r = await runCli(['trail', 'hunt', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.input.events).toBe(4);
    expect(doc.incidents.flatMap((i) => i.detections.map((d) => d.id))).not.toContain('failed-sign-in-burst');
    expect(r.stderr).toBe('rampart: 3 events read more than once (same event id) counted once\n');
    // The copies kept are those of the path read first (folders in name order).
    const timeline = JSON.parse((await runCli(['trail', 'hunt', dir, '--access-key', 'AKIAALICEALICEALICE1', '--format', 'json', '-q'])).stdout) as Json;
    expect(timeline.timeline!.map((e) => e.origin!.slice(dir.length + 1).split('/')[0])).toEqual(Array(4).fill('account-trail').fill('org-trail', 3));
  });

  it('exit 2 with one line when nothing at all is readable, for a missing path and for bad options', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.json.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const none = await runCli(['trail', 'hunt', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/x\.json\.gz: .*gzip/);
    expect(none.stderr).toMatch(/rampart: no readable CloudTrail events in /);
    const noPaths = await runCli(['trail', 'hunt']);
    expect([noPaths.code, noPaths.stderr.trim()]).toEqual([2, 'rampart: trail hunt needs CloudTrail files or directories, --s3 s3://bucket/prefix or --lookup']);
    const missing = await runCli(['trail', 'hunt', join(dir, 'nope')]);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `rampart: ${join(dir, 'nope')}: no such file or directory`]);
    for (const bad of [['--access-key', 'hunter2'], ['--principal', 'alice'], ['--since', 'yesterday'], ['--since', '2026'], ['--format', 'xml'], ['--fail-on', 'urgent'], ['--since', '2026-11-22', '--until', '2026-11-21']]) {
      const r = await runCli(['trail', 'hunt', dir, ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^rampart: /);
    }
  });

  it('--since and --until take a duration ago (30m, 12h, 7d)', async () => {
    const dir = tmp();
    const alice = user('alice', 'AKIAALICEALICEALICE1');
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    writeDelivery(join(dir, 'a.json.gz'), [10, 90, 60 * 30].map((m) => event({ time: ago(m), name: 'GetObject', source: 's3.amazonaws.com', identity: alice })));
    const times = async (...bounds: string[]) =>
      (JSON.parse((await runCli(['trail', 'hunt', dir, '--access-key', 'AKIAALICEALICEALICE1', '--format', 'json', ...bounds])).stdout) as Json).timeline!.length;
    expect(await times('--since', '30m')).toBe(1);
    expect(await times('--since', '2h')).toBe(2);
    expect(await times('--since', '1d', '--until', '1h')).toBe(1);
    expect(await times('--since', '7d')).toBe(3);
  });

  it('never prints credentials a responseElements carries, in any format', async () => {
    const dir = tmp();
    const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0001';
    const TOKEN = `IQoJb3JpZ2luX2VjEC${'A'.repeat(300)}CANARYTOKEN`;
    const assumed = event({
      time: '2026-11-20T10:00:00Z',
      name: 'CreateAccessKey',
      identity: root(),
      response: { accessKey: { accessKeyId: 'AKIANEWKEYNEWKEYNEWK', secretAccessKey: SECRET, status: 'Active' }, credentials: { sessionToken: TOKEN } },
      ua: `weird-agent ${SECRET}`,
    });
    writeDelivery(join(dir, 'a.json.gz'), [assumed]);
    for (const format of ['text', 'json', 'csv']) {
      const r = await runCli(['trail', 'hunt', dir, '--format', format]);
      const all = r.stdout + r.stderr;
      expect(all, format).toContain('root-access-key-created');
      expect(all, format).not.toContain('CANARY');
    }
    const json = JSON.parse((await runCli(['trail', 'hunt', dir, '--format', 'json'])).stdout) as { incidents: { timeline: { detail: { responseElements: { accessKey: { accessKeyId: string } } } }[] }[] };
    expect(json.incidents[0]!.timeline[0]!.detail.responseElements.accessKey.accessKeyId).toBe('AKIANEWKEYNEWKEYNEWK');
  });
});
