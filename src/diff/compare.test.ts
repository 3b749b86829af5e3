import { describe, expect, it } from 'vitest';
import type { CheckResult, Status } from '../checks/types.js';
import { renderJson } from '../report/json.js';
import { compareAudits, regressionsAtOrAbove } from './compare.js';

const account = { id: '123456789012', partition: 'aws', alias: null };
const result = (checkId: string, resource: string, status: Status, severity: CheckResult['severity'] = 'high'): CheckResult => ({
  checkId,
  status,
  severity,
  area: 'identity',
  resource,
  message: `${checkId} on ${resource} is ${status}`,
  remediation: { summary: 'fix it', console: [], cli: [] },
});
const audit = (...results: CheckResult[]) => renderJson({ account, collectedAt: '2026-06-15T12:00:00Z', results });

describe('compareAudits', () => {
  it('sorts each result into worse, new, better or gone by check id and resource', () => {
    const older = audit(
      result('user-console-mfa', 'alice', 'PASS'),
      result('user-console-mfa', 'bob', 'FAIL'),
      result('access-key-age', 'carol', 'FAIL', 'medium'),
      result('admin-user-exists', 'account', 'PASS'),
    );
    const newer = audit(
      result('user-console-mfa', 'alice', 'FAIL'),
      result('user-console-mfa', 'bob', 'PASS'),
      result('user-console-mfa', 'mallory', 'FAIL', 'critical'),
      result('admin-user-exists', 'account', 'PASS'),
    );
    const diff = compareAudits(older, newer);
    expect(diff.changes.map((c) => [c.direction, c.checkId, c.resource, c.before, c.after])).toEqual([
      ['worse', 'user-console-mfa', 'alice', 'PASS', 'FAIL'],
      ['new', 'user-console-mfa', 'mallory', undefined, 'FAIL'],
      ['better', 'user-console-mfa', 'bob', 'FAIL', 'PASS'],
      ['gone', 'access-key-age', 'carol', 'FAIL', undefined],
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it.each<[Status, Status, string]>([
    ['PASS', 'UNKNOWN', 'worse'],
    ['UNKNOWN', 'FAIL', 'worse'],
    ['FAIL', 'UNKNOWN', 'better'],
    ['UNKNOWN', 'PASS', 'better'],
    ['FAIL', 'NOT_APPLICABLE', 'better'],
    ['PASS', 'NOT_APPLICABLE', 'unchanged'],
    ['UNKNOWN', 'MANUAL', 'unchanged'],
  ])('%s -> %s is %s', (before, after, expected) => {
    const diff = compareAudits(audit(result('c', 'r', before)), audit(result('c', 'r', after)));
    expect(diff.changes[0]?.direction ?? 'unchanged').toBe(expected);
  });

  it('compares the overall and per-area scores', () => {
    const diff = compareAudits(audit(result('c', 'r', 'FAIL')), audit(result('c', 'r', 'PASS')));
    expect(diff.score).toEqual({ before: 0, after: 100 });
    expect(diff.areas).toEqual([{ area: 'identity', before: 0, after: 100 }]);
  });
});

describe('regressionsAtOrAbove', () => {
  const diff = compareAudits(
    audit(result('a', 'x', 'PASS', 'low'), result('b', 'x', 'FAIL', 'high')),
    audit(result('a', 'x', 'FAIL', 'low'), result('b', 'x', 'PASS', 'high'), result('c', 'x', 'FAIL', 'medium'), result('d', 'x', 'PASS', 'critical')),
  );

  it('counts what got worse and what newly fails, not what improved or newly passes', () => {
    expect(regressionsAtOrAbove(diff, 'low').map((c) => c.checkId)).toEqual(['a', 'c']);
  });

  it('ignores regressions below the threshold', () => {
    expect(regressionsAtOrAbove(diff, 'medium').map((c) => c.checkId)).toEqual(['c']);
    expect(regressionsAtOrAbove(diff, 'high')).toEqual([]);
  });
});
