import type { Command } from 'commander';
import { compareAudits, regressionsAtOrAbove } from '../diff/compare.js';
import { compareInventory } from '../diff/inventory.js';
import { loadDiffSide } from '../diff/load.js';
import { renderDiffJson, renderDiffText, type DiffReport } from '../diff/report.js';
import { InputError } from '../util/errors.js';
import type { CommandState, Io } from './main.js';
import { failOn, oneOf, type FailOn } from './options.js';

interface DiffOptions {
  format: 'text' | 'json';
  failOn: FailOn;
  anyAccount?: boolean;
}

export function registerDiff(program: Command, io: Io, state: CommandState): void {
  program
    .command('diff')
    .description('what got better, worse, new or gone between two snapshots or two saved audits (JSON)')
    .argument('<old>', 'the older snapshot or `rampart audit --format json` output')
    .argument('<new>', 'the newer one')
    .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
    .option('--fail-on <severity>', 'exit 1 when something got worse (or newly fails) at this severity or worse (or none)', failOn, 'low')
    .option('--any-account', 'compare even when the two files are of different accounts')
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => {
      const [older, newer] = await Promise.all([loadDiffSide(oldFile), loadDiffSide(newFile)]);
      if (older.audit.account.id !== newer.audit.account.id && !opts.anyAccount) {
        throw new InputError(
          `${oldFile} is account ${older.audit.account.id} but ${newFile} is account ${newer.audit.account.id}; pass --any-account to compare them anyway`,
        );
      }
      if (Date.parse(older.audit.collectedAt) > Date.parse(newer.audit.collectedAt)) {
        io.stderr.write(`rampart: note: ${oldFile} was collected after ${newFile}; "worse" and "better" read from the first to the second\n`);
      }
      const report: DiffReport = {
        older,
        newer,
        diff: compareAudits(older.audit, newer.audit),
        ...(older.snapshot && newer.snapshot ? { inventory: compareInventory(older.snapshot, newer.snapshot) } : {}),
      };
      io.stdout.write(opts.format === 'json' ? renderDiffJson(report) : renderDiffText(report));
      state.exitCode = opts.failOn !== 'none' && regressionsAtOrAbove(report.diff, opts.failOn).length > 0 ? 1 : 0;
    });
}
