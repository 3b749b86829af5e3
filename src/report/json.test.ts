import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, mixedResults, result, userArn } from '../../test/fixtures/results.js';
import { VERSION } from '../version.js';
import { auditOutputSchema } from './audit-output.js';
import type { ReportInput } from './input.js';
import { renderJson, renderJsonString } from './json.js';

const account = { id: ACCOUNT_ID, partition: 'aws', alias: null };
const collectedAt = '2026-06-15T12:00:00.000Z';
const input = (over: Partial<ReportInput> = {}): ReportInput =>
  ({ account, collectedAt, results: mixedResults(), toolVersion: '1.2.3', ...over }) as ReportInput;

describe('renderJson', () => {
  it('validates against the schema and has every key of the DESIGN.md contract', () => {
    const out = renderJson(input());
    expect(auditOutputSchema.safeParse(out).success).toBe(true);
    for (const key of ['schemaVersion', 'tool', 'account', 'collectedAt', 'results', 'summary']) expect(out).toHaveProperty(key);
    expect(out.schemaVersion).toBe(1);
    expect(out.tool).toEqual({ name: 'rampart', version: '1.2.3' });
    expect(out.account).toEqual({ id: ACCOUNT_ID, partition: 'aws', alias: null });
    expect(out.collectedAt).toBe(collectedAt);
    expect(Object.keys(out.summary)).toEqual(['PASS', 'FAIL', 'UNKNOWN', 'NOT_APPLICABLE', 'MANUAL']);
    for (const r of out.results) {
      expect(Object.keys(r).sort()).toEqual(['area', 'checkId', 'message', 'remediation', 'resource', 'severity', 'status']);
      expect(Object.keys(r.remediation).sort()).toEqual(['cli', 'console', 'summary']);
    }
  });

  it('prints what the CLI prints: indented JSON ending in a newline, that round-trips through the schema', () => {
    const text = renderJsonString(input());
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = auditOutputSchema.parse(JSON.parse(text));
    expect(parsed.summary).toEqual({ PASS: 5, FAIL: 2, UNKNOWN: 1, NOT_APPLICABLE: 1, MANUAL: 1 });
    expect(parsed.results).toHaveLength(10);
  });

  it('adds the score and per-area counts beside the contract', () => {
    const out = renderJson(input());
    // PASS: 4 high + 1 medium = 23; FAIL: 1 critical + 1 high = 15; 23/38
    expect(out.score).toBe(61);
    expect(Object.keys(out.areas ?? {})).toEqual(['root', 'identity', 'password-policy', 'exposure']);
    expect(out.areas?.identity).toEqual({ PASS: 4, FAIL: 1, UNKNOWN: 0, NOT_APPLICABLE: 0, MANUAL: 0, score: 80 });
    expect(out.areas?.exposure?.score).toBeNull();
  });

  it('takes the snapshot or its account and collection time alike', () => {
    const snapshot = { account: { id: ACCOUNT_ID, partition: 'aws', alias: 'prod' }, collectedAt };
    const fromSnapshot = renderJson({ snapshot, results: mixedResults(), toolVersion: '1.2.3' });
    const fromParts = renderJson({ account: snapshot.account, collectedAt, results: mixedResults(), toolVersion: '1.2.3' });
    expect(fromSnapshot).toEqual(fromParts);
    expect(fromSnapshot.account.alias).toBe('prod');
  });

  it("defaults the tool version to the package's", () => {
    expect(renderJson({ account, collectedAt, results: [] }).tool.version).toBe(VERSION);
  });

  it('orders results by area, check order, then resource, whatever order they came in', () => {
    const shuffled = [
      result({ checkId: 'b-check', area: 'identity', resource: userArn('zed') }),
      result({ checkId: 'password-x', area: 'password-policy' }),
      result({ checkId: 'b-check', area: 'identity', resource: userArn('amy') }),
      result({ checkId: 'a-check', area: 'identity', resource: userArn('mia') }),
      result({ checkId: 'root-y', area: 'root' }),
    ];
    const out = renderJson(input({ results: shuffled, checkOrder: ['root-y', 'b-check', 'a-check', 'password-x'] }));
    expect(out.results.map((r) => `${r.checkId} ${r.resource.split('/').pop()}`)).toEqual([
      `root-y arn:aws:iam::${ACCOUNT_ID}:root`,
      'b-check amy',
      'b-check zed',
      'a-check mia',
      `password-x arn:aws:iam::${ACCOUNT_ID}:root`,
    ]);
    // The same results in another order give the same document.
    expect(renderJsonString(input({ results: [...shuffled].reverse(), checkOrder: ['root-y', 'b-check', 'a-check', 'password-x'] }))).toBe(
      renderJsonString(input({ results: shuffled, checkOrder: ['root-y', 'b-check', 'a-check', 'password-x'] })),
    );
  });

  it('uses the order of CHECKS.md by default, and puts ids it does not know after the known ones of their area', () => {
    const results = [
      result({ checkId: 'zz-new-root-check' }),
      result({ checkId: 'root-access-keys' }),
      result({ checkId: 'aa-other-new-check' }),
      result({ checkId: 'root-mfa' }),
    ];
    expect(renderJson(input({ results })).results.map((r) => r.checkId)).toEqual([
      'root-mfa',
      'root-access-keys',
      'zz-new-root-check',
      'aa-other-new-check',
    ]);
  });

  it('copies only the contract keys of a result', () => {
    const leaky = { ...result(), debug: 'internal', secretAccessKey: 'canary-wJalrXUtnFEMI' };
    const text = renderJsonString(input({ results: [leaky] }));
    expect(text).not.toContain('canary');
    expect(text).not.toContain('debug');
  });
});

describe('auditOutputSchema', () => {
  it('rejects output that breaks the contract', () => {
    const good = renderJson(input());
    expect(auditOutputSchema.safeParse({ ...good, schemaVersion: 2 }).success).toBe(false);
    expect(auditOutputSchema.safeParse({ ...good, account: { ...good.account, id: '1234' } }).success).toBe(false);
    expect(auditOutputSchema.safeParse({ ...good, collectedAt: 'yesterday' }).success).toBe(false);
    const { summary: _summary, ...noSummary } = good;
    expect(auditOutputSchema.safeParse(noSummary).success).toBe(false);
    expect(auditOutputSchema.safeParse({ ...good, results: [{ ...good.results[0], status: 'WARN' }] }).success).toBe(false);
  });

  it('rejects a summary that disagrees with the results', () => {
    const good = renderJson(input());
    const bad = auditOutputSchema.safeParse({ ...good, summary: { ...good.summary, FAIL: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['summary', 'FAIL']);
  });

  it('accepts output without the optional extras', () => {
    const { score: _score, areas: _areas, ...contractOnly } = renderJson(input());
    expect(auditOutputSchema.safeParse(contractOnly).success).toBe(true);
  });
});
