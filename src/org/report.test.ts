import { describe, expect, it } from 'vitest';
import { renderJson } from '../report/json.js';
import type { CheckResult } from '../checks/types.js';
import { orgExitCode } from '../cli/audit-org.js';
import { keepAudit } from './kept-audit.js';
import { orgJsonChunks, renderOrgText, worstFindings } from './report.js';
import type { AccountOutcome, OrgAudit } from './types.js';

const fail = (checkId: string, severity: CheckResult['severity']): CheckResult => ({
  checkId, severity, status: 'FAIL', area: 'root', resource: 'r', message: `${checkId} failed`, remediation: { summary: '', console: [], cli: [] },
});
const audited = (id: string, ...results: CheckResult[]): AccountOutcome => ({
  account: { id, name: `acct-${id}`, status: 'ACTIVE' },
  status: 'audited',
  audit: keepAudit(renderJson({ account: { id, partition: 'aws', alias: null }, collectedAt: '2026-06-15T12:00:00Z', results })),
});
const org = (...accounts: AccountOutcome[]): OrgAudit => ({ collectedAt: '2026-06-15T12:00:00Z', accounts });

describe('worstFindings', () => {
  it('orders failing checks by severity, then by how many accounts fail them', () => {
    const audit = org(
      audited('111111111111', fail('user-console-mfa', 'high'), fail('root-mfa', 'critical')),
      audited('222222222222', fail('user-console-mfa', 'high'), fail('password-min-length', 'medium')),
      audited('333333333333', fail('admin-access-keys', 'high')),
    );
    expect(worstFindings(audit).map((w) => [w.checkId, w.accounts.length])).toEqual([
      ['root-mfa', 1],
      ['user-console-mfa', 2],
      ['admin-access-keys', 1],
      ['password-min-length', 1],
    ]);
  });
});

describe('orgExitCode', () => {
  const failed: AccountOutcome = { account: { id: '999999999999', name: 'x', status: 'ACTIVE' }, status: 'failed', reason: 'AccessDenied' };
  it('is 1 when an account could not be audited, even with --fail-on none', () => {
    expect(orgExitCode(org(audited('111111111111'), failed), 'none')).toBe(1);
  });
  it('follows --fail-on over every account', () => {
    const audit = org(audited('111111111111'), audited('222222222222', fail('password-min-length', 'medium')));
    expect(orgExitCode(audit, 'high')).toBe(0);
    expect(orgExitCode(audit, 'medium')).toBe(1);
  });
});

describe('renderOrgText', () => {
  it('shows a row per account and, with detail, each account\'s failures', () => {
    const text = renderOrgText(org(audited('111111111111', fail('root-mfa', 'critical')), audited('222222222222')), { detail: true });
    expect(text).toMatch(/111111111111 +acct-111111111111 +0 +1 +0/);
    expect(text).toContain('\n111111111111 acct-111111111111: 1 failing\n  critical root-mfa  r\n');
    expect(renderOrgText(org(audited('111111111111', fail('root-mfa', 'critical'))), { detail: false })).not.toContain('1 failing');
  });
});

describe('orgJsonChunks', () => {
  it("prints what one JSON.stringify of the whole report with every account's full audit printed", () => {
    const pass = (checkId: string): CheckResult => ({ ...fail(checkId, 'low'), status: 'PASS', message: `${checkId} passed` });
    const results = [fail('root-mfa', 'critical'), pass('password-min-length'), fail('user-console-mfa', 'high')];
    const full = (id: string) => renderJson({ account: { id, partition: 'aws', alias: null }, collectedAt: '2026-06-15T12:00:00Z', results });
    const failed: AccountOutcome = { account: { id: '999999999999', name: 'x', status: 'ACTIVE' }, status: 'failed', reason: 'AccessDenied' };
    const audit = org(audited('111111111111', ...results), failed, audited('222222222222', ...results));
    const before = {
      ...audit,
      accounts: [
        { account: audit.accounts[0]!.account, status: 'audited', audit: full('111111111111') },
        failed,
        { account: audit.accounts[2]!.account, status: 'audited', audit: full('222222222222') },
      ],
    };
    const expected = `${JSON.stringify({ kind: 'rampart-org-audit', schemaVersion: 1, ...before, worst: worstFindings(audit) }, null, 2)}\n`;
    expect([...orgJsonChunks(audit)].join('')).toBe(expected);
  });
});
