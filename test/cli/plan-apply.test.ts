// `rampart plan` and `rampart apply` in-process against the emulator (configured by AWS_ENDPOINT_URL, as a user's
// LocalStack would be), with fake planners: what is tested here is the engine and the CLI, not the baseline's steps.
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useEmulatedEnvironment } from '../aws-emulator/emulated-env.js';
import { firstDayWithAdmin, OPS_KEY } from '../aws-emulator/test-helpers.js';
import type { Planner, Step } from '../../src/baseline/types.js';
import { main } from '../../src/cli/main.js';
import { runCli } from './io.js';
import { step } from '../fixtures/steps.js';

const fake = vi.hoisted(() => ({ planners: [] as Planner[] }));
vi.mock('../../src/baseline/planners.js', () => ({
  get PLANNERS() {
    return fake.planners;
  },
}));

const ROOT_SESSION = 'ASIAROOTSESSION00001';
const CANARY = 'CANARY-first-password-7Yq!';

/** The first-day account, with an admin user `ops` who signs with long-term keys. */
const scenario = firstDayWithAdmin();

const env = useEmulatedEnvironment();
let dir: string;
let spec: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-plan-'));
  spec = join(dir, 'rampart.yaml');
  await writeFile(spec, 'regions: [us-east-1]\nalertEmails: [ops@example.com]\nadmins:\n  users: [alice]\n');
  fake.planners = [];
});

const manual = { console: ['Sign in as root', 'Security credentials > Multi-factor authentication > Assign MFA device'], verify: 'rampart audit --check root-mfa' };

