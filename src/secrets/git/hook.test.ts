import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, useTestRepos, type TestRepo } from '../../../test/secrets/git-fixtures.js';
import { InputError } from '../../util/errors.js';
import { CHAINED_NAME, HOOK_MARKER, installHook, shellQuote } from './hook.js';

const repo = useTestRepos();

// The scan command itself is built on another branch: the hook here runs a stand-in with the same contract
// (`<command> scan --staged`, exit 1 on a finding) over the built scanStaged, so the commit really goes through git.
const STAGED = pathToFileURL(join(import.meta.dirname, '../../../dist/secrets/git/staged.js')).href;
function standIn(dir: string): string {
  const path = join(dir, '.stand-in scan.mjs');
  writeFileSync(
    path,
    `import { scanStaged } from ${JSON.stringify(STAGED)};
if (process.argv.slice(2).join(' ') !== 'scan --staged') process.exit(99);
const detect = (text, path) => [...text.matchAll(/AKIA[A-Z2-7]{16}/g)].map((m) => ({ secret: m[0], location: { path, line: text.slice(0, m.index).split('\\n').length } }));
let found = 0;
for await (const f of scanStaged({ cwd: process.cwd(), detect })) {
  found++;
  console.log(f.location.path + ':' + f.location.line + ' ' + f.secret.slice(0, 4) + '************' + f.secret.slice(-4));
}
process.exit(found > 0 ? 1 : 0);
`,
  );
  return `${shellQuote(process.execPath)} ${shellQuote(path)}`;
}

/** git commit through the hook; the exit code and what it printed. */
function commit(r: TestRepo, ...args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'test', ...args], {
      cwd: r.dir,
      env: { PATH: process.env.PATH, HOME: r.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe('installHook', () => {
  it('blocks a commit that adds a key and lets a clean one through', async () => {
    const r = repo();
    r.commit({ 'README.md': 'hi\n' });
    const installed = await installHook(r.dir, { command: standIn(r.dir) });
    expect(installed).toEqual({ path: join(r.dir, '.git/hooks/pre-commit'), action: 'installed' });
    expect(statSync(installed.path).mode & 0o111).not.toBe(0);

    const head = r.git('rev-parse', 'HEAD');
    r.write({ 'deploy/.env': `AWS_ACCESS_KEY_ID=${KEYS.other}\n` });
    r.git('add', '-A');
    const blocked = commit(r);
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain('deploy/.env:1 AKIA************DFGH');
    expect(blocked.output).toContain('commit blocked');
    expect(blocked.output).not.toContain(KEYS.other);
    expect(r.git('rev-parse', 'HEAD')).toBe(head);

    r.write({ 'deploy/.env': 'AWS_PROFILE=deploy\n' });
    r.git('add', '-A');
    expect(commit(r).code).toBe(0);
    expect(r.git('rev-parse', 'HEAD')).not.toBe(head);

    // commit -a stages into a temporary index: the hook must see that one.
    r.write({ 'README.md': `hi ${KEYS.side}\n` });
    expect(commit(r, '-a').code).toBe(1);
  });

  it('honours core.hooksPath, updates its own hook, and never clobbers someone else\'s without --force', async () => {
    const r = repo();
    r.commit({ 'README.md': 'hi\n' });
    r.git('config', 'core.hooksPath', '.githooks');
    const command = standIn(r.dir);
    const first = await installHook(r.dir, { command });
    expect(first.path).toBe(join(r.dir, '.githooks/pre-commit'));
    expect(await installHook(r.dir, { command })).toMatchObject({ action: 'updated' });

    // Someone else's hook: refused, then chained with --force; it runs first and can block on its own.
    const theirs = '#!/bin/sh\necho "their hook ran" >&2\n[ ! -e "$(git rev-parse --show-toplevel)/STOP" ]\n';
    writeFileSync(first.path, theirs, { mode: 0o755 });
    await expect(installHook(r.dir, { command })).rejects.toThrow(InputError);
    await expect(installHook(r.dir, { command })).rejects.toThrow(/pre-commit already exists; rerun with --force/);
    expect(readFileSync(first.path, 'utf8')).toBe(theirs);
    expect(await installHook(r.dir, { command, force: true })).toMatchObject({ action: 'chained' });
    expect(readFileSync(join(r.dir, '.githooks', CHAINED_NAME), 'utf8')).toBe(theirs);
    expect(readFileSync(first.path, 'utf8')).toContain(HOOK_MARKER);

    r.write({ 'a.txt': `${KEYS.head}\n` });
    r.git('add', '-A');
    const blocked = commit(r);
    expect(blocked).toMatchObject({ code: 1 });
    expect(blocked.output).toContain('their hook ran');
    r.write({ 'a.txt': 'clean\n', STOP: '' });
    r.git('add', 'a.txt');
    expect(commit(r).code).toBe(1); // their hook said no
    r.write({ STOP: null });
    expect(commit(r).code).toBe(0);
    expect(existsSync(join(r.dir, '.git/hooks/pre-commit'))).toBe(false);
  });
});
