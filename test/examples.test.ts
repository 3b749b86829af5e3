// The README's first command, as a new user runs it: the shipped example audits with no AWS account.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExample, EXAMPLES } from './examples.js';
import { cleanAwsEnv, runBin } from './cli/run-bin.js';

describe('npx rampart audit --snapshot examples/leaky-account.json', () => {
  it('prints the incident account\'s findings with their fixes, and exits 1', async () => {
    const run = await runBin(['audit', '--snapshot', 'examples/leaky-account.json'], cleanAwsEnv(), process.cwd());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    for (const finding of [
      /FAIL +critical +root-mfa +root — root has no MFA/,
      /FAIL +critical +root-access-keys/,
      /FAIL +high +user-console-mfa +dev-admin/,
      /FAIL +high +admin-access-keys +dev-admin/,
      /FAIL +medium +access-key-age +dev-admin\/access-key-1/,
      /FAIL +medium +password-policy-exists/,
      /FAIL +low +user-policies-via-groups +dev-admin/,
    ]) expect(run.stdout).toMatch(finding);
    expect(run.stdout).toContain('With the AWS CLI:');
    expect(run.stdout).toMatch(/Score \d+\/100/);
  });

  it('the hardened example passes every check and exits 0', async () => {
    const run = await runBin(['audit', '--snapshot', 'examples/clean-account.json'], cleanAwsEnv(), process.cwd());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d+ PASS · 0 FAIL · 0 UNKNOWN/);
    expect(run.stdout).toContain('nothing failed');
  });
});

describe('examples/*.json', () => {
  it.each(EXAMPLES)('%s is what collecting its emulator scenario gives (regenerate: npx tsx scripts/make-examples.ts)', async (example) => {
    const committed = JSON.parse(readFileSync(join('examples', `${example}.json`), 'utf8')) as unknown;
    expect(JSON.parse(JSON.stringify(await collectExample(example)))).toEqual(committed);
  });
});

describe('npx rampart trail hunt examples/cloudtrail', () => {
  it('finds seed 002\'s two incidents with the built binary and exits 1', async () => {
    const run = await runBin(['trail', 'hunt', 'examples/cloudtrail', '--format', 'json'], cleanAwsEnv(), process.cwd());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { incidents: { severity: string; start: string }[] };
    expect(doc.incidents.map((i) => [i.severity, i.start])).toEqual([
      ['high', '2026-11-21T01:12:09Z'],
      ['critical', '2026-11-21T03:46:30Z'],
    ]);
  });
});