function bootstrapPlanners(): Planner[] {
  return [
    {
      id: 'identity',
      plan: (ctx): Step[] => [
        step('password-policy', { kind: 'noop', detail: 'already 14 characters, all classes' }),
        step('admin-user:alice', {
          rootAllowed: true,
          title: 'Create the admin user alice',
          detail: `no user alice; caller ${ctx.caller.userName ?? 'root'}, long-term keys: ${ctx.caller.longTermKeys}`,
          actions: ['iam:CreateUser', 'iam:CreateLoginProfile'],
          run: async (apply) => {
            const path = await apply.secrets('console-password-alice', CANARY);
            return `created alice; first password in ${path}`;
          },
        }),
        step('whoami', {
          kind: 'update',
          actions: ['sts:GetCallerIdentity'],
          // A real call through the session apply hands over: it must reach the endpoint the environment names.
          run: async (apply) => {
            const me = await apply.session.client(STSClient).send(new GetCallerIdentityCommand({}));
            return `signed in as ${me.Arn}`;
          },
        }),
      ],
    },
    {
      id: 'logging',
      plan: (): Step[] => [
        step('trail', {
          actions: ['cloudtrail:CreateTrail'],
          run: async () => {
            const message = 'User: arn:aws:iam::456789012345:user/ops is not authorized to perform: cloudtrail:CreateTrail on resource: x';
            throw Object.assign(new Error(message), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
          },
        }),
        step('trail-alarms', { dependsOn: ['trail'] }),
      ],
    },
    { id: 'manual', plan: (): Step[] => [step('root-mfa', { kind: 'manual', title: 'Turn on MFA for root', manual, run: undefined })] },
  ];
}

describe('rampart plan', () => {
  it('prints the ordered steps with their badges and a summary, and exits 0', async () => {
    await env.emulate(scenario, OPS_KEY);
    fake.planners = bootstrapPlanners();
    const run = await runCli(['plan', '--spec', spec]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Plan for account 456789012345 as arn:aws:iam::456789012345:user/ops; regions: us-east-1');
    expect(lines.filter((l) => /^\S/.test(l)).slice(1)).toEqual([
      'noop     password-policy   title of password-policy',
      'create   admin-user:alice  Create the admin user alice',
      'update   whoami            title of whoami',
      'create   trail             title of trail',
      'create   trail-alarms      title of trail-alarms',
      'manual   root-mfa          Turn on MFA for root',
      'Plan: 3 to create, 1 to update, 1 manual, 1 already as the spec says.',
    ]);
    expect(run.stdout).toContain('no user alice; caller ops, long-term keys: true');
    expect(run.stdout).toContain('         2. Security credentials > Multi-factor authentication > Assign MFA device');
    expect(run.stdout).toContain('         verify: rampart audit --check root-mfa');
  });

  it('--format json gives the steps as data', async () => {
    await env.emulate(scenario, OPS_KEY);
    fake.planners = bootstrapPlanners();
    const run = await runCli(['plan', '--spec', spec, '--format', 'json']);
    expect(run.code).toBe(0);
    const steps = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(steps.map((s) => s.id)).toEqual(['password-policy', 'admin-user:alice', 'whoami', 'trail', 'trail-alarms', 'root-mfa']);
    expect(steps[1]).toEqual({
      id: 'admin-user:alice',
      title: 'Create the admin user alice',
      kind: 'create',
      detail: 'no user alice; caller ops, long-term keys: true',
      actions: ['iam:CreateUser', 'iam:CreateLoginProfile'],
      rootAllowed: true,
    });
    expect(steps[4]).toMatchObject({ dependsOn: ['trail'] });
    expect(steps[5]).toMatchObject({ kind: 'manual', manual });
  });

  it('as root, shows every change but the bootstrap as refused', async () => {
    await env.emulate(scenario, ROOT_SESSION);
    fake.planners = bootstrapPlanners();
    const run = await runCli(['plan', '--spec', spec]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('create   admin-user:alice');
    expect(run.stdout).toContain('refused  trail ');
    expect(run.stdout).toContain('refused: runs as your admin user, not root: sign in as alice and run rampart apply again');
    expect(run.stdout).toContain('Plan: 1 to create, 0 to update, 1 manual, 3 refused, 1 already as the spec says.');
  });

  it('a spec with a typo fails with its line before any AWS call (exit 2)', async () => {
    const emu = await env.emulate(scenario, OPS_KEY);
    await writeFile(spec, 'regions: [us-east-1]\nbudget:\n  amont: 5\n');
    const run = await runCli(['plan', '--spec', spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rampart: ${spec}:3:3: budget.amont: unknown key (did you mean "amount"?)\n`);
    expect(emu.calls()).toEqual({});
  });

  it('a missing spec is exit 2 naming the file, unless --defaults', async () => {
    await env.emulate(scenario, OPS_KEY);
    const missing = join(dir, 'nope.yaml');
    const run = await runCli(['plan', '--spec', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rampart: ${missing}: no such file (start from examples/rampart.yaml, or pass --defaults to use the seeds' defaults)\n`);
    const withDefaults = await runCli(['plan', '--spec', missing, '--defaults', '--regions', 'us-east-1']);
    expect(withDefaults.code).toBe(0);
    expect(withDefaults.stdout).toContain('Plan: nothing to change, 0 already as the spec says.');
  });

  it('without credentials exits 3', async () => {
    await env.start(scenario);
    const run = await runCli(['plan', '--spec', spec]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^rampart: no AWS credentials found/);
    // A profile ~/.aws does not have is a typo, not missing credentials: exit 2, one line, before any call.
    const typo = await runCli(['plan', '--spec', spec, '--profile', 'nope']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^rampart: no profile 'nope' in \S+ or \S+; there are none\n$/);
  });
});

describe('rampart apply', () => {
  it('refuses to run without --yes when not on a terminal, before any AWS call (exit 2)', async () => {
    const emu = await env.emulate(scenario, OPS_KEY);
    const run = await runCli(['apply', '--spec', spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('rampart: refusing to change the account without --yes when not on a terminal\n');
    expect(emu.calls()).toEqual({});
  });

  it('runs the plan: one line per step, the secret only as a path, failures named, exit 1', async () => {
    await env.emulate(scenario, OPS_KEY);
    fake.planners = bootstrapPlanners();
    const stateDir = join(dir, 'state');
    const run = await runCli(['apply', '--yes', '--spec', spec, '--state-dir', stateDir]);
    expect(run.code).toBe(1);
    const secretPath = join(stateDir, 'secrets', 'console-password-alice');
    const results = run.stdout.split('\n').filter((l) => /^(done|failed|skipped|refused) /.test(l));
    expect(results).toEqual([
      `done     admin-user:alice  created alice; first password in ${secretPath}`,
      'done     whoami            signed in as arn:aws:iam::456789012345:user/ops',
      'failed   trail             permission denied (AccessDeniedException): the caller needs cloudtrail:CreateTrail',
      'skipped  trail-alarms      not run: it needs trail, which failed',
    ]);
    expect(run.stdout).toContain('What only you can do:');
    expect(run.stdout).toContain('verify: rampart audit --check root-mfa');
    expect(run.stdout).toContain('Applied: 2 done, 1 failed, 1 skipped, 0 refused, 1 already as the spec says, 1 manual.');
    expect(run.stdout).toContain(`Journal: ${join(stateDir, 'journal.jsonl')}`);
    // the secret: in its 0600 file, nowhere else
    expect(await readFile(secretPath, 'utf8')).toBe(`${CANARY}\n`);
    expect((await stat(secretPath)).mode & 0o777).toBe(0o600);
    for (const text of [run.stdout, run.stderr, await readFile(join(stateDir, 'journal.jsonl'), 'utf8')]) expect(text).not.toContain(CANARY);
    const journal = (await readFile(join(stateDir, 'journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { stepId: string; event: string });
    expect(journal.map((e) => `${e.stepId}:${e.event}`)).toEqual([
      'admin-user:alice:start',
      'admin-user:alice:done',
      'whoami:start',
      'whoami:done',
      'trail:start',
      'trail:failed',
      'trail-alarms:skipped',
    ]);
    // a second run hands out a second password without touching the first
    await runCli(['apply', '--yes', '--spec', spec, '--state-dir', stateDir]);
    expect((await readdir(join(stateDir, 'secrets'))).sort()).toEqual(['console-password-alice', 'console-password-alice.2']);
  });

  it('exits 0 when every change is made, and says when there is nothing to change', async () => {
    await env.emulate(scenario, OPS_KEY);
    const stateDir = join(dir, 'state');
    fake.planners = [{ id: 'p', plan: () => [step('a'), step('b', { kind: 'noop' })] }];
    const run = await runCli(['apply', '--yes', '--spec', spec, '--state-dir', stateDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('done     a  did a');
    fake.planners = [{ id: 'p', plan: () => [step('a', { kind: 'noop' })] }];
    const again = await runCli(['apply', '--yes', '--spec', spec, '--state-dir', stateDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Plan: nothing to change, 1 already as the spec says.');
    expect(again.stdout).toContain('Applied: 0 done, 0 failed, 0 skipped, 0 refused, 1 already as the spec says, 0 manual.');
  });

  it('as root, runs only the bootstrap and exits 1 for the refused rest', async () => {
    await env.emulate(scenario, ROOT_SESSION);
    fake.planners = bootstrapPlanners();
    const run = await runCli(['apply', '--yes', '--spec', spec, '--state-dir', join(dir, 'state')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^done +admin-user:alice +created alice/m);
    expect(run.stdout).toMatch(/^refused +trail +runs as your admin user, not root: sign in as alice and run rampart apply again$/m);
    expect(run.stdout).not.toMatch(/^done +whoami/m);
  });

  it('says which step a killed apply was in', async () => {
    await env.emulate(scenario, OPS_KEY);
    const stateDir = join(dir, 'state');
    fake.planners = [{ id: 'p', plan: () => [step('a', { kind: 'noop' })] }];
    const { openJournal } = await import('../../src/baseline/journal.js');
    const journal = await openJournal(stateDir);
    await journal.append('trail', 'start');
    const run = await runCli(['apply', '--yes', '--spec', spec, '--state-dir', stateDir]);
    expect(run.stderr).toContain('rampart: the last apply stopped during trail; this plan is made from the account as it is now, so it goes on from there');
  });

  it('on a terminal, asks first; no answer but yes changes nothing', async () => {
    await env.emulate(scenario, OPS_KEY);
    let ran = 0;
    fake.planners = [{ id: 'p', plan: () => [step('a', { run: async () => `ran ${++ran}` })] }];
    const stateDir = join(dir, 'state');
    const onTerminal = async (keys: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
      let out = '';
      const sink = () => new Writable({ write: (chunk: Buffer, _enc, cb) => ((out += chunk.toString()), cb()) });
      const pending = main(['node', 'rampart', 'apply', '--spec', spec, '--state-dir', stateDir], { stdin, stdout: sink(), stderr: sink(), env: {} });
      // answer once the question is on screen
      await vi.waitFor(() => expect(out).toContain('Apply 1 change to account 456789012345?'), { timeout: 20_000 });
      stdin.write(keys);
      return { code: await pending, out };
    };
    const declined = await onTerminal('n\r');
    expect(declined.code).toBe(1);
    expect(declined.out).toContain('apply cancelled; nothing was changed');
    expect(ran).toBe(0);
    const accepted = await onTerminal('y\r');
    expect(accepted.code).toBe(0);
    expect(ran).toBe(1);
  });
});
