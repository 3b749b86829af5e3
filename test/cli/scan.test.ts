// `rampart scan`: formats, exit codes, baseline, inline allow, stdin, --verify against the emulator, and canaries:
// no planted secret or key id ever appears unmasked in any output or written file.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulatedEnvironment } from '../aws-emulator/emulated-env.js';
import { firstDayWithAdmin } from '../aws-emulator/test-helpers.js';
import { bedrockLongTerm, keyId, secretKey, sessionToken } from '../secrets/keys.js';
import { seededRandom } from '../aws-emulator/prng.js';
import { runCli, type Run } from './io.js';
import { cleanAwsEnv, runBin } from './run-bin.js';

const LIVE_ID = keyId('AKIAY', seededRandom(101)); // Y: a post-2019 id, the account decodes
const LIVE_SECRET = secretKey(seededRandom(102));
const DEAD_ID = keyId('AKIA', seededRandom(103));
const DEAD_SECRET = secretKey(seededRandom(104));
const TEMP_ID = keyId('ASIA', seededRandom(105));
const TEMP_SECRET = secretKey(seededRandom(106));
const TOKEN = sessionToken(seededRandom(107));
const BEDROCK = bedrockLongTerm(seededRandom(108));
const CANARIES = [LIVE_ID, LIVE_SECRET, DEAD_ID, DEAD_SECRET, TEMP_ID, TEMP_SECRET, TOKEN, BEDROCK];

let dir: string;
let tree: string;
const outputs: string[] = [];

async function scan(args: string[], env: NodeJS.ProcessEnv = {}, stdin?: Readable): Promise<Run> {
  const run = await runCli(['scan', ...args], env, stdin);
  outputs.push(run.stdout, run.stderr);
  return run;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-scan-'));
  tree = join(dir, 'repo');
  await mkdir(join(tree, 'deploy'), { recursive: true });
  await writeFile(join(tree, '.env'), `AWS_ACCESS_KEY_ID=${LIVE_ID}\nAWS_SECRET_ACCESS_KEY=${LIVE_SECRET}\n`);
  await writeFile(join(tree, 'deploy', 'config.json'), JSON.stringify({ accessKeyId: DEAD_ID, secretAccessKey: DEAD_SECRET }, null, 2));
  await writeFile(
    join(tree, 'deploy', 'session.sh'),
    `export AWS_ACCESS_KEY_ID=${TEMP_ID}\nexport AWS_SECRET_ACCESS_KEY=${TEMP_SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\n`,
  );
  await writeFile(join(tree, 'bedrock.py'), `API_KEY = "${BEDROCK}"\n`);
  await writeFile(join(tree, 'docs.md'), 'Use `AKIAIOSFODNN7EXAMPLE` and `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` as in the AWS docs.\n');
  await writeFile(join(tree, 'fixture.ts'), `const dummy = '${keyId('AKIA', seededRandom(109))}'; // rampart:allow test fixture\n`);
  await writeFile(join(dir, 'clean.txt'), 'nothing to see\n');
});

