import type { Command } from 'commander';
import { writeFileAtomic } from '../util/atomic-write.js';
import { assertWritable } from '../util/writable.js';
import { addAwsOptions, collectFromAws, type AwsOptions } from './collect.js';
import type { CommandState, Io } from './main.js';

export function registerSnapshot(program: Command, io: Io, _state: CommandState): void {
  addAwsOptions(
    program
      .command('snapshot')
      .description('collect the account state and save it, to audit offline later with `rampart audit --snapshot`')
      .requiredOption('-o, --output <file>', 'where to write the snapshot (- for stdout)'),
  )
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (opts: AwsOptions & { output: string }) => {
      if (opts.output !== '-') await assertWritable(opts.output);
      const snapshot = await collectFromAws(opts, io);
      const json = `${JSON.stringify(snapshot, null, 2)}\n`;
      if (opts.output === '-') io.stdout.write(json);
      else {
        await writeFileAtomic(opts.output, json, { mode: 0o600 });
        if (!opts.quiet) {
          const failed = snapshot.errors.length ? `; ${snapshot.errors.length} calls failed (see "errors")` : '';
          io.stderr.write(`rampart: snapshot of account ${snapshot.account.id} written to ${opts.output}${failed}\n`);
        }
      }
    });
}
