// `rampart policy`: the IAM policy tools, all offline: lint, simulate, template.
import type { Command } from 'commander';
import type { CommandState, Io } from './main.js';
import { registerPolicyLint } from './policy-lint.js';
import { registerPolicySimulate } from './policy-simulate.js';
import { registerPolicyTemplate } from './policy-template.js';

export function registerPolicy(program: Command, io: Io, state: CommandState): void {
  const group = program.command('policy').description('IAM policies, offline: lint them, simulate requests against them, print templates');
  registerPolicyLint(group, io, state);
  registerPolicySimulate(group, io, state);
  registerPolicyTemplate(group, io, state);
}
