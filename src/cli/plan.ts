// `rampart plan`: what apply would do to the account, step by step; changes nothing.
import type { Command } from 'commander';
import { renderPlanJson } from '../report/plan-json.js';
import { renderPlanText } from '../report/plan-text.js';
import type { AwsOptions } from './collect.js';
import { addBaselineOptions, planFromAws, type SpecOptions } from './baseline.js';
import type { CommandState, Io } from './main.js';
import { oneOf, useColor } from './options.js';

interface PlanOptions extends SpecOptions, AwsOptions {
  format: 'text' | 'json';
  color: boolean;
}

export function registerPlan(program: Command, io: Io, state: CommandState): void {
  addBaselineOptions(program.command('plan').description('compare the account with the baseline spec and show the steps apply would take'))
    .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--no-color', 'no colour even on a terminal')
    .action(async (opts: PlanOptions) => {
      const { session, context, steps } = await planFromAws(opts, io);
      try {
        if (opts.format === 'json') io.stdout.write(renderPlanJson(steps));
        else {
          const header = { accountId: context.snapshot.account.id, alias: context.snapshot.account.alias, callerArn: context.caller.arn, regions: context.regions };
          io.stdout.write(renderPlanText(steps, header, { color: opts.color && useColor(io.stdout, io.env) }));
        }
        state.exitCode = 0;
      } finally {
        session.close();
      }
    });
}
