import { describe, expect, it } from 'vitest';
import { SEVERITIES, STATUSES } from '../checks/types.js';
import { mixedResults, result } from '../../test/fixtures/results.js';
import { failedAtOrAbove, failuresAtOrAbove, scoreOf, severityRank, summarize } from './summary.js';

describe('summarize', () => {
  it('counts every status, zeros included', () => {
    expect(summarize([]).counts).toEqual({ PASS: 0, FAIL: 0, UNKNOWN: 0, NOT_APPLICABLE: 0, MANUAL: 0 });
    const { counts } = summarize(mixedResults());
    expect(Object.keys(counts).sort()).toEqual([...STATUSES].sort());
    expect(counts).toEqual({ PASS: 5, FAIL: 2, UNKNOWN: 1, NOT_APPLICABLE: 1, MANUAL: 1 });
  });

  it('gives the areas that have results, in the order of CHECKS.md, with their counts and scores', () => {
    const s = summarize(mixedResults().reverse());
    expect(s.areas.map((a) => a.area)).toEqual(['root', 'identity', 'password-policy', 'exposure']);
    const identity = s.areas.find((a) => a.area === 'identity')!;
    expect(identity.counts).toMatchObject({ PASS: 4, FAIL: 1 });
    expect(identity.score).toBe(80); // 4 high PASS, 1 high FAIL: 20/25
    expect(s.areas.find((a) => a.area === 'root')!.score).toBe(0); // the one decided root result failed
    expect(s.areas.find((a) => a.area === 'exposure')!.score).toBeNull(); // only N/A
  });

  it('counts failures per severity, every severity present', () => {
    const { failedBySeverity } = summarize(mixedResults());
    expect(Object.keys(failedBySeverity)).toEqual([...SEVERITIES]);
    expect(failedBySeverity).toEqual({ critical: 1, high: 1, medium: 0, low: 0, info: 0 });
  });
});

describe('scoreOf', () => {
  it('one critical PASS and one high FAIL is 10/15 = 67', () => {
    expect(scoreOf([result({ severity: 'critical' }), result({ severity: 'high', status: 'FAIL' })])).toBe(67);
  });

  it('weighs critical 10, high 5, medium 3, low 1, info 0', () => {
    const failing = (severity: (typeof SEVERITIES)[number]) => result({ severity, status: 'FAIL' });
    // 1 PASS of weight 1 against one FAIL of each severity: 1 / (1 + w)
    expect(scoreOf([result({ severity: 'low' }), failing('critical')])).toBe(Math.round(100 / 11));
    expect(scoreOf([result({ severity: 'low' }), failing('high')])).toBe(Math.round(100 / 6));
    expect(scoreOf([result({ severity: 'low' }), failing('medium')])).toBe(25);
    expect(scoreOf([result({ severity: 'low' }), failing('low')])).toBe(50);
    expect(scoreOf([result({ severity: 'low' }), failing('info')])).toBe(100);
  });

  it('leaves out UNKNOWN, NOT_APPLICABLE and MANUAL', () => {
    const undecided = (['UNKNOWN', 'NOT_APPLICABLE', 'MANUAL'] as const).map((status) => result({ status, severity: 'critical' }));
    expect(scoreOf([result({ severity: 'medium' }), ...undecided])).toBe(100);
    expect(scoreOf([result({ severity: 'medium', status: 'FAIL' }), ...undecided])).toBe(0);
  });

  it('is null when nothing was decided, or only info results were', () => {
    expect(scoreOf([])).toBeNull();
    expect(scoreOf([result({ status: 'UNKNOWN' }), result({ status: 'MANUAL' })])).toBeNull();
    expect(scoreOf([result({ severity: 'info' }), result({ severity: 'info', status: 'FAIL' })])).toBeNull();
  });

  it('never rounds to 100 with a weighted failure, nor to 0 with a weighted pass', () => {
    const manyPasses = Array.from({ length: 300 }, () => result({ severity: 'critical' }));
    expect(scoreOf([...manyPasses, result({ severity: 'low', status: 'FAIL' })])).toBe(99);
    const manyFails = Array.from({ length: 300 }, () => result({ severity: 'critical', status: 'FAIL' }));
    expect(scoreOf([...manyFails, result({ severity: 'low' })])).toBe(1);
  });
});

describe('--fail-on', () => {
  it('ranks severities, critical highest', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([4, 3, 2, 1, 0]);
  });

  it('trips on a FAIL at or above the threshold, never on UNKNOWN', () => {
    const results = [result({ severity: 'medium', status: 'FAIL' }), result({ severity: 'critical', status: 'UNKNOWN' })];
    expect(failedAtOrAbove(results, 'high')).toBe(false);
    expect(failedAtOrAbove(results, 'medium')).toBe(true);
    expect(failedAtOrAbove(results, 'info')).toBe(true);
    expect(failedAtOrAbove([result({ severity: 'critical' })], 'info')).toBe(false);
    expect(failuresAtOrAbove(mixedResults(), 'high').map((r) => r.checkId)).toEqual(['root-mfa', 'user-console-mfa']);
    expect(failuresAtOrAbove(mixedResults(), 'critical').map((r) => r.checkId)).toEqual(['root-mfa']);
  });
});
