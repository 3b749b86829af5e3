// `rampart init`: the guided first day. Who am I and how the account looks (a quick audit); the few answers rampart
// needs (prompts on a terminal, one line each from a pipe); rampart.yaml written; the plan shown and applied on
// confirmation; what only a person can do, with a re-check on a terminal; the audit score before and after.
// Exit 0 done (manual steps may remain), 1 a step failed or was refused (or the person stopped), 2 bad input, 3 could not run.
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { createSession, type Session } from '../aws/session.js';
import { applyExitCode, applyPlan } from '../baseline/apply.js';
import { parseEmails, parseAmount, parseRegions, parseUserName, specYaml, INIT_DEFAULTS, type InitAnswers } from '../baseline/init/answers.js';
import { pipedPrompter, PromptCancelled, terminalPrompter, type Prompter } from '../baseline/init/prompter.js';
import { formatScore, quickAudit, rootItems, whoAmI, type QuickAudit } from '../baseline/init/whoami.js';
import { openJournal } from '../baseline/journal.js';
import { loadSpec } from '../baseline/load-spec.js';
import { callerOf, makePlan, planRegions, ROOT_REFUSAL } from '../baseline/plan.js';
import { signInUrl } from '../baseline/resources/admin-users.js';
import { secretSink } from '../baseline/secret-sink.js';
import type { BaselineSpec } from '../baseline/spec.js';
import { DEFAULT_STATE_DIR } from '../baseline/state-dir.js';
import type { Step } from '../baseline/types.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import { idWidth, renderApplySummary, renderPlanText, renderStepResult } from '../report/plan-text.js';
import { exists, writeFileAtomic } from '../util/atomic-write.js';
import { InputError } from '../util/errors.js';
import { addAwsOptions, collectWithSession, type AwsOptions } from './collect.js';
import { DEFAULT_SPEC_FILE } from './baseline.js';
import type { CommandState, Io } from './main.js';
import { useColor } from './options.js';

interface InitOptions extends AwsOptions {
  spec: string;
  yes?: boolean;
  stateDir: string;
  color: boolean;
}

const isChange = (step: Step): boolean => (step.kind === 'create' || step.kind === 'update') && !step.refused;

export function registerInit(program: Command, io: Io, state: CommandState): void {
  addAwsOptions(program.command('init').description('the guided first day: create the daily admin, write rampart.yaml, apply it, walk through what only you can do'))
    .option('--spec <file>', 'the spec to write (or, with --yes, to use when it exists)', DEFAULT_SPEC_FILE)
    .option('-y, --yes', 'no confirmations; with an existing --spec, no questions either')
    .option('--state-dir <dir>', 'where the journal and one-time secrets go', DEFAULT_STATE_DIR)
    .option('-q, --quiet', 'no progress on stderr')
    .option('--no-color', 'no colour even on a terminal')
    .action(async (opts: InitOptions) => {
      const color = opts.color && useColor(io.stdout, io.env);
      const specExists = await exists(opts.spec);
      // Bad input and missing answers are found before any AWS call.
      const preset = opts.yes && specExists ? await loadSpec(opts.spec) : null;
      if (!preset && !io.stdin) {
        throw new InputError('rampart init needs answers: run it on a terminal, pipe the answers on stdin, or pass --yes --spec FILE with an existing spec');
      }
      const prompter: Prompter | null = !io.stdin ? null : io.stdin.isTTY === true ? terminalPrompter(io.stdin as Readable, io.stderr as Writable) : pipedPrompter(io.stdin as Readable);
      const session = createSession({ profile: opts.profile, region: opts.region });
      try {
        state.exitCode = await runInit({ opts, io, color, session, prompter, preset, specExists });
      } catch (err) {
        if (!(err instanceof PromptCancelled)) throw err;
        io.stderr.write('rampart: init stopped; nothing more was changed\n');
        state.exitCode = 1;
      } finally {
        prompter?.close();
        session.close();
      }
    });
}

interface InitRun {
  opts: InitOptions;
  io: Io;
  color: boolean;
  session: Session;
  prompter: Prompter | null;
  preset: BaselineSpec | null;
  specExists: boolean;
}

