// The git side of `rampart scan`, for src/cli/scan.ts to call: the --history / --staged / --install-hook options, the
// findings of the chosen git source, and the hook installation. The detector is a parameter (scan.ts passes
// detectSecrets), so this file never depends on which detector runs.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { installHook, shellQuote, type HookInstall } from '../secrets/git/hook.js';
import type { ScanStats } from '../secrets/git/scan-stats.js';
import type { Detect, SecretFinding } from '../secrets/types.js';
import { InputError } from '../util/errors.js';
import type { Io } from './main.js';

export interface GitScanOptions {
  history?: boolean;
  staged?: boolean;
  installHook?: boolean;
  force?: boolean;
}

/** Adds the git options to the scan command. */
export const addGitOptions = (cmd: Command): Command =>
  cmd
    .option('--history', 'scan every blob reachable from any branch, tag, remote or stash, each once, with the commit that added it')
    .option('--staged', 'scan what `git commit` would commit now (the index), only lines it adds: for a pre-commit hook')
    .option('--install-hook', 'install a git pre-commit hook that runs `rampart scan --staged` and blocks a commit with a key')
    .option('--force', 'with --install-hook: keep an existing pre-commit hook as pre-commit.pre-rampart and run it first');

/** Whether the options ask for a git source at all (otherwise scan.ts walks the directory). */
export const wantsGit = (o: GitScanOptions): boolean => o.history === true || o.staged === true;

export interface GitSourceOptions {
  history?: boolean;
  staged?: boolean;
  /** The path given to `rampart scan`: any directory inside the repository. */
  cwd: string;
  detect: Detect;
  /** Skip blobs bigger than this (default 1 MiB, like the tree scanner). */
  maxBytes?: number;
  /** Filled in while scanning: blobs read, skipped, shallow clone. */
  stats?: ScanStats;
}

/** The findings of --history or --staged. Throws InputError (exit 2) for both at once or outside a repository. */
export function gitSources(opts: GitSourceOptions): AsyncIterable<SecretFinding> {
  if (opts.history && opts.staged) throw new InputError('--history and --staged scan different things (all commits, the next commit): use one');
  const source = { cwd: opts.cwd, detect: opts.detect, maxBytes: opts.maxBytes, stats: opts.stats };
  // Loaded when used: a scan of a tree (a pre-commit hook's too) should not load the git plumbing.
  if (opts.staged) return loaded(async () => (await import('../secrets/git/staged.js')).scanStaged(source));
  if (opts.history) return loaded(async () => (await import('../secrets/git/history.js')).scanHistory(source));
  throw new InputError('gitSources needs --history or --staged');
}

async function* loaded(start: () => Promise<AsyncIterable<SecretFinding>>): AsyncIterable<SecretFinding> {
  yield* await start();
}

/** What the scan read and skipped, as lines for stderr (never a secret: counts only). */
export function describeStats(stats: ScanStats, maxBytes = 1024 * 1024): string[] {
  const lines = [`scanned ${stats.blobsRead} blobs (${(stats.bytesRead / 1e6).toFixed(1)} MB)`];
  if (stats.skippedBinary + stats.skippedLarge > 0) {
    lines.push(`skipped ${stats.skippedBinary} binary blobs and ${stats.skippedLarge} over ${Math.round(maxBytes / 1024)} KiB`);
  }
  if (stats.shallow) lines.push('shallow clone: a secret may have been added before the oldest commit here (git fetch --unshallow to see all)');
  return lines;
}

/** `rampart scan [path] --install-hook [--force]`: installs the hook and says where, in one line. */
export async function runInstallHook(repoDir: string, opts: { force?: boolean }, io: Io): Promise<HookInstall> {
  const result = await installHook(repoDir, { force: opts.force === true, command: hookCommand(io.env) });
  const what = {
    installed: 'installed the pre-commit hook',
    updated: 'updated the pre-commit hook',
    chained: 'installed the pre-commit hook; the one that was there runs first, from pre-commit.pre-rampart,',
  }[result.action];
  io.stdout.write(`${what} at ${result.path}: commits that add an AWS key are now blocked\n`);
  return result;
}

/** `rampart` when it is on PATH (a global install), else this very node and bin/rampart.js (npx, a checkout). */
export function hookCommand(env: NodeJS.ProcessEnv): string {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, 'rampart'), constants.X_OK);
      return 'rampart';
    } catch {
      /* not here */
    }
  }
  const bin = fileURLToPath(new URL('../../bin/rampart.js', import.meta.url));
  return `${shellQuote(process.execPath)} ${shellQuote(bin)}`;
}
