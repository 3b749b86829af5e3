// Every logging check on the snapshots a real account or a lying emulator can produce: results, never a throw.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { STATUSES } from '../types.js';
import { cloudTrail, loggingSnapshot, options, snapshot, withError } from '../../../test/fixtures/snapshot.js';
import { loggingChecks } from './index.js';

const CATALOGUE: [string, string][] = [
  ['cloudtrail-multi-region', 'critical'],
  ['cloudtrail-log-validation', 'medium'],
  ['cloudtrail-kms', 'medium'],
  ['cloudtrail-cloudwatch-logs', 'medium'],
  ['cloudtrail-bucket-not-public', 'high'],
  ['cloudtrail-bucket-access-logging', 'low'],
  ['cloudtrail-s3-data-events', 'low'],
  ['kms-key-rotation', 'medium'],
  ['config-recorder', 'medium'],
  ['config-rules', 'low'],
];

const s3AllBuckets = { eventSelectors: { basic: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }], advanced: [] } };

const odd: [string, AccountSnapshot][] = [
  ['identity-only snapshot', snapshot()],
  ['empty account', loggingSnapshot({ trails: [], buckets: {}, s3AccountPublicAccessBlock: null, regional: { 'us-east-1': { configRecorders: [], configRules: [], kmsKeys: [] }, 'eu-west-1': { configRecorders: [], configRules: [], kmsKeys: [] } } })],
  ['every region timed out', loggingSnapshot({ regional: {} })],
  ['trail with nothing but a name', loggingSnapshot({ trails: [cloudTrail('x', { s3BucketName: null, isLogging: null, eventSelectors: null, kmsKeyId: null, cloudWatchLogsLogGroupArn: null })] })],
  ['odd selectors', loggingSnapshot({ trails: [cloudTrail('x', { eventSelectors: { basic: [{ readWriteType: 'Sideways', includeManagementEvents: true, dataResources: [] }], advanced: [{ name: null, fieldSelectors: [] }] } })] })],
  ['junk bucket policy', loggingSnapshot({ buckets: { 'trail-logs-123456789012': { name: 'trail-logs-123456789012', region: null, policy: 'not json', aclGrants: [], publicAccessBlock: null, accessLogging: null } } })],
  ['DescribeTrails denied', withError(loggingSnapshot({ logging: {} }), { service: 'cloudtrail', operation: 'DescribeTrails' })],
];

describe('logging checks', () => {
  it('are registered in the order of CHECKS.md, with its severities', () => {
    expect(loggingChecks.map((c) => [c.id, c.severity])).toEqual(CATALOGUE);
    expect(new Set(loggingChecks.map((c) => c.area))).toEqual(new Set(['logging']));
  });

  it('each live in a file named by id, with sources, console steps and CLI commands', () => {
    for (const c of loggingChecks) {
      expect(() => readFileSync(new URL(`./${c.id}.ts`, import.meta.url)), c.id).not.toThrow();
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(c.remediation.console.length, c.id).toBeGreaterThan(0);
      expect(c.remediation.cli.length, c.id).toBeGreaterThan(0);
    }
  });

  it('all pass on the hardened fixture (with S3 data events on)', () => {
    const s = loggingSnapshot({ trails: [cloudTrail(undefined, s3AllBuckets)] });
    for (const c of loggingChecks) for (const o of c.evaluate(s, options())) expect([c.id, o.status, o.message]).toEqual([c.id, 'PASS', o.message]);
  });

  it.each(odd)('give results, one line each, without throwing, on: %s', (_name, s) => {
    for (const c of loggingChecks) {
      const out = c.evaluate(s, options());
      expect(out.length, c.id).toBeGreaterThan(0);
      for (const o of out) {
        expect(STATUSES).toContain(o.status);
        expect(o.message, c.id).not.toMatch(/\n/);
        expect(o.resource, c.id).not.toBe('');
      }
    }
  });

  it('never PASS or FAIL on an identity-only snapshot', () => {
    expect(loggingChecks.map((c) => c.evaluate(snapshot(), options())[0]!.status)).toEqual(Array(10).fill('UNKNOWN'));
  });

  it('fail what an empty account lacks, and only that', () => {
    const s = odd[1]![1];
    const statuses = Object.fromEntries(loggingChecks.map((c) => [c.id, [...new Set(c.evaluate(s, options()).map((o) => o.status))].join()]));
    expect(statuses).toEqual({
      'cloudtrail-multi-region': 'FAIL',
      'cloudtrail-log-validation': 'FAIL',
      'cloudtrail-kms': 'FAIL',
      'cloudtrail-cloudwatch-logs': 'FAIL',
      'cloudtrail-bucket-not-public': 'FAIL',
      'cloudtrail-bucket-access-logging': 'FAIL',
      'cloudtrail-s3-data-events': 'FAIL',
      'kms-key-rotation': 'NOT_APPLICABLE',
      'config-recorder': 'FAIL',
      'config-rules': 'FAIL',
    });
  });
});
