// The rampart program: commander wiring and the one place errors become exit codes.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { exitCodeOf, InputError } from '../util/errors.js';
import { registerApply } from './apply.js';
import { registerAudit } from './audit.js';
import { registerChecks } from './checks.js';
import { registerDiff } from './diff.js';
import { registerCreds } from './creds.js';
import { registerInit } from './init.js';
import { registerPlan } from './plan.js';
import { registerPolicy } from './policy.js';
import { registerScan } from './scan.js';
import { registerSnapshot } from './snapshot.js';
import { registerTrail } from './trail.js';

export interface Io {
  /** Where confirmations are read from; absent (tests, pipes) means not a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Set by each command's action: the exit code it decided (0 or 1). */
export interface CommandState {
  exitCode: number;
}

export function buildProgram(io: Io, state: CommandState): Command {
  const program = new Command('rampart')
    .description('Secure an AWS account and keep it secure.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'rampart: ')),
    });
  registerAudit(program, io, state);
  registerSnapshot(program, io, state);
  registerChecks(program, io, state);
  registerPlan(program, io, state);
  registerApply(program, io, state);
  registerInit(program, io, state);
  registerTrail(program, io, state);
  registerDiff(program, io, state);
  registerPolicy(program, io, state);
  registerScan(program, io, state);
  registerCreds(program, io, state);
  return program;
}

/** Runs rampart with argv (as process.argv) and returns the exit code; never throws. */
export async function main(argv: string[], io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const state: CommandState = { exitCode: 0 };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv);
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successful exits; every other commander error is bad usage.
      return err.exitCode === 0 ? 0 : 2;
    }
    const debug = argv.includes('--debug');
    io.stderr.write(`rampart: ${oneLine(err)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return exitCodeOf(err);
  }
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n')[0] ?? '';
  return err instanceof InputError || err instanceof Error ? line : `unexpected error: ${line}`;
}