async function runInit({ opts, io, color, session, prompter, preset, specExists }: InitRun): Promise<number> {
  const out = (line = ''): void => void io.stdout.write(`${line}\n`);
  await session.getCredentialsOrFail();
  const { accessKeyId } = await session.credentials();

  // 1. Who am I, and the account as it is.
  const regionsWanted = opts.regions?.length ? opts.regions : preset?.regions;
  const snapshot = await collectWithSession(session, { ...opts, ...(regionsWanted ? { regions: regionsWanted } : {}) }, io);
  const caller = callerOf(snapshot, accessKeyId);
  const who = whoAmI(snapshot, caller);
  const before = quickAudit(snapshot);
  out(who.message);
  out(`Audit now: score ${formatScore(before.score)}, ${before.critical} critical and ${before.high} high failing.`);
  out();

  // 2 and 3. The answers and rampart.yaml (or the existing spec).
  const spec = preset ?? (await specFromAnswers({ opts, prompter: prompter!, snapshot, adminNeeded: who.kind !== 'admin-user', specExists, out }));

  const regions = spec.regions ?? planRegions(snapshot, spec, session.region);
  const context = { snapshot, spec, caller, regions };
  const steps = makePlan(context);
  // As root, the steps left to the admin user are one line, not thirty: root is here for the bootstrap only.
  const forAdmin = caller.isRoot ? steps.filter((s) => s.refused) : [];
  const shown = caller.isRoot ? steps.filter((s) => !s.refused) : steps;
  io.stdout.write(renderPlanText(shown, { accountId: snapshot.account.id, alias: snapshot.account.alias, callerArn: caller.arn, regions }, { color, manualDetails: false }));
  if (forAdmin.length) out(`${forAdmin.length} more step${forAdmin.length === 1 ? ' is' : 's are'} for your admin user, not root (${forAdmin[0]!.refused}).\n`);

  const changes = steps.filter(isChange).length;
  if (changes > 0 && !opts.yes) {
    const go = await prompter!.confirm(`Apply ${changes} change${changes === 1 ? '' : 's'} to account ${snapshot.account.id}?`, false);
    if (!go) {
      io.stderr.write('rampart: apply cancelled; nothing was changed\n');
      return 1;
    }
  }

  const secretPaths: string[] = [];
  const sink = secretSink(opts.stateDir);
  const journal = await openJournal(opts.stateDir);
  const width = idWidth(steps);
  const summary = await applyPlan(steps, { ...context, session, secrets: async (name, secret) => {
    const path = await sink(name, secret);
    secretPaths.push(path);
    return path;
  } }, {
    journal,
    onEvent: (event) => {
      if (event.type !== 'result' || event.outcome === 'noop' || event.outcome === 'manual') return;
      if (!(caller.isRoot && event.outcome === 'refused')) io.stdout.write(renderStepResult(event, { color, idWidth: width }));
    },
  });
  io.stdout.write(renderApplySummary(summary, { color, journalPath: journal.path }));

  const alias = typeof spec.accountAlias === 'string' ? spec.accountAlias : null;
  out();
  out(`Sign-in URL: ${signInUrl(snapshot, alias)}`);
  for (const path of secretPaths) out(`First console password (change it at first sign-in): in ${path} (readable only by you; delete it once you have signed in)`);
  if (caller.isRoot && summary.refused.length) {
    const admin = spec.admins !== false ? spec.admins.users[0] : undefined;
    out(`Next: sign in as ${admin ?? 'your admin user'} and run rampart apply to do the ${summary.refused.length} step${summary.refused.length === 1 ? '' : 's'} root leaves to it.`);
  }

  // 4. What only a person can do, re-checked on a terminal.
  await manualSteps({ opts, io, session, snapshot, prompter, out });

  const afterSnapshot = await collectWithSession(session, { ...opts, ...(spec.regions ? { regions: spec.regions } : {}) }, io);
  const after = quickAudit(afterSnapshot);
  out();
  out(scoreLine(before, after));
  // The first day as root does only the bootstrap by design: what root leaves to the admin is the plan, not a failure.
  return applyExitCode({ ...summary, refused: summary.refused.filter((r) => !r.step.refused?.startsWith(ROOT_REFUSAL)) });
}

const scoreLine = (before: QuickAudit, after: QuickAudit): string =>
  `Audit score: before ${formatScore(before.score)} (${before.critical} critical, ${before.high} high failing), after ${formatScore(after.score)} (${after.critical} critical, ${after.high} high failing).`;

async function specFromAnswers(args: {
  opts: InitOptions;
  prompter: Prompter;
  snapshot: AccountSnapshot;
  adminNeeded: boolean;
  specExists: boolean;
  out: (line?: string) => void;
}): Promise<BaselineSpec> {
  const { opts, prompter, snapshot, adminNeeded, specExists, out } = args;
  if (specExists) {
    const replace = await prompter.confirm(`${opts.spec} already exists. Replace it with new answers? (no: use it as it is)`, false);
    if (!replace) return loadSpec(opts.spec);
  }
  const enabled = snapshot.regions?.enabled;
  const answers: InitAnswers = {
    alertEmails: await prompter.ask({ message: 'Alert email(s), comma-separated:', parse: parseEmails }),
    budgetAmount: await prompter.ask({ message: 'Monthly budget amount (USD):', initial: String(INIT_DEFAULTS.budgetAmount), parse: parseAmount }),
    adminUser: adminNeeded ? await prompter.ask({ message: 'Name of your daily admin user:', initial: INIT_DEFAULTS.adminUser, parse: parseUserName }) : null,
    regions: await prompter.ask({ message: `Regions (comma-separated, or "all" for every enabled one${enabled?.length ? `: ${enabled.length}` : ''}):`, initial: 'all', parse: (s) => parseRegions(s, enabled) }),
  };
  const { text, spec } = specYaml(answers);
  await writeFileAtomic(opts.spec, text, { mode: 0o644 });
  out(`Wrote ${opts.spec}.`);
  out();
  return spec;
}

async function manualSteps(args: { opts: InitOptions; io: Io; session: Session; snapshot: AccountSnapshot; prompter: Prompter | null; out: (line?: string) => void }): Promise<void> {
  const { opts, io, session, prompter, out } = args;
  let items = rootItems(args.snapshot).filter((i) => !i.done);
  out();
  // The console steps for each are in "What only you can do" above.
  if (!items.length) out('Root: MFA is on and root has no access keys.');
  else out(`Still to do by hand, as root in the console (steps above): ${items.map((i) => i.check.title).join('; ')}.`);
  if (!items.length || !prompter?.interactive || opts.yes) return;
  while (items.length) {
    if (!(await prompter.waitForEnter('Press Enter when done, or q to stop'))) return;
    const fresh = await collectWithSession(session, { ...opts, quiet: true }, io, ['identity']);
    items = rootItems(fresh).filter((i) => !i.done);
    if (!items.length) out('Done: root has MFA and no access keys.');
    else for (const item of items) out(`Not yet: ${item.check.title}: ${item.message}`);
  }
}
