// Errors the CLI turns into one line on stderr and an exit code (DESIGN.md: 2 bad input, 3 could not run).

/** Bad usage or bad input: a malformed file, an unknown option value. Exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  override name = 'InputError';
}

/** The command itself could not run: no credentials, no network, AWS unreachable. Exit code 3. */
export class RunError extends Error {
  readonly exitCode = 3;
  override name = 'RunError';
}

/** The error as the CLI prints it after "rampart: ": its first line. */
export function oneLine(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? '';
  return `unexpected error: ${String(err).split('\n')[0] ?? ''}`;
}

export const exitCodeOf = (err: unknown): number =>
  err instanceof InputError || err instanceof RunError ? err.exitCode : 3;
