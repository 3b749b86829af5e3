// Running git: one place that turns "git is missing", "not a repository" and a failing git command into the errors
// the CLI prints as one line (InputError: exit 2; RunError: exit 3).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { InputError, RunError } from '../../util/errors.js';

/** A running git process whose failure surfaces when its output has been consumed (`done`). */
export interface GitProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when git exits 0; rejects with a one-line error otherwise. */
  readonly done: Promise<void>;
}

export function startGit(cwd: string, args: string[]): GitProcess {
  const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    if (stderr.length < 4096) stderr += s;
  });
  // A consumer that stops early closes stdin under git's feet; that is not an error worth crashing on.
  child.stdin.on('error', () => undefined);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new RunError('git is not installed (or not on PATH): it is needed to scan a repository') : err),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(gitError(cwd, args, stderr, code, signal));
    });
  });
  // Rejections are observed by whoever awaits `done`; never let an unobserved one crash the process.
  done.catch(() => undefined);
  return { child, done };
}

/** Runs git to completion and returns its stdout. */
export async function gitOutput(cwd: string, args: string[], input?: string): Promise<Buffer> {
  const git = startGit(cwd, args);
  const chunks: Buffer[] = [];
  git.child.stdout.on('data', (c: Buffer) => chunks.push(c));
  git.child.stdin.end(input);
  await git.done;
  return Buffer.concat(chunks);
}

/** The repository's work tree or git dir for `dir`; a directory outside any repository is bad input. */
export async function assertRepository(dir: string): Promise<void> {
  try {
    await gitOutput(dir, ['rev-parse', '--git-dir']);
  } catch (err) {
    if (err instanceof RunError) throw err;
    throw new InputError(`not a git repository: ${dir}`);
  }
}

/** HEAD's commit id, or undefined in a repository without commits (an unborn branch). */
export async function headCommit(dir: string): Promise<string | undefined> {
  const out = (await gitOutput(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}']).catch(() => Buffer.alloc(0)))
    .toString('utf8')
    .trim();
  return out === '' ? undefined : out;
}

function gitError(cwd: string, args: string[], stderr: string, code: number | null, signal: NodeJS.Signals | null): Error {
  const why = stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
  return new InputError(`git ${args[0]} failed in ${cwd}: ${why}`);
}
