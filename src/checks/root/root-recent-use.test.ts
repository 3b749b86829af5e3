import { describe, expect, it } from 'vitest';
import { ACCOUNT, NOW, daysAgo, key, options, rootRow, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { rootRecentUse } from './root-recent-use.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const run = (s: ReturnType<typeof snapshot>, over: Parameters<typeof options>[0] = {}) => {
  const outcomes = rootRecentUse.evaluate(s, options(over));
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const withRoot = (over: Parameters<typeof rootRow>[0]) =>
  snapshot({ iam: { credentialReport: { generatedAt: NOW.toISOString(), rows: [rootRow(over), userRow('alice', { passwordLastUsed: daysAgo(0) })] } } });
const HOUR = 3_600_000;

describe('root-recent-use', () => {
  it('passes when root was last used long ago, and gives the last use', () => {
    const o = run(snapshot());
    expect(o).toMatchObject({ status: 'PASS', resource: ROOT });
    expect(o.message).toBe('root last used its password on 2025-11-27 (200 days ago), not within 30 days (credential report of 2026-06-15)');
  });

  it('fails when root signed in with its password recently, giving the date and days ago', () => {
    const o = run(withRoot({ passwordLastUsed: daysAgo(5) }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toBe('root was used within 30 days: password on 2026-06-10 (5 days ago) (credential report of 2026-06-15)');
  });

  it('fails when a root access key was used recently, naming the key slot', () => {
    const o = run(withRoot({ accessKeys: [key({ active: false, lastUsedDate: daysAgo(40) }), key({ lastUsedDate: daysAgo(3) })] }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('access key 2 on 2026-06-12 (3 days ago)');
    expect(o.message).not.toContain('access key 1');
  });

  it('lists every recent use, most recent first', () => {
    const o = run(withRoot({ passwordLastUsed: daysAgo(10), accessKeys: [key({ lastUsedDate: daysAgo(1) })] }));
    expect(o.message).toContain('access key 1 on 2026-06-14 (1 day ago), password on 2026-06-05 (10 days ago)');
  });

  it('boundary: used exactly 30 days ago is not recent (within 30 days means daysSince < 30) and passes', () => {
    expect(run(withRoot({ passwordLastUsed: daysAgo(30) })).status).toBe('PASS');
  });

  it('boundary: used 29 days and 23 hours ago is 29 whole days, within 30, and fails', () => {
    const o = run(withRoot({ passwordLastUsed: new Date(NOW.getTime() - 30 * 86_400_000 + HOUR).toISOString() }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toContain('(29 days ago)');
  });

  it('uses the configured rootUnusedDays', () => {
    const s = withRoot({ passwordLastUsed: daysAgo(10) });
    expect(run(s, { rootUnusedDays: 7 }).status).toBe('PASS');
    expect(run(s, { rootUnusedDays: 11 }).status).toBe('FAIL');
  });

  it('passes when the report records no use at all', () => {
    const o = run(withRoot({ passwordLastUsed: null }));
    expect(o.status).toBe('PASS');
    expect(o.message).toContain('no recorded use');
  });

  it('is UNKNOWN naming GetCredentialReport when the report was not collected', () => {
    const o = run(withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport', code: 'ReportNotPresent' }));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('iam:GetCredentialReport failed (ReportNotPresent');
  });

  it('is UNKNOWN, not a crash, when the report has no root row', () => {
    const o = run(snapshot({ iam: { credentialReport: { generatedAt: NOW.toISOString(), rows: [userRow('alice', { passwordLastUsed: daysAgo(0) })] } } }));
    expect(o).toEqual({ status: 'UNKNOWN', resource: ROOT, message: 'could not evaluate: the credential report of 2026-06-15 has no <root_account> row' });
  });
});
