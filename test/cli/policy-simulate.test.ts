// rampart policy simulate through the CLI: text and json output, --expect exit codes, malformed input (exit 2, the
// place named, nothing on stdout), and policies taken from a snapshot's principal.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './io.js';

let dir: string;
const file = (name: string) => join(dir, name);
const write = (name: string, content: unknown) => writeFile(file(name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));

const PROD_ADMIN = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' },
    { Sid: 'RequireMfa', Effect: 'Deny', Action: ['iam:DeleteUser'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-simulate-'));
  await write('admin.json', PROD_ADMIN);
  await write('bucket.yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: arn:aws:s3:::reports/*\n');
  await write('broken.json', '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject" ');
  await write('bad.yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Effect: Deny\n');
  await write('bad-effect.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }, { Effect: 'Permit', Action: '*', Resource: '*' }] });
  await write('bad-operator.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:RequestedRegion': 'us-east-1' } } }] });
  await write('scp-s3-only.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
  await write('full.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
});

describe('rampart policy simulate', () => {
  it('prints each decision and the deciding statement with its reason', async () => {
    const r = await runCli(['policy', 'simulate', '--action', 'iam:DeleteUser', '--action', 'ec2:RunInstances', '--identity-policy', file('admin.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/iam:DeleteUser\s+ExplicitDeny/);
    expect(r.stdout).toContain(`Deny at ${file('admin.json')} $.Statement[1] (RequireMfa): aws:MultiFactorAuthPresent is absent and BoolIfExists treats absent as match`);
    expect(r.stdout).toMatch(/ec2:RunInstances\s+Allow/);
  });

  it('reads YAML and context keys, and prints json', async () => {
    const r = await runCli(['policy', 'simulate', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.csv', '--identity-policy', file('bucket.yaml'), '--principal', 'arn:aws:iam::123456789012:user/alice', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.context['aws:CurrentTime'][0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(out.results).toEqual([
      expect.objectContaining({ action: 's3:GetObject', decision: 'Allow', scope: 'same-account', statements: [{ layer: 'identity', policy: file('bucket.yaml'), path: '$.Statement[0]', effect: 'Allow' }] }),
    ]);
  });

  it('exits 1 when --expect does not hold, 0 when it does', async () => {
    const base = ['policy', 'simulate', '--action', 'iam:DeleteUser', '--identity-policy', file('admin.json')];
    expect((await runCli([...base, '--expect', 'deny'])).code).toBe(0);
    expect((await runCli([...base, '--expect', 'explicit-deny'])).code).toBe(0);
    expect((await runCli([...base, '--expect', 'allow'])).code).toBe(1);
    expect((await runCli([...base, '--context', 'aws:MultiFactorAuthPresent=true', '--expect', 'allow'])).code).toBe(0);
  });

  it('applies SCP levels, each of which must allow', async () => {
    const r = await runCli(['policy', 'simulate', '--action', 'ec2:RunInstances', '--identity-policy', file('full.json'), '--scp', file('full.json'), '--scp', `${file('full.json')},${file('scp-s3-only.json')}`, '--format', 'json']);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ decision: 'Allow' });
    const denied = await runCli(['policy', 'simulate', '--action', 'ec2:RunInstances', '--identity-policy', file('full.json'), '--scp', file('full.json'), '--scp', file('scp-s3-only.json'), '--format', 'json']);
    expect(JSON.parse(denied.stdout).results[0]).toMatchObject({ decision: 'ImplicitDeny', missing: { layer: 'scp', level: 1 } });
  });

  it('reads a policy from stdin with -', async () => {
    const r = await runCli(['policy', 'simulate', '--action', 'iam:DeleteUser', '--identity-policy', '-', '--expect', 'explicit-deny'], {}, Readable.from([JSON.stringify(PROD_ADMIN)]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deny at stdin $.Statement[1]');
  });

  it.each([
    ['a truncated file', ['--identity-policy', 'broken.json'], /broken\.json:1:\d+: not valid JSON: /],
    ['a YAML duplicate key', ['--identity-policy', 'bad.yaml'], /bad\.yaml:4:5: not valid YAML: Map keys must be unique/],
    ['a bad Effect', ['--identity-policy', 'bad-effect.json'], /bad-effect\.json: \$\.Statement\[0\]: a statement needs exactly one of Action and NotAction/],
    ['an unknown operator', ['--identity-policy', 'bad-operator.json'], /bad-operator\.json: \$\.Statement\[0\]\.Condition\.StringEqualz: unknown condition operator "StringEqualz"/],
    ['a missing file', ['--identity-policy', 'nope.json'], /nope\.json: cannot read the policy: no such file/],
    ['no policies', [], /give the policies/],
    ['a bad context pair', ['--identity-policy', 'admin.json', '--context', 'novalue'], /--context expects key=value/],
    ['a bad principal', ['--identity-policy', 'admin.json', '--principal', 'alice'], /--principal: principal "alice" is not/],
    ['a bad --format', ['--identity-policy', 'admin.json', '--format', 'xml'], /--format expects one of text, json/],
  ])('%s is exit 2 with one line naming the place', async (_name, args, message) => {
    const resolved = args.map((a) => (/\.(json|yaml)$/.test(a) ? file(a) : a));
    const r = await runCli(['policy', 'simulate', '--action', 's3:GetObject', ...resolved]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('rampart policy simulate --snapshot', () => {
  let snapshotPath: string;
  beforeAll(async () => {
    const snapshot = JSON.parse(await readFile(join(import.meta.dirname, '../../examples/leaky-account.json'), 'utf8'));
    const policies = snapshot.iam.policies as { arn: string; name: string; document: unknown }[];
    snapshot.iam.policies = [
      ...policies.filter((p) => p.arn !== 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess'),
      { name: 'DevBoundary', id: 'ANPABOUNDARY0000000001', arn: 'arn:aws:iam::123456789012:policy/DevBoundary', path: '/', awsManaged: false, attachmentCount: 1, defaultVersionId: 'v1', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'dynamodb:*'], Resource: '*' }] } },
    ];
    const bot = snapshot.iam.users.find((u: { name: string }) => u.name === 'deploy-bot');
    bot.permissionsBoundaryArn = 'arn:aws:iam::123456789012:policy/DevBoundary';
    bot.groups = ['developers'];
    snapshotPath = file('snapshot.json');
    await write('snapshot.json', snapshot);
  });

  it("takes the user's inline, attached and group policies and its boundary", async () => {
    const bot = 'arn:aws:iam::123456789012:user/deploy-bot';
    const s3 = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--principal', bot, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::b/k', '--format', 'json']);
    expect(s3.code).toBe(0);
    const result = JSON.parse(s3.stdout).results[0];
    expect(result.decision).toBe('Allow');
    expect(result.statements.map((s: { policy: string }) => s.policy)).toEqual(['managed:FullAccessJustInCase', 'boundary:DevBoundary']);
    const ec2 = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--principal', bot, '--action', 'ec2:RunInstances', '--format', 'json']);
    expect(JSON.parse(ec2.stdout).results[0]).toMatchObject({ decision: 'ImplicitDeny', missing: { layer: 'boundary' } });
  });

  it('says when an attached AWS-managed document is not in the snapshot instead of guessing', async () => {
    const r = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--principal', 'arn:aws:iam::123456789012:user/dev-admin', '--action', 'cloudshell:CreateSession']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the snapshot does not hold the document of arn:aws:iam::aws:policy/AWSCloudShellFullAccess');
    expect(r.stdout).toMatch(/cloudshell:CreateSession\s+Allow/);
  });

  it("takes a role's policies for the role's sessions", async () => {
    const session = 'arn:aws:sts::123456789012:assumed-role/ec2-s3-reader/i-0abc';
    const read = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--principal', session, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::any/k', '--expect', 'allow']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('managed:AmazonS3ReadOnlyAccess $.Statement[0]');
    const write = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--principal', session, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::any/k', '--expect', 'implicit-deny']);
    expect(write.code).toBe(0);
  });

  it('names an unknown principal and needs --principal', async () => {
    const unknown = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--principal', 'arn:aws:iam::123456789012:user/nobody', '--action', 's3:GetObject']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no user arn:aws:iam::123456789012:user/nobody in the snapshot');
    const none = await runCli(['policy', 'simulate', '--snapshot', snapshotPath, '--action', 's3:GetObject']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--snapshot needs --principal');
  });
});
