import { describe, expect, it } from 'vitest';
import type { Check } from '../checks/types.js';
import { remediation } from '../../test/fixtures/results.js';
import { compactSources, renderChecksList } from './checks-list.js';

const check = (over: Partial<Check>): Check => ({
  id: 'root-mfa',
  title: 'Root user has MFA',
  area: 'root',
  severity: 'critical',
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'CIS 2.4'],
  remediation: remediation(),
  evaluate: () => [],
  ...over,
});
const checks = [
  check({}),
  check({ id: 'budget-exists', title: 'A cost budget covers the account', area: 'cost', severity: 'high', sources: ['seed 000', 'seed 002', 'seed 003'] }),
  check({ id: 'securityhub-enabled', title: 'Security Hub is enabled', area: 'exposure', severity: 'low', sources: ['CIS 5.16'] }),
];

describe('renderChecksList', () => {
  it('json: an array of id, area, severity, title and sources, in the order given', () => {
    const out = renderChecksList(checks, { format: 'json', color: true });
    expect(out.endsWith('\n')).toBe(true);
    const list = JSON.parse(out) as Record<string, unknown>[];
    expect(list.map((c) => c.id)).toEqual(['root-mfa', 'budget-exists', 'securityhub-enabled']);
    expect(list[0]).toEqual({
      id: 'root-mfa',
      area: 'root',
      severity: 'critical',
      title: 'Root user has MFA',
      sources: ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'CIS 2.4'],
    });
    expect(out).not.toContain('\x1b[');
  });

  it('text: a header and one aligned line per check', () => {
    const lines = renderChecksList(checks, { format: 'text', color: false }).split('\n');
    expect(lines[0]).toMatch(/^ID +AREA +SEVERITY +TITLE +SOURCES$/);
    expect(lines[1]).toMatch(/^root-mfa +root +critical +Root user has MFA +seeds 000-004, CIS 2\.4$/);
    expect(lines[2]).toMatch(/^budget-exists +cost +high +A cost budget covers the account +seeds 000, 002, 003$/);
    expect(lines[3]).toMatch(/^securityhub-enabled +exposure +low +Security Hub is enabled +CIS 5\.16$/);
    // columns line up: every title starts where the header's TITLE does
    const titleAt = lines[0]!.indexOf('TITLE');
    for (const l of lines.slice(1, 4)) expect(l.slice(titleAt, titleAt + 1)).toMatch(/\S/);
    expect(lines).toContain('3 checks');
  });

  it('text colours only when asked', () => {
    expect(renderChecksList(checks, { format: 'text', color: false })).not.toContain('\x1b[');
    expect(renderChecksList(checks, { format: 'text', color: true })).toContain('\x1b[');
  });
});

describe('compactSources', () => {
  it('folds runs of seeds, keeps the rest as written', () => {
    expect(compactSources(['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'CIS 2.4'])).toBe('seeds 000-004, CIS 2.4');
    expect(compactSources(['seed 003', 'seed 004', 'CIS 2.5'])).toBe('seeds 003, 004, CIS 2.5');
    expect(compactSources(['seed 002'])).toBe('seed 002');
    expect(compactSources(['CIS 2.1', 'CIS 2.2'])).toBe('CIS 2.1, CIS 2.2');
    expect(compactSources(['seed 000', 'seed 002', 'seed 003', 'seed 004', 'beyond the seeds'])).toBe('seeds 000, 002-004, beyond the seeds');
  });
});
