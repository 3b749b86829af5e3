import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, keyIdDetect, KEYS, recordingDetect, useTestRepos } from '../../../test/secrets/git-fixtures.js';
import { InputError } from '../../util/errors.js';
import type { SecretFinding } from '../types.js';
import { scanHistory } from './history.js';
import { emptyStats } from './scan-stats.js';

const alice = { name: 'Alice', email: 'alice@example.com' };
const bob = { name: 'Bob', email: 'bob@example.com' };
const carol = { name: 'Carol', email: 'carol@example.com' };

const repo = useTestRepos();

const history = (cwd: string, opts: Partial<Parameters<typeof scanHistory>[0]> = {}) => collect(scanHistory({ cwd, detect: keyIdDetect, ...opts }));
const bySecret = (findings: SecretFinding[], secret: string) => findings.filter((f) => f.secret === secret);

describe('scanHistory', () => {
  it('finds a removed key and a side-branch key with the commit that introduced them, and says what is still in HEAD', async () => {
    const r = repo();
    const c1 = r.commit({ 'README.md': 'hello\n', 'config/app.env': `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${KEYS.removed}\n` }, alice, '2024-01-10T09:00:00Z');
    const c2 = r.commit({ 'config/app.env': 'REGION=eu-west-1\n', 'src/keep.ts': `// test\nexport const id = '${KEYS.head}';\n` }, bob, '2024-02-10T09:00:00Z');
    r.git('checkout', '-q', '-b', 'side');
    const c3 = r.commit({ 'notes/a file with spaces é.txt': `one\ntwo\n  ${KEYS.side}\n` }, carol, '2024-03-10T09:00:00Z');
    r.git('checkout', '-q', 'main');
    r.commit({ 'README.md': 'hello again\n' }, bob, '2024-04-10T09:00:00Z');

    r.git('config', 'diff.relative', 'true'); // a user setting that would hide paths outside the folder scanned from
    const findings = await history(join(r.dir, 'src'));
    expect(findings).toHaveLength(3);
    const [removed] = bySecret(findings, KEYS.removed);
    expect(removed?.location).toEqual({
      path: 'config/app.env', line: 2, column: 19,
      commit: { commit: c1, author: 'Alice <alice@example.com>', date: '2024-01-10T09:00:00+00:00', inHead: false },
    });
    const [side] = bySecret(findings, KEYS.side);
    expect(side?.location).toEqual({
      path: 'notes/a file with spaces é.txt', line: 3, column: 3,
      commit: { commit: c3, author: 'Carol <carol@example.com>', date: '2024-03-10T09:00:00+00:00', inHead: false },
    });
    const [head] = bySecret(findings, KEYS.head);
    expect(head?.location.commit).toEqual({ commit: c2, author: 'Bob <bob@example.com>', date: '2024-02-10T09:00:00+00:00', inHead: true });
    // Oldest first.
    expect(findings.map((f) => f.secret)).toEqual([KEYS.removed, KEYS.head, KEYS.side]);
  });

  it('reads a blob once however many paths and commits hold it, and reports each path where it first appeared', async () => {
    const r = repo();
    const leaky = `const key = '${KEYS.other}';\n`;
    const c1 = r.commit({ 'a.ts': leaky }, alice, '2024-01-01T00:00:00Z');
    for (let i = 0; i < 5; i++) r.commit({ [`other-${i}.txt`]: `${i}\n` }, alice, `2024-01-0${i + 2}T00:00:00Z`);
    const c7 = r.commit({ 'copy/b.ts': leaky }, bob, '2024-02-01T00:00:00Z');
    r.commit({ 'a.ts': null }, bob, '2024-03-01T00:00:00Z'); // a.ts gone, the copy stays
    const { detect, texts } = recordingDetect();
    const stats = emptyStats();
    const findings = await history(r.dir, { detect, stats });

    expect(texts.filter((t) => t === leaky)).toHaveLength(1);
    expect(stats.blobsRead).toBe(texts.length);
    expect(stats.blobsRead).toBe(6); // the leaky blob and the five other-N.txt
    expect(findings.map((f) => [f.location.path, f.location.commit?.commit, f.location.commit?.inHead])).toEqual([
      ['a.ts', c1, true],
      ['copy/b.ts', c7, true],
    ]);
  });

  it('reports a key once per path, at the commit that added it, however often the file changed around it', async () => {
    const r = repo();
    r.commit({ 'x.txt': 'start\n' }, alice, '2024-01-01T00:00:00Z');
    const added = r.commit({ 'app.py': `KEY = "${KEYS.other}"\n` }, bob, '2024-01-02T00:00:00Z');
    for (let i = 3; i < 7; i++) r.commit({ 'app.py': `${'# more\n'.repeat(i)}KEY = "${KEYS.other}"\n` }, alice, `2024-01-0${i}T00:00:00Z`);
    const stats = emptyStats();
    const findings = await history(r.dir, { stats });
    expect(stats.blobsRead).toBe(6);
    expect(findings.map((f) => [f.location.path, f.location.line, f.location.commit?.commit, f.location.commit?.author])).toEqual([
      ['app.py', 1, added, 'Bob <bob@example.com>'],
    ]);
  });

  it('skips binary and oversized blobs', async () => {
    const r = repo();
    r.commit({
      'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(KEYS.other)]),
      'huge.txt': `${'x'.repeat(5000)}\n${KEYS.side}\n`,
      'small.txt': `${KEYS.head}\n`,
    });
    const stats = emptyStats();
    const findings = await history(r.dir, { maxBytes: 4096, stats });
    expect(findings.map((f) => f.secret)).toEqual([KEYS.head]);
    expect(stats).toMatchObject({ skippedBinary: 1, skippedLarge: 1, blobsRead: 1 });
  });

  it('credits a key merged in from a branch to the branch commit, not the merge', async () => {
    const r = repo();
    r.commit({ 'a.txt': 'a\n' }, alice, '2024-01-01T00:00:00Z');
    r.git('checkout', '-q', '-b', 'feature');
    const leak = r.commit({ 'b.txt': `${KEYS.side}\n` }, carol, '2024-01-02T00:00:00Z');
    r.git('checkout', '-q', 'main');
    r.commit({ 'a.txt': 'a2\n' }, alice, '2024-01-03T00:00:00Z');
    r.gitAs(alice, '2024-01-04T00:00:00Z', 'merge', '-q', '--no-edit', 'feature');
    const findings = await history(r.dir);
    expect(findings.map((f) => [f.location.path, f.location.commit?.commit, f.location.commit?.inHead])).toEqual([['b.txt', leak, true]]);
  });

  it('handles a path with a newline, a stash-only key and a detached HEAD', async () => {
    const r = repo();
    const c1 = r.commit({ 'line\nbreak.txt': `${KEYS.removed}\n` }, alice, '2024-01-01T00:00:00Z');
    r.commit({ 'line\nbreak.txt': null }, alice, '2024-01-02T00:00:00Z');
    r.commit({ 'tracked.txt': 'v1\n' }, alice, '2024-01-03T00:00:00Z');
    r.write({ 'tracked.txt': `${KEYS.other}\n` });
    r.git('stash', '-q');
    r.git('checkout', '-q', '--detach', c1);
    const findings = await history(r.dir);
    const [removed] = bySecret(findings, KEYS.removed);
    expect(removed?.location.path).toBe('line\nbreak.txt');
    expect(removed?.location.commit).toMatchObject({ commit: c1, inHead: true });
    const [stashed] = bySecret(findings, KEYS.other);
    expect(stashed?.location.path).toBe('tracked.txt');
    expect(stashed?.location.commit?.inHead).toBe(false);
  });

  it('reports a key in a blob that only a tag points to, without a commit', async () => {
    const r = repo();
    r.commit({ 'a.txt': 'a\n' });
    r.write({ 'loose.txt': `${KEYS.side}\n` });
    const blob = r.git('hash-object', '-w', 'loose.txt');
    r.write({ 'loose.txt': null });
    r.git('tag', 'lonely', blob);
    const findings = await history(r.dir);
    expect(findings.map((f) => [f.secret, f.location])).toEqual([[KEYS.side, { path: `blob ${blob}`, line: 1, column: 1 }]]);
  });

  it('fails with one line, not a hang, on a corrupt object', async () => {
    const r = repo();
    r.commit({ 'a.txt': `${KEYS.head}\n`, 'b.txt': 'b\n' });
    const blob = r.git('rev-parse', 'HEAD:a.txt');
    const file = join(r.dir, '.git/objects', blob.slice(0, 2), blob.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib at all');
    const failure = history(r.dir);
    await expect(failure).rejects.toThrow(InputError);
    await expect(history(r.dir)).rejects.toThrow(/^git object [0-9a-f]{40} is missing or corrupt in .* \(git fsck says what is damaged\)$/);
  });

  it('scans a shallow clone as far as it goes and says it is shallow', async () => {
    const r = repo();
    r.commit({ 'a.txt': `${KEYS.removed}\n` }, alice, '2024-01-01T00:00:00Z');
    r.commit({ 'b.txt': 'b\n' }, bob, '2024-01-02T00:00:00Z');
    const clone = repo(`${r.dir}-clone`);
    r.git('clone', '-q', '--depth', '1', `file://${r.dir}`, clone.dir);
    const stats = emptyStats();
    const findings = await history(clone.dir, { stats });
    expect(stats.shallow).toBe(true);
    // The key's real origin is beyond the shallow boundary: the boundary commit is the oldest this clone knows.
    expect(findings.map((f) => [f.secret, f.location.commit?.author])).toEqual([[KEYS.removed, 'Bob <bob@example.com>']]);
  });

  it('skips a submodule instead of failing on it', async () => {
    const sub = repo();
    sub.commit({ 'inner.txt': `${KEYS.side}\n` });
    const r = repo();
    r.commit({ 'a.txt': `${KEYS.head}\n` });
    r.git('submodule', '--quiet', 'add', `file://${sub.dir}`, 'vendor/sub');
    r.commit({});
    const findings = await history(r.dir);
    expect(findings.map((f) => f.secret)).toEqual([KEYS.head]);
  });

  it('returns nothing for an empty repository, and refuses a directory that is not a repository', async () => {
    expect(await history(repo().dir)).toEqual([]);
    const plain = mkdtempSync(join(tmpdir(), 'rampart-nogit-'));
    await expect(history(plain)).rejects.toThrow(InputError);
    await expect(history(plain)).rejects.toThrow(`not a git repository: ${plain}`);
    rmSync(plain, { recursive: true });
  });
});
