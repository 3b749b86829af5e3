// `rampart scan --install-hook`: a git pre-commit hook that runs `rampart scan --staged` and blocks the commit when it
// finds a key. It goes where git will run it (core.hooksPath is honoured) and never silently replaces someone's hook.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic, exists } from '../../util/atomic-write.js';
import { InputError } from '../../util/errors.js';
import { assertRepository, gitOutput } from './run-git.js';

/** The line that marks a hook as ours: reinstalling over it is an update, not a clobber. */
export const HOOK_MARKER = '# rampart-scan pre-commit hook';
/** Where --force keeps the hook that was there before; ours runs it first. */
export const CHAINED_NAME = 'pre-commit.pre-rampart';

export interface HookOptions {
  /** Keep an existing foreign hook as pre-commit.pre-rampart and run it before the scan. */
  readonly force?: boolean;
  /** How the hook invokes rampart (shell words, already quoted). */
  readonly command?: string;
}

export interface HookInstall {
  readonly path: string;
  readonly action: 'installed' | 'updated' | 'chained';
}

export async function installHook(repoDir: string, opts: HookOptions = {}): Promise<HookInstall> {
  await assertRepository(repoDir);
  // --git-path honours core.hooksPath and linked worktrees; it answers relative to repoDir.
  const hooksDir = resolve(repoDir, (await gitOutput(repoDir, ['rev-parse', '--git-path', 'hooks'])).toString('utf8').trim());
  const path = join(hooksDir, 'pre-commit');
  const chained = join(hooksDir, CHAINED_NAME);
  const current = (await exists(path)) ? await readFile(path, 'utf8') : undefined;
  let action: HookInstall['action'] = current === undefined ? 'installed' : 'updated';
  if (current !== undefined && !current.includes(HOOK_MARKER)) {
    const whose = current.includes('pre-commit.com') ? ' (the pre-commit framework\'s: add the rampart-scan hook to .pre-commit-config.yaml instead)' : '';
    if (!opts.force) throw new InputError(`${path} already exists${whose}; rerun with --force to keep it as ${CHAINED_NAME} and run it before the scan`);
    if (await exists(chained)) throw new InputError(`${chained} already exists: move it away, then rerun with --force`);
    await rename(path, chained);
    action = 'chained';
  }
  await mkdir(hooksDir, { recursive: true });
  await writeFileAtomic(path, hookScript(opts.command ?? 'rampart'), { mode: 0o755, backup: false });
  return { path, action };
}

export function hookScript(command: string): string {
  return `#!/bin/sh
${HOOK_MARKER}: installed by \`rampart scan --install-hook\`; run that again to update it, delete this file to remove it.
# Blocks a commit whose staged changes add an AWS key (\`rampart scan --staged\` exits 1). \`git commit --no-verify\` skips it.
hooks=$(dirname "$0")
if [ -x "$hooks/${CHAINED_NAME}" ]; then
  "$hooks/${CHAINED_NAME}" "$@" || exit $?
fi
${command} scan --staged
status=$?
case $status in
  0) ;;
  1) echo "rampart: commit blocked: the staged changes add an AWS key. Remove it, and if it was ever live, deactivate it." >&2 ;;
  127) echo "rampart: not found by the pre-commit hook ($hooks/pre-commit): reinstall it with rampart scan --install-hook" >&2 ;;
  *) echo "rampart: the pre-commit scan could not run (exit $status)" >&2 ;;
esac
exit $status
`;
}

/** A word safe to paste into a POSIX shell command. */
export const shellQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
