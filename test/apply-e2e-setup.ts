// What the `rampart apply` end-to-end tests share: a first-day account in the emulator, the spec, the CLI as a
// subprocess, and a CLI killed after a given number of steps.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Fault } from './aws-emulator/index.js';
import { firstDayWithAdmin, OPS_KEY } from './aws-emulator/test-helpers.js';
import { cleanAwsEnv, runBin } from './cli/run-bin.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const BIN = join(import.meta.dirname, '../bin/rampart.js');

/** The first-day account with one admin user, `ops`, who runs rampart with long-term keys. */
const scenario = firstDayWithAdmin();

const emulators: Emulator[] = [];
afterEach(async () => Promise.all(emulators.splice(0).map((e) => e.close())));

export async function setup(faults: Fault[] = []) {
  const emu = await startEmulator({ scenario, faults });
  emulators.push(emu);
  const dir = mkdtempSync(join(tmpdir(), 'rampart-apply-'));
  const spec = join(dir, 'rampart.yaml');
  const contact = (kind: string) => `  ${kind}: { name: Ops Team, title: ${kind}, email: ${kind}@example.com, phone: "+1 555 0100" }\n`;
  writeFileSync(
    spec,
    `regions: [${REGIONS.join(', ')}]\nalertEmails: [ops@example.com]\naccountAlias: first-day-co\nadmins:\n  users: [alice]\n` +
      `alternateContacts:\n${contact('security')}${contact('billing')}${contact('operations')}`,
  );
  const env = cleanAwsEnv({ AWS_ENDPOINT_URL: emu.endpoint, AWS_ACCESS_KEY_ID: OPS_KEY, AWS_SECRET_ACCESS_KEY: 'ops-secret-not-a-canary', AWS_REGION: 'us-east-1' });
  const args = ['apply', '--yes', '--spec', spec, '--state-dir', join(dir, '.rampart')];
  const apply = () => runBin(args, env, dir);
  const audit = async () => {
    const run = await runBin(['audit', '--format', 'json', '--regions', REGIONS.join(',')], env, dir);
    return JSON.parse(run.stdout) as { results: { checkId: string; status: string; resource: string }[] };
  };
  return { emu, dir, env, args, apply, audit };
}

export const failing = (out: { results: { checkId: string; status: string }[] }) =>
  [...new Set(out.results.filter((r) => r.status === 'FAIL' || r.status === 'UNKNOWN').map((r) => `${r.checkId} ${r.status}`))].sort();

/** Starts the CLI and SIGKILLs it once the journal records `steps` finished steps. */
function killAfterSteps(args: string[], env: NodeJS.ProcessEnv, cwd: string, steps: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: 'ignore' });
    const journal = join(cwd, '.rampart', 'journal.jsonl');
    const timer = setInterval(() => {
      let done = 0;
      try {
        done = readFileSync(journal, 'utf8').split('\n').filter((l) => l.includes('"done"')).length;
      } catch {
        /* not written yet */
      }
      if (done >= steps) child.kill('SIGKILL');
    }, 5);
    child.on('exit', () => {
      clearInterval(timer);
      resolve();
    });
  });
}

/**
 * Kills apply after each step in turn (those with `killAfter % parts === part`: the steps are shared among test files
 * so that they run side by side), runs it again, and expects the account the uninterrupted apply made.
 */
export function killedAtEachStep(part: number, parts: number): void {
  it(`killed after each step in turn (part ${part + 1} of ${parts}), a second apply converges to the same account, with nothing made twice`, async () => {
    const reference = await setup();
    await reference.apply();
    reference.emu.confirmSubscriptions();
    const expected = failing(await reference.audit());
    const steps = readFileSync(join(reference.dir, '.rampart', 'journal.jsonl'), 'utf8').split('\n').filter((l) => l.includes('"done"')).length;
    expect(steps).toBeGreaterThan(30);

    for (let killAfter = 1; killAfter < steps; killAfter++) {
      if (killAfter % parts !== part) continue;
      const { emu, dir, env, args, apply, audit } = await setup();
      await killAfterSteps(args, env, dir, killAfter);
      const rerun = await apply();
      expect(rerun.code, `rerun after a kill at step ${killAfter}`).toBe(0);
      emu.confirmSubscriptions();
      expect(failing(await audit()), `after a kill at step ${killAfter}`).toEqual(expected);
      const made = emu.calls();
      for (const op of ['cloudtrail:CreateTrail', 'budgets:CreateBudget', 'iam:CreateUser', 'kms:CreateKey', 'config:PutConfigurationRecorder', 'guardduty:CreateDetector']) {
        expect(made[op] ?? 0, `${op} after a kill at step ${killAfter}`).toBeLessThanOrEqual(op.startsWith('config:') || op.startsWith('guardduty:') ? REGIONS.length : 1);
      }
    }
  }, 900_000);
}
