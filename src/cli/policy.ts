// `rampart policy`: the command group for IAM policy tools (lint here; simulate and template join it at merge).
import type { Command } from 'commander';
import type { CommandState, Io } from './main.js';
import { registerPolicyLint } from './policy-lint.js';

export function registerPolicy(program: Command, io: Io, state: CommandState): Command {
  const group = program.command('policy').description('IAM policy tools: lint, offline and fast');
  registerPolicyLint(group, io, state);
  return group;
}
