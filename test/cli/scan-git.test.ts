// The git glue scan.ts calls. The last test runs the real CLI through the installed hook once the scan command
// exists (it is built on the secrets branch; after the merge this test runs, before it, it reports as skipped).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStats, gitSources, hookCommand, runInstallHook } from '../../src/cli/scan-git.js';
import { emptyStats } from '../../src/secrets/git/scan-stats.js';
import { InputError } from '../../src/util/errors.js';
import { collect, keyIdDetect, KEYS, TestRepo } from '../secrets/git-fixtures.js';
import { cleanAwsEnv, runBin } from './run-bin.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const repo = () => {
  const r = new TestRepo();
  cleanups.push(() => r.remove());
  return r;
};
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rampart-cli-git-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

describe('gitSources', () => {
  it('gives the history or the staged findings, and refuses both at once', async () => {
    const r = repo();
    r.commit({ 'old.txt': `${KEYS.removed}\n` });
    r.commit({ 'old.txt': null });
    r.write({ 'new.txt': `${KEYS.head}\n` });
    r.git('add', 'new.txt');
    const stats = emptyStats();
    const history = await collect(gitSources({ history: true, cwd: r.dir, detect: keyIdDetect, stats }));
    expect(history.map((f) => [f.secret, f.location.commit?.inHead])).toEqual([[KEYS.removed, false]]);
    expect(describeStats(stats)).toEqual(['scanned 1 blobs (0.0 MB)']);
    const staged = await collect(gitSources({ staged: true, cwd: r.dir, detect: keyIdDetect }));
    expect(staged.map((f) => f.secret)).toEqual([KEYS.head]);
    expect(() => gitSources({ history: true, staged: true, cwd: r.dir, detect: keyIdDetect })).toThrow(InputError);
  });
});

describe('hook installation from the CLI', () => {
  it('uses `rampart` when it is on PATH, else this node and bin/rampart.js', () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'rampart'), '#!/bin/sh\n');
    chmodSync(join(bin, 'rampart'), 0o755);
    expect(hookCommand({ PATH: `/nonexistent:${bin}` })).toBe('rampart');
    const fallback = hookCommand({ PATH: tempDir() });
    expect(fallback).toContain(process.execPath);
    expect(fallback).toMatch(/bin\/rampart\.js'?$/);
  });

  it('says where it installed the hook, and refuses to clobber a foreign one', async () => {
    const r = repo();
    const io = { stdout: new Capture(), stderr: new Capture(), env: { PATH: '' } };
    const result = await runInstallHook(r.dir, {}, io);
    expect(io.stdout.text).toBe(`installed the pre-commit hook at ${result.path}: commits that add an AWS key are now blocked\n`);
    writeFileSync(result.path, '#!/bin/sh\nexit 0\n');
    await expect(runInstallHook(r.dir, {}, io)).rejects.toThrow(/already exists; rerun with --force/);
  });
});

const scanCommandExists = (() => {
  try {
    return execFileSync(process.execPath, [join(import.meta.dirname, '../../bin/rampart.js'), 'scan', '--help'], { encoding: 'utf8', stdio: 'pipe' }).includes('--staged');
  } catch {
    return false;
  }
})();

describe.runIf(scanCommandExists)('rampart scan through git (needs the scan command)', () => {
  const realistic = 'AKIAZ4MNQ7RJXW2HVB5K';

  it('--install-hook installs a hook that blocks a real commit with a key; --history finds it after --no-verify', async () => {
    const r = repo();
    r.commit({ 'README.md': 'hi\n' });
    const env = cleanAwsEnv();
    const install = await runBin(['scan', r.dir, '--install-hook'], env);
    expect(install.code).toBe(0);
    r.write({ 'app.env': `AWS_ACCESS_KEY_ID=${realistic}\n` });
    r.git('add', '-A');
    const gitEnv = { ...env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' };
    let blocked = 0;
    try {
      execFileSync('git', ['commit', '-q', '-m', 'leak'], { cwd: r.dir, env: gitEnv, stdio: 'pipe' });
    } catch (err) {
      blocked = (err as { status: number }).status;
      expect(String((err as { stderr: Buffer }).stderr) + String((err as { stdout: Buffer }).stdout)).not.toContain(realistic);
    }
    expect(blocked).toBe(1);
    execFileSync('git', ['commit', '-q', '--no-verify', '-m', 'leak'], { cwd: r.dir, env: gitEnv, stdio: 'pipe' });
    const history = await runBin(['scan', r.dir, '--history', '--format', 'json'], env);
    expect(history.code).toBe(1);
    expect(history.stdout).not.toContain(realistic);
    expect(history.stdout).toContain(r.git('rev-parse', 'HEAD'));
    expect(readFileSync(join(r.dir, '.git/hooks/pre-commit'), 'utf8')).toContain('scan --staged');
  });
});
