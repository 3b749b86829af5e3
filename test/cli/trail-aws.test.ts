// `rampart trail hunt --s3` and `--lookup`: seed 002's weekend read from an emulated trail bucket and from LookupEvents.
import { describe, expect, it } from 'vitest';
import { useEmulatedEnvironment } from '../aws-emulator/emulated-env.js';
import type { Scenario } from '../aws-emulator/index.js';
import { firstDayWithAdmin, OPS_KEY } from '../aws-emulator/test-helpers.js';
import { LEAKED_KEY, seed002 } from '../trail/seed-002.js';
import { runCli } from './io.js';

const aws = useEmulatedEnvironment();
const records = seed002() as unknown as Record<string, unknown>[];
type ScenarioEvent = NonNullable<NonNullable<Scenario['cloudTrailEvents']>['events']>[number];
const WEEKEND = ['--since', '2026-11-16', '--until', '2026-11-22'];

const scenario = (): Scenario => ({
  ...firstDayWithAdmin(),
  buckets: [{ name: 'trail-logs', trailLogs: [{ prefix: 'org', events: records as ScenarioEvent[] }] }],
  cloudTrailEvents: { events: records as ScenarioEvent[] },
});

const incidentKinds = (stdout: string) => (JSON.parse(stdout) as { incidents: { severity: string }[] }).incidents.map((i) => i.severity);

describe('rampart trail hunt from AWS', () => {
  it('reads only the weekend day folders of a trail bucket and finds the scanner and the miner', async () => {
    const emu = await aws.emulate(scenario(), OPS_KEY, { now: new Date('2026-11-22T12:00:00Z') });
    const run = await runCli(['trail', 'hunt', '--s3', 's3://trail-logs/org', ...WEEKEND, '--format', 'json', '--quiet']);
    expect(run.code).toBe(1);
    expect(incidentKinds(run.stdout)).toEqual(['high', 'critical']);
    expect(run.stdout).toContain('p3.8xlarge');
    expect(emu.calls()['s3:GetObject']).toBeGreaterThan(0);
  });

  it('reads LookupEvents in every enabled region and follows one key with --access-key', async () => {
    await aws.emulate(scenario(), OPS_KEY, { now: new Date('2026-11-22T12:00:00Z') });
    const run = await runCli(['trail', 'hunt', '--lookup', '--regions', 'us-east-1,us-west-2,eu-west-1,ap-southeast-1', ...WEEKEND, '--access-key', LEAKED_KEY]);
    expect(run.stderr).toMatch(/LookupEvents/);
    expect(run.stdout).toMatch(/RunInstances/);
    expect(run.stdout).toMatch(/ap-southeast-1/);
  });

  it('counts an event read from the bucket and from LookupEvents once', async () => {
    await aws.emulate(scenario(), OPS_KEY, { now: new Date('2026-11-22T12:00:00Z') });
    const fromBucket = await runCli(['trail', 'hunt', '--s3', 's3://trail-logs/org', ...WEEKEND, '--format', 'json', '--quiet']);
    const both = await runCli(['trail', 'hunt', '--s3', 's3://trail-logs/org', '--lookup', ...WEEKEND, '--format', 'json']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain(`rampart: ${records.length} events read more than once (same event id) counted once`);
    const incidents = (stdout: string) => (JSON.parse(stdout) as { incidents: unknown[] }).incidents;
    expect(incidents(both.stdout)).toEqual(incidents(fromBucket.stdout));
  });

  it('takes --since as a duration ago', async () => {
    const emu = await aws.emulate(scenario(), OPS_KEY);
    // The seed's events are in November 2026; two hours ago reads nothing and finds nothing.
    const run = await runCli(['trail', 'hunt', '--lookup', '--regions', 'us-east-1', '--since', '2h', '--quiet', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(emu.calls()['cloudtrail:LookupEvents']).toBe(1);
  });

  it('says what to give it when there is nothing to read', async () => {
    const run = await runCli(['trail', 'hunt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('rampart: trail hunt needs CloudTrail files or directories, --s3 s3://bucket/prefix or --lookup\n');
  });
});
