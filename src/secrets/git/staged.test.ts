import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, keyIdDetect, KEYS, useTestRepos } from '../../../test/secrets/git-fixtures.js';
import { InputError } from '../../util/errors.js';
import { emptyStats } from './scan-stats.js';
import { scanStaged } from './staged.js';

const repo = useTestRepos();

const staged = (cwd: string, stats = emptyStats()) => collect(scanStaged({ cwd, detect: keyIdDetect, stats }));
const where = (findings: { secret: string; location: { path: string; line: number } }[]) =>
  findings.map((f) => [f.secret, f.location.path, f.location.line]);

describe('scanStaged', () => {
  it('reads the index, not the work tree: a staged key removed from the file is still found', async () => {
    const r = repo();
    r.commit({ 'README.md': 'hi\n' });
    r.write({ 'app/.env': `# local\nREGION=x\nAWS_ACCESS_KEY_ID=${KEYS.other}\n` });
    r.git('add', 'app/.env');
    r.write({ 'app/.env': '# local\nREGION=x\n' }); // cleaned in the work tree, but not staged
    expect(where(await staged(r.dir))).toEqual([[KEYS.other, 'app/.env', 3]]);
  });

  it('does not see a key that is only in the work tree', async () => {
    const r = repo();
    r.commit({ 'README.md': 'hi\n' });
    r.write({ 'config.ts': 'export const region = "x";\n' });
    r.git('add', 'config.ts');
    r.write({ 'config.ts': `export const key = "${KEYS.other}";\n`, 'untracked.txt': `${KEYS.side}\n` });
    expect(await staged(r.dir)).toEqual([]);
  });

  it('reports only keys on lines the commit adds, with their line numbers in the staged file', async () => {
    const r = repo();
    r.commit({ 'settings.py': `OLD = "${KEYS.removed}"\nA = 1\nB = 2\n` });
    r.write({ 'settings.py': `OLD = "${KEYS.removed}"\nA = 1\nNEW = "${KEYS.head}"\nB = 3\n` });
    r.git('add', 'settings.py');
    expect(where(await staged(r.dir))).toEqual([[KEYS.head, 'settings.py', 3]]);
    // A change that adds no key passes even though the file still holds an old one.
    r.commit({});
    r.write({ 'settings.py': `OLD = "${KEYS.removed}"\nA = 1\nNEW = "${KEYS.head}"\nB = 4\n` });
    r.git('add', 'settings.py');
    expect(await staged(r.dir)).toEqual([]);
  });

  it('works before the first commit, skips binary files, deletions and odd paths are fine', async () => {
    const r = repo();
    r.write({ 'new file\nwith newline é.txt': `x\n${KEYS.side}\n`, 'blob.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(KEYS.other)]) });
    r.git('add', '-A');
    const stats = emptyStats();
    expect(where(await staged(r.dir, stats))).toEqual([[KEYS.side, 'new file\nwith newline é.txt', 2]]);
    expect(stats).toMatchObject({ blobsRead: 1, skippedBinary: 1 });
    r.commit({});
    r.git('rm', '-q', 'new file\nwith newline é.txt');
    expect(await staged(r.dir)).toEqual([]);
  });

  it('sees the whole index from a subfolder, even with diff.relative set', async () => {
    const r = repo();
    r.commit({ 'sub/README.md': 'hi\n' });
    r.git('config', 'diff.relative', 'true');
    r.write({ 'top.env': `AWS_ACCESS_KEY_ID=${KEYS.other}\n` });
    r.git('add', 'top.env');
    expect(where(await staged(join(r.dir, 'sub')))).toEqual([[KEYS.other, 'top.env', 1]]);
  });

  it('refuses a directory that is not a repository', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'rampart-nogit-'));
    await expect(staged(plain)).rejects.toThrow(InputError);
    rmSync(plain, { recursive: true });
  });
});
