// rampart policy: the IAM policy commands. The linter registers its own subcommand here at merge.
import type { Command } from 'commander';
import type { CommandState, Io } from './main.js';
import { registerPolicySimulate } from './policy-simulate.js';
import { registerPolicyTemplate } from './policy-template.js';

export function registerPolicy(program: Command, io: Io, state: CommandState): void {
  const group = program.command('policy').description('IAM policies: simulate requests offline, print templates');
  registerPolicySimulate(group, io, state);
  registerPolicyTemplate(group, io, state);
}
