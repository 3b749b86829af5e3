// rampart policy template through the CLI: the listing, rendering, atomic --output, bad parameters (exit 2).
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './io.js';

describe('rampart policy template', () => {
  it('lists every template with its parameters', async () => {
    const r = await runCli(['policy', 'template']);
    expect(r.code).toBe(0);
    for (const name of ['force-mfa', 's3-bucket', 'production-admin', 'read-only', 'break-glass', 'source-ip-and-time', 'ec2-s3-reader']) expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/bucket \(required\)/);
  });

  it('prints a rendered policy as JSON', async () => {
    const r = await runCli(['policy', 'template', 's3-bucket', '--param', 'bucket=my-specific-bucket']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.Statement[1]).toEqual({ Sid: 'ListTheBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-specific-bucket' });
  });

  it('prints both parts of a role template, or one with --part', async () => {
    const both = JSON.parse((await runCli(['policy', 'template', 'ec2-s3-reader', '--param', 'bucket=b-1'])).stdout);
    expect(Object.keys(both)).toEqual(['trust', 'permissions']);
    const trust = JSON.parse((await runCli(['policy', 'template', 'ec2-s3-reader', '--param', 'bucket=b-1', '--part', 'trust'])).stdout);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
  });

  it('writes --output atomically, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rampart-template-'));
    const out = join(dir, 'admin.json');
    const r = await runCli(['policy', 'template', 'production-admin', '--output', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).Version).toBe('2012-10-17');
    expect(await readdir(dir)).toEqual(['admin.json']);
  });

  it('a rendered template simulates as its intent says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rampart-template-'));
    const out = join(dir, 'admin.json');
    await runCli(['policy', 'template', 'production-admin', '--output', out]);
    // attached beside the AWS managed AdministratorAccess, as the template says
    const admin = join(dir, 'AdministratorAccess.json');
    await writeFile(admin, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
    const noMfa = await runCli(['policy', 'simulate', '--action', 'iam:DeleteUser', '--identity-policy', admin, '--identity-policy', out, '--expect', 'explicit-deny']);
    expect(noMfa.code).toBe(0);
    const withMfa = await runCli(['policy', 'simulate', '--action', 'iam:DeleteUser', '--identity-policy', admin, '--identity-policy', out, '--context', 'aws:MultiFactorAuthPresent=true', '--expect', 'allow']);
    expect(withMfa.code).toBe(0);
    expect((await runCli(['policy', 'lint', out])).code).toBe(0);
  });

  it.each([
    [['s3-buckt'], /no template "s3-buckt" \(did you mean s3-bucket\?\)/],
    [['s3-bucket'], /needs --param bucket=/],
    [['s3-bucket', '--param', 'bucket=Bad_Name'], /--param bucket: "Bad_Name" is not an S3 bucket name/],
    [['s3-bucket', '--param', 'nonsense'], /--param expects key=value/],
    [['ec2-s3-reader', '--param', 'bucket=b-1', '--part', 'role'], /--part: template ec2-s3-reader has parts trust, permissions/],
  ])('%j is exit 2 with one line', async (args, message) => {
    const r = await runCli(['policy', 'template', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
