import type { Command } from 'commander';
import { allChecks } from '../checks/index.js';
import { renderChecksList } from '../report/checks-list.js';
import type { CommandState, Io } from './main.js';
import { oneOf, useColor } from './options.js';

export function registerChecks(program: Command, io: Io, _state: CommandState): void {
  program
    .command('checks')
    .description('list every check with its id, area, severity and sources')
    .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
    .action((opts: { format: 'text' | 'json' }) => {
      io.stdout.write(renderChecksList(allChecks, { format: opts.format, color: useColor(io.stdout, io.env) }));
    });
}
