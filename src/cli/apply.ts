// `rampart apply`: plan, show the plan, confirm, run it step by step with a journal, report each step and what
// remains for a person. Exit 0 when every change was made, 1 when some failed or were refused, 3 when it could not run.
import { confirm, isCancel } from '@clack/prompts';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { applyExitCode, applyPlan } from '../baseline/apply.js';
import { interruptedSteps, openJournal, readJournal } from '../baseline/journal.js';
import { secretSink } from '../baseline/secret-sink.js';
import { DEFAULT_STATE_DIR } from '../baseline/state-dir.js';
import type { Step } from '../baseline/types.js';
import { idWidth, renderApplySummary, renderPlanText, renderStepResult } from '../report/plan-text.js';
import { InputError } from '../util/errors.js';
import type { AwsOptions } from './collect.js';
import { addBaselineOptions, planFromAws, type SpecOptions } from './baseline.js';
import type { CommandState, Io } from './main.js';
import { useColor } from './options.js';

interface ApplyOptions extends SpecOptions, AwsOptions {
  yes?: boolean;
  stateDir: string;
  color: boolean;
}

const isChange = (step: Step): boolean => (step.kind === 'create' || step.kind === 'update') && !step.refused;

export function registerApply(program: Command, io: Io, state: CommandState): void {
  addBaselineOptions(program.command('apply').description('make the account match the baseline spec, step by step, after a confirmation'))
    .option('-y, --yes', 'apply without asking (required when not on a terminal)')
    .option('--state-dir <dir>', 'where the journal and one-time secrets go', DEFAULT_STATE_DIR)
    .option('-q, --quiet', 'no progress on stderr')
    .option('--no-color', 'no colour even on a terminal')
    .action(async (opts: ApplyOptions) => {
      const interactive = io.stdin?.isTTY === true;
      // Before minutes of collection: a script that forgot --yes learns it at once.
      if (!opts.yes && !interactive) throw new InputError('refusing to change the account without --yes when not on a terminal');
      const color = opts.color && useColor(io.stdout, io.env);
      const { session, context, steps } = await planFromAws(opts, io);
      try {
        const header = { accountId: context.snapshot.account.id, alias: context.snapshot.account.alias, callerArn: context.caller.arn, regions: context.regions };
        io.stdout.write(renderPlanText(steps, header, { color, manualDetails: false }));
        const interrupted = interruptedSteps(await readJournal(opts.stateDir));
        if (interrupted.length) {
          io.stderr.write(`rampart: the last apply stopped during ${interrupted.join(', ')}; this plan is made from the account as it is now, so it goes on from there\n`);
        }
        const changes = steps.filter(isChange).length;
        if (changes > 0 && !opts.yes) {
          const answer = await confirm({
            message: `Apply ${changes} change${changes === 1 ? '' : 's'} to account ${context.snapshot.account.id}?`,
            initialValue: false,
            // The prompt goes to stderr: stdout keeps only the plan and the results. Io's streams are the process's.
            ...(io.stdin ? { input: io.stdin as Readable } : {}),
            output: io.stderr as Writable,
          });
          if (isCancel(answer) || answer !== true) {
            io.stderr.write('rampart: apply cancelled; nothing was changed\n');
            state.exitCode = 1;
            return;
          }
        }
        const journal = await openJournal(opts.stateDir);
        const width = idWidth(steps);
        const summary = await applyPlan(steps, { ...context, session, secrets: secretSink(opts.stateDir) }, {
          journal,
          onEvent: (event) => {
            // The plan above already shows the steps with nothing to run.
            if (event.type === 'result' && event.outcome !== 'noop' && event.outcome !== 'manual') {
              io.stdout.write(renderStepResult(event, { color, idWidth: width }));
            }
          },
        });
        io.stdout.write(renderApplySummary(summary, { color, journalPath: journal.path }));
        state.exitCode = applyExitCode(summary);
      } finally {
        session.close();
      }
    });
}