describe('rampart scan', () => {
  it('text: every credential masked with its place, account, pair and next steps; exit 1', async () => {
    const run = await scan([tree]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`.env:1:19  AWS access key id  ${LIVE_ID.slice(0, 4)}************${LIVE_ID.slice(-4)}`);
    expect(run.stdout).toContain('paired with the AWS secret access key at .env:2:23');
    expect(run.stdout).toContain('deploy/session.sh:3:26  AWS session token');
    expect(run.stdout).toContain('bedrock.py:1:12  Amazon Bedrock API key');
    expect(run.stdout).toContain(`rampart trail hunt --access-key ${LIVE_ID.slice(0, 4)}************${LIVE_ID.slice(-4)}`);
    expect(run.stdout).not.toContain('docs.md');
    expect(run.stdout).not.toContain('fixture.ts');
    expect(run.stdout).toMatch(/8 findings \(3 key pairs\) in 4 files; 6 files scanned .*; 1 allowed inline \(rampart:allow\)\n$/);
  });

  it('exit 0 and one line when nothing is found', async () => {
    const run = await scan([join(dir, 'clean.txt')]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^no AWS credentials found; 1 file scanned/);
  });

  it('skips binary and large files unless asked, and says so', async () => {
    const mixed = join(dir, 'mixed');
    await mkdir(mixed, { recursive: true });
    await writeFile(join(mixed, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`${LIVE_ID}\n`)]));
    await writeFile(join(mixed, 'big.txt'), `${'x'.repeat(2000)}\n${DEAD_ID}\n`);
    const skipped = await scan([mixed, '--max-file-size', '1K']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toBe('no AWS credentials found; 0 files scanned (0 B); 1 binary skipped (--include-binary); 1 over the size limit skipped (--max-file-size)\n');
    const all = await scan([mixed, '--max-file-size', '0', '--include-binary', '--format', 'json']);
    expect(JSON.parse(all.stdout).findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['big.txt', 'blob.bin']);
  });

  it('json: findings with masks and fingerprints, no secret field', async () => {
    const run = await scan([tree, '--format', 'json']);
    const out = JSON.parse(run.stdout) as { findings: Record<string, unknown>[]; summary: { findings: number } };
    expect(out.summary.findings).toBe(8);
    expect(out.findings[0]).toMatchObject({ rule: 'aws-access-key-id', location: { path: '.env', line: 1, column: 19 }, accountId: expect.stringMatching(/^\d{12}$/) });
    for (const f of out.findings) expect(f).not.toHaveProperty('secret');
    const id = out.findings.find((f) => f.rule === 'aws-access-key-id' && (f.location as { path: string }).path === '.env')!;
    expect(id.nextSteps).toEqual(expect.arrayContaining([expect.stringMatching(/^deactivate it now: aws iam update-access-key --access-key-id AKIA\*{12}/)]));
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with partial fingerprints', async () => {
    const run = await scan([tree, '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    const require = createRequire(import.meta.url);
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false }) // the schema's language pattern is not valid with /u;
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(8);
    expect(sarif.runs[0]!.results[0]!.partialFingerprints['rampartSecret/v1']).toMatch(/^[0-9a-f]{64}$/);
    // and an invalid document is caught, so the check above can fail
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('--output writes the report atomically, nothing on stdout', async () => {
    const file = join(dir, 'report.sarif');
    const run = await scan([tree, '--format', 'sarif', '--output', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const written = await readFile(file, 'utf8');
    outputs.push(written);
    expect(JSON.parse(written)).toHaveProperty('version', '2.1.0');
  });

  it('a baseline accepts findings by fingerprint, wherever they move', async () => {
    const baseline = join(dir, 'baseline.json');
    const wrote = await scan([tree, '--write-baseline', baseline]);
    expect(wrote).toMatchObject({ code: 0 });
    const text = await readFile(baseline, 'utf8');
    outputs.push(text);
    expect((JSON.parse(text) as { accepted: unknown[] }).accepted).toHaveLength(8);
    // the same key moved to another file and line is still accepted; a new one is not
    const moved = join(dir, 'moved');
    await mkdir(moved, { recursive: true });
    await writeFile(join(moved, 'x.txt'), `\n\n\nold = "${BEDROCK}"\n`);
    expect((await scan([moved, '--baseline', baseline])).code).toBe(0);
    await writeFile(join(moved, 'y.txt'), `id = ${keyId('AKIA', seededRandom(110))}\n`);
    const after = await scan([moved, '--baseline', baseline]);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('y.txt:1:6');
    expect(after.stdout).toContain('1 accepted by the baseline');
  });

  it('bad input: one line, exit 2', async () => {
    const bad = join(dir, 'bad-baseline.json');
    await writeFile(bad, '{"version": 1, "accepted": [{"fingerprint": "nope"}]}');
    for (const [args, message] of [
      [[tree, '--baseline', bad], /bad-baseline\.json: not a baseline: at accepted\.0\.fingerprint: a sha256 in hex\n$/],
      [[join(dir, 'missing')], /missing: no such file or directory\n$/],
      [[tree, '--max-file-size', 'lots'], /--max-file-size expects a size/],
      [[tree, '--format', 'xml'], /--format expects one of text, json, sarif/],
      [[tree, '--threads', '0'], /--threads expects a positive whole number, got "0"/],
    ] as const) {
      const run = await scan([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });

  it('the installed command: exit 1 on a finding, 0 on a clean file, from bin/rampart.js', async () => {
    const env = cleanAwsEnv();
    const found = await runBin(['scan', '.env'], env, tree);
    outputs.push(found.stdout, found.stderr);
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/^\.env:1:19 {2}AWS access key id/);
    expect((await runBin(['scan', 'clean.txt'], env, dir)).code).toBe(0);
  });

  it('reads standard input with `-`', async () => {
    const run = await scan(['-'], {}, Readable.from([`aws_secret_access_key: ${DEAD_SECRET}\n`]));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stdin:1:24  AWS secret access key');
  });

  it('reports a file it cannot read on stderr and in JSON, and goes on', async () => {
    const odd = join(dir, 'odd');
    await mkdir(odd, { recursive: true });
    await writeFile(join(odd, 'k.txt'), `${LIVE_ID}\n`);
    const { symlink } = await import('node:fs/promises');
    await symlink(join(odd, 'gone'), join(odd, 'broken'));
    const run = await scan([odd, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('rampart: warning: broken: broken symbolic link\n');
    expect(JSON.parse(run.stdout)).toMatchObject({ problems: [{ path: 'broken', message: 'broken symbolic link' }], summary: { findings: 1, unreadable: 1 } });
  });
});

describe('rampart scan --verify', () => {
  const aws = useEmulatedEnvironment();

  it('asks STS GetCallerIdentity with each pair, and nothing else', async () => {
    const scenario = firstDayWithAdmin();
    scenario.users![0]!.accessKeys!.push({ id: LIVE_ID, secret: LIVE_SECRET, status: 'Active', created: '-1d' } as never);
    const emu = await aws.start(scenario);
    const run = await scan([tree, '--verify'], { AWS_ENDPOINT_URL: emu.endpoint });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\.env:1:19 .*\n.*\n {4}verified: LIVE: arn:aws:iam::\d{12}:user\/ops \(account \d{12}\)\n {4}next: deactivate it now: .* --status Inactive --user-name ops/);
    expect(run.stdout).toMatch(/deploy\/config\.json:2:\d+ .*\n.*\n {4}verified: not live \(InvalidClientTokenId\)/);
    expect(Object.keys(emu.calls())).toEqual(['sts:GetCallerIdentity']);
    expect(emu.calls()['sts:GetCallerIdentity']).toBe(3);
  });

  it('an endpoint that does not answer is "could not verify", not live or dead', async () => {
    const run = await scan([join(tree, '.env'), '--verify', '--format', 'json'], { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' });
    const out = JSON.parse(run.stdout) as { findings: { verification?: { status: string } }[] };
    expect(out.findings[0]!.verification).toMatchObject({ status: 'unknown' });
  });

  it('never by default: no call without --verify', async () => {
    const emu = await aws.start(firstDayWithAdmin());
    await scan([tree], { AWS_ENDPOINT_URL: emu.endpoint });
    expect(emu.calls()).toEqual({});
  });
});

it('canaries: no planted secret or key id appears unmasked in any output or file written', () => {
  expect(outputs.length).toBeGreaterThan(20);
  for (const text of outputs) for (const canary of CANARIES) expect(text.includes(canary), canary.slice(0, 4)).toBe(false);
});
