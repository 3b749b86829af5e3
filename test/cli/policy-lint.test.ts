// `rampart policy lint` as a user runs it: files, stdin, formats, exit codes, a snapshot, and bad input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './io.js';
import { cleanAwsEnv, runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-policy-lint-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/policies', name);
const typo = file('typo.json', '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}\n');

describe('rampart policy lint', () => {
  it('prints file:line:col severity rule message and fix, a summary, and exits 1', async () => {
    const r = await runCli(['policy', 'lint', typo]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `${typo}:4:35 high action-unknown unknown action s3:GetObjcet (did you mean s3:GetObject?)\n  fix: Write s3:GetObject.\n1 file linted: 1 finding (1 high)\n`,
    );
    expect(r.code).toBe(1);
  });

  it('exits 0 on a clean policy (seed 002, one bucket)', async () => {
    const r = await runCli(['policy', 'lint', fixture('custom-s3-seed002.json')]);
    expect(r).toMatchObject({ code: 0, stdout: '1 file linted: no findings\n' });
  });

  it('lints several files in one run, and reads - from stdin', async () => {
    const r = await runCli(['policy', 'lint', fixture('custom-s3-seed002.json'), '-', fixture('production-admin-seed003.json')], {}, Readable.from(['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}']));
    expect(r.stdout).toContain('stdin:1:64 high star-on-star');
    expect(r.stdout).toContain('production-admin-seed003.json:4:71 high empty-value');
    expect(r.stdout).toMatch(/3 files linted: 7 findings \(7 high\)\n$/);
    expect(r.code).toBe(1);
  });

  it('--format json gives every finding with its place', async () => {
    const r = await runCli(['policy', 'lint', '--format', 'json', typo]);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [{ file: typo, findings: [{ rule: 'action-unknown', severity: 'high', message: 'unknown action s3:GetObjcet (did you mean s3:GetObject?)', fix: 'Write s3:GetObject.', path: '$.Statement[0].Action', line: 4, column: 35 }] }],
      summary: { files: 1, findings: 1 },
    });
  });

  it('--fail-on decides the exit code: below the threshold is 0', async () => {
    const old = file('old.json', '{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}');
    expect((await runCli(['policy', 'lint', old])).code).toBe(1);
    expect((await runCli(['policy', 'lint', '--fail-on', 'medium', old])).code).toBe(0);
    expect((await runCli(['policy', 'lint', '--fail-on', 'none', typo])).code).toBe(0);
  });

  it('--kind resource wants a Principal; --require-mfa wants MFA on deletes', async () => {
    expect((await runCli(['policy', 'lint', '--kind', 'resource', fixture('custom-s3-seed002.json')])).stdout).toContain('needs a Principal');
    expect((await runCli(['policy', 'lint', '--require-mfa', fixture('custom-s3-seed002.json')])).stdout).toContain('mfa-missing allows s3:DeleteObject without MFA');
  });

  it('--snapshot names the closest existing resource for an ARN that names nothing', async () => {
    const p = file('role.json', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/ec2-s3-readr"}}');
    const r = await runCli(['policy', 'lint', '--snapshot', join(import.meta.dirname, '../../examples/leaky-account.json'), p]);
    expect(r.stdout).toContain('low resource-missing no IAM role named ec2-s3-readr in account 123456789012 (did you mean ec2-s3-reader?)');
  });

  it.each([
    ['a syntax error', () => file('broken.json', '{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow",, } ]\n}'), /broken\.json:3:37: not valid JSON: expected a property name in double quotes/],
    ['a missing file', () => join(dir, 'nope.json'), /nope\.json: cannot read the policy: no such file/],
    ['a directory', () => dir, /cannot read the policy: it is a directory/],
    ['a JSON list', () => file('list.json', '[1, 2]'), /list\.json:1:1: not a policy/],
    ['an empty file', () => file('empty.json', ''), /empty\.json:1:1: empty document/],
  ])('%s: one line naming the place, exit 2, nothing on stdout', async (_name, path, message) => {
    const r = await runCli(['policy', 'lint', fixture('custom-s3-seed002.json'), path()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a --snapshot that is not one is exit 2, naming the file', async () => {
    const r = await runCli(['policy', 'lint', '--snapshot', typo, typo]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${typo}: not a rampart snapshot`);
  });

  it('a bad --kind is exit 2', async () => {
    const r = await runCli(['policy', 'lint', '--kind', 'bucket', typo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--kind expects one of identity, resource, trust, boundary, scp, session, got "bucket"');
  });

  it('the installed binary prints no stack trace for bad input', async () => {
    const r = await runBin(['policy', 'lint', file('bin-broken.json', '{"a": ')], cleanAwsEnv());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rampart: .*bin-broken\.json:1:7: not valid JSON: expected a value/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
