// The rampart program: commander wiring and the one place errors become exit codes.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { exitCodeOf, oneLine } from '../util/errors.js';

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

type Register = (program: Command, io: Io, state: CommandState) => void;

/**
 * Each command's module, loaded only when that command runs: `rampart scan` in a pre-commit hook should not pay for
 * loading twenty AWS SDK clients. The order is the order of `rampart --help`.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  audit: async () => (await import('./audit.js')).registerAudit,
  snapshot: async () => (await import('./snapshot.js')).registerSnapshot,
  checks: async () => (await import('./checks.js')).registerChecks,
  plan: async () => (await import('./plan.js')).registerPlan,
  apply: async () => (await import('./apply.js')).registerApply,
  init: async () => (await import('./init.js')).registerInit,
  diff: async () => (await import('./diff.js')).registerDiff,
  policy: async () => (await import('./policy.js')).registerPolicy,
  scan: async () => (await import('./scan.js')).registerScan,
  trail: async () => (await import('./trail.js')).registerTrail,
  creds: async () => (await import('./creds.js')).registerCreds,
};

/** The command argv names (the first word that is not an option), or every command for help and typos. */
function commandsFor(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined && (args.includes('--version') || args.includes('-V'))) return [];
  return first !== undefined && first in COMMANDS ? [first] : Object.keys(COMMANDS);
}

export async function buildProgram(io: Io, state: CommandState, argv: readonly string[] = []): Promise<Command> {
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
  const names = commandsFor(argv);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, io, state);
  return program;
}

/** Runs rampart with argv (as process.argv) and returns the exit code; never throws. */
export async function main(argv: string[], io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const state: CommandState = { exitCode: 0 };
  try {
    const program = await buildProgram(io, state, argv);
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
