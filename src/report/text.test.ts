import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../checks/types.js';
import { ACCOUNT_ID, mixedResults, passingUsers, remediation, result, userArn } from '../../test/fixtures/results.js';
import { renderText, type TextOptions } from './text.js';

const ANSI = '\x1b[';
const collectedAt = '2026-06-15T12:00:00Z';
const render = (results: CheckResult[], options: Partial<TextOptions> = {}, alias: string | null = 'prod'): string =>
  renderText(
    { account: { id: ACCOUNT_ID, partition: 'aws', alias }, collectedAt, results, toolVersion: '1.2.3' },
    { color: false, quiet: false, ...options },
  );
const linesOf = (text: string): string[] => text.split('\n');
/** Index of the first line matching, failing the test when there is none. */
function lineIndex(lines: string[], pattern: RegExp): number {
  const i = lines.findIndex((l) => pattern.test(l));
  expect(i, `no line matches ${pattern}`).toBeGreaterThanOrEqual(0);
  return i;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('renderText', () => {
  it('starts with the account, its alias and when it was collected', () => {
    const [first, second, third] = linesOf(render(mixedResults()));
    expect(first).toContain('1.2.3');
    expect(second).toBe(`Account ${ACCOUNT_ID} (prod)`);
    expect(third).toBe('Collected 2026-06-15 12:00:00 UTC');
    expect(linesOf(render([], {}, null))[1]).toBe(`Account ${ACCOUNT_ID}`);
  });

  it('groups results by area in the order of CHECKS.md and skips empty areas', () => {
    const text = render([...mixedResults()].reverse());
    const lines = linesOf(text);
    const headings = ['Root user', 'Identity', 'Password policy', 'Exposure and detection'].map((h) => lineIndex(lines, new RegExp(`^${h}$`)));
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(text).not.toMatch(/^Cost$/m);
    expect(text).not.toMatch(/^Logging$/m);
    // each result sits under its own area's heading
    const [root, identity, password, exposure] = headings as [number, number, number, number];
    const rootMfa = lineIndex(lines, /FAIL\s+critical\s+root-mfa/);
    expect(rootMfa > root && rootMfa < identity).toBe(true);
    const bob = lineIndex(lines, /FAIL\s+high\s+user-console-mfa\s+bob — console password without MFA/);
    expect(bob > identity && bob < password).toBe(true);
    expect(lineIndex(lines, /N\/A\s+medium\s+access-analyzer\s+us-east-1/)).toBeGreaterThan(exposure);
  });

  it('shows one line per result with its badge, severity, check id, short resource and message', () => {
    const text = render(mixedResults());
    expect(text).toMatch(/^ {2}FAIL {5}critical {2}root-mfa +root — root has no MFA$/m);
    expect(text).toMatch(/^ {2}UNKNOWN {2}low {7}root-hardware-mfa +root — could not evaluate/m);
    expect(text).toMatch(/^ {2}MANUAL {3}low {7}account-contacts +account — check the contacts$/m);
    expect(text).toMatch(/^ {2}PASS {5}medium {4}password-min-length +account — minimum length 14$/m);
  });

  it('puts the remediation under a FAIL: summary, numbered console steps, CLI commands after "$ "', () => {
    const lines = linesOf(render(mixedResults()));
    const fail = lineIndex(lines, /FAIL\s+critical\s+root-mfa/);
    expect(lines.slice(fail + 1, fail + 7)).toEqual([
      '           Fix: Fix the thing.',
      '           In the console:',
      '             1. Open the console',
      '             2. Click the button',
      '           With the AWS CLI:',
      '             $ aws iam do-the-thing --yes',
    ]);
    const bob = lineIndex(lines, /user-console-mfa\s+bob/);
    expect(lines[bob + 1]).toBe('           Fix: Give bob an MFA device.');
  });

  it('prints steps shared by several failed checks once, and points back to them', () => {
    const shared = remediation({ console: ['Set the password policy'], cli: ['aws iam update-account-password-policy --minimum-password-length 14'] });
    const text = render([
      result({ checkId: 'password-policy-exists', area: 'password-policy', severity: 'medium', status: 'FAIL', remediation: { ...shared, summary: 'Set a policy.' } }),
      result({ checkId: 'password-reuse', area: 'password-policy', severity: 'medium', status: 'FAIL', remediation: { ...shared, summary: 'Prevent reuse.' } }),
    ]);
    expect(text.match(/update-account-password-policy/g)).toHaveLength(1);
    expect(text).toContain('Prevent reuse.');
    expect(text).toContain('Steps: as for password-policy-exists above.');
  });

  it('folds a regional failure that differs only by region into one line listing the regions', () => {
    const regional = (region: string) =>
      result({
        checkId: 'guardduty-enabled', area: 'exposure', severity: 'medium', status: 'FAIL', resource: region,
        message: `GuardDuty has no detector in ${region}`,
        remediation: remediation({ console: [`Open GuardDuty in ${region}`], cli: [`aws guardduty create-detector --enable --region ${region}`] }),
      });
    const odd = result({ checkId: 'guardduty-enabled', area: 'exposure', severity: 'medium', status: 'FAIL', resource: 'eu-west-1', message: 'detector 12ab is suspended in eu-west-1' });
    const text = render([regional('us-east-1'), regional('us-west-2'), regional('ap-south-1'), odd]);
    expect(text).toMatch(/FAIL +medium +guardduty-enabled +3 regions — GuardDuty has no detector in <region>/);
    expect(text).toMatch(/regions: us-east-1, us-west-2, ap-south-1|regions: ap-south-1, us-east-1, us-west-2/);
    expect(text.match(/create-detector/g)).toHaveLength(1);
    expect(text).toContain('--region <region>');
    expect(text).toMatch(/guardduty-enabled +eu-west-1 — detector 12ab is suspended/);
    expect(render([regional('us-east-1'), regional('us-west-2')], { expand: true }).match(/create-detector/g)).toHaveLength(2);
  });

  it('gives no remediation under results that did not fail', () => {
    const text = render([result(), result({ checkId: 'root-hardware-mfa', status: 'UNKNOWN' }), result({ checkId: 'account-contacts', status: 'MANUAL' })]);
    expect(text).not.toContain('Fix:');
    expect(text).not.toContain('$ aws');
  });

  it('skips the parts of a remediation that are empty, and never wraps a command', () => {
    const long = `aws iam update-account-password-policy ${'--flag value '.repeat(12).trim()}`;
    const text = render([result({ status: 'FAIL', remediation: remediation({ summary: '', console: [], cli: [long] }) })], { width: 60 });
    expect(text).not.toContain('Fix:');
    expect(text).not.toContain('In the console:');
    expect(text).toContain(`$ ${long}`);
  });

  it('has no ANSI escape with color false, whatever the environment says', () => {
    vi.stubEnv('FORCE_COLOR', '1');
    expect(render(mixedResults(), { color: false })).not.toContain(ANSI);
    expect(render(mixedResults(), { color: false, quiet: true })).not.toContain(ANSI);
  });

  it('colours with color true, whatever the environment says', () => {
    vi.stubEnv('NO_COLOR', '1');
    const text = render(mixedResults(), { color: true });
    expect(text).toContain(ANSI);
    expect(text).toContain('\x1b[31m'); // red for FAIL
    expect(text).toContain('\x1b[32m'); // green for PASS
  });

  it('quiet shows only FAIL and UNKNOWN results, then the summary', () => {
    const text = render(mixedResults(), { quiet: true });
    expect(text).toMatch(/FAIL\s+critical\s+root-mfa/);
    expect(text).toMatch(/UNKNOWN\s+low\s+root-hardware-mfa/);
    expect(text).toContain('Fix: Give bob an MFA device.');
    expect(text).not.toMatch(/^ {2}(PASS|N\/A|MANUAL) /m);
    expect(text).not.toMatch(/^(Password policy|Exposure and detection)$/m); // areas with nothing to show
    // the summary still counts everything
    expect(text).toContain('5 PASS · 2 FAIL · 1 UNKNOWN · 1 N/A · 1 MANUAL');
  });

  it('quiet with nothing failed says so', () => {
    expect(render(passingUsers(2), { quiet: true })).toContain('No failures.');
    expect(render([])).toContain('No results.');
  });

  it('collapses many PASS results of one check into one line, never a FAIL or UNKNOWN', () => {
    const results = [
      ...passingUsers(12),
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', status: 'FAIL', resource: userArn('bob'), message: 'no MFA' }),
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', status: 'FAIL', resource: userArn('eve'), message: 'no MFA' }),
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', status: 'UNKNOWN', resource: userArn('kim'), message: 'why' }),
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', status: 'UNKNOWN', resource: userArn('lou'), message: 'why' }),
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', status: 'UNKNOWN', resource: userArn('max'), message: 'why' }),
    ];
    const text = render(results);
    expect(text).toMatch(/^ {2}PASS\s+high\s+user-console-mfa\s+12 users — has an MFA device$/m);
    expect(text).not.toMatch(/user-console-mfa\s+u7\b/);
    for (const name of ['bob', 'eve']) expect(text).toMatch(new RegExp(`FAIL\\s+high\\s+user-console-mfa\\s+${name} — no MFA`));
    for (const name of ['kim', 'lou', 'max']) expect(text).toMatch(new RegExp(`UNKNOWN\\s+high\\s+user-console-mfa\\s+${name} — why`));
    // failures of the check come before its collapsed passes
    expect(text.indexOf('eve — no MFA')).toBeLessThan(text.indexOf('12 users'));
  });

  it('keeps a few PASS results as their own lines, and expand keeps them all', () => {
    const few = render(passingUsers(2));
    expect(few).toMatch(/user-console-mfa\s+u0 — has an MFA device/);
    expect(few).toMatch(/user-console-mfa\s+u1 — has an MFA device/);
    const expanded = render(passingUsers(12), { expand: true });
    expect(expanded).not.toContain('12 users');
    expect(expanded).toMatch(/user-console-mfa\s+u11 — has an MFA device/);
  });

  it('collapses without a shared message when the messages differ, and names mixed resources generically', () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-south-1'].map((r) =>
      result({ checkId: 'access-analyzer', area: 'exposure', severity: 'medium', status: 'NOT_APPLICABLE', resource: r, message: `${r} is off` }),
    );
    expect(render(regions)).toMatch(/^ {2}N\/A\s+medium\s+access-analyzer\s+3 regions$/m);
    const mixed = [...passingUsers(2), result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', resource: 'something', message: 'has an MFA device' })];
    expect(render(mixed)).toMatch(/user-console-mfa\s+3 resources — has an MFA device/);
  });

  it('shortens long resources and gives the whole of one under a FAIL', () => {
    const long = userArn('a-very-long-user-name-for-the-deployment-robot-of-team-x', '/engineering/platform/');
    const text = render([
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', status: 'FAIL', resource: long, message: 'no MFA' }),
      result({ checkId: 'user-console-mfa', area: 'identity', severity: 'high', resource: userArn('alice', '/engineering/'), message: 'ok' }),
    ]);
    expect(text).toMatch(/user-console-mfa\s+alice — ok/);
    expect(text).not.toMatch(/user-console-mfa\s+arn:/);
    const line = linesOf(text).find((l) => l.includes('FAIL'))!;
    expect(line).toContain('…');
    expect(line).not.toContain('/engineering/');
    expect(text).toContain(`resource: ${long}`);
  });

  it('wraps long messages and steps to the width, aligned under their column', () => {
    const words = 'the quick brown fox jumps over the lazy dog '.repeat(6).trim();
    const text = render([result({ status: 'FAIL', message: words, remediation: remediation({ summary: words, console: [words] }) })], { width: 70 });
    const body = linesOf(text).filter((l) => l.startsWith('  ') && !/[│┌└├]/.test(l) && !l.includes('$ '));
    for (const l of body) expect(l.length, l).toBeLessThanOrEqual(70);
    const first = lineIndex(linesOf(text), /FAIL\s+critical\s+root-mfa/);
    const column = linesOf(text)[first]!.indexOf('root —');
    expect(linesOf(text)[first + 1]!.search(/\S/)).toBe(column);
  });

  it('ends with a summary: counts, a table of areas with scores, the score, and what failed by severity', () => {
    const text = render(mixedResults());
    const summary = text.slice(text.indexOf('\nSummary\n'));
    expect(summary).toContain('5 PASS · 2 FAIL · 1 UNKNOWN · 1 N/A · 1 MANUAL');
    expect(summary).toMatch(/│ Area +│ PASS │ FAIL │ UNKNOWN │ N\/A │ MANUAL │ Score │/);
    expect(summary).toMatch(/│ Identity +│ +4 │ +1 │ +0 │ +0 │ +0 │ +80 │/);
    expect(summary).toMatch(/│ Exposure and detection +│ +0 │ +0 │ +0 │ +1 │ +0 │ +- │/);
    expect(summary).toContain('Score 61/100');
    expect(summary).toContain('1 critical, 1 high failed; 1 could not be evaluated');
    expect(render(passingUsers(1))).toContain('nothing failed');
  });

  it('strips control characters that come from outside, so a message cannot drive the terminal', () => {
    const text = render([result({ status: 'FAIL', message: 'bad\x1b[2J\x1b]0;pwned\x07 name', resource: userArn('x\x1b[31my') })]);
    // eslint-disable-next-line no-control-regex -- the point of the test is control characters
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(text).toContain('bad[2J]0;pwned name');
  });
});
