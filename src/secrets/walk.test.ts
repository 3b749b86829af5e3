import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceItem } from './source.js';
import { treeSource } from './walk.js';

let root: string;

async function put(path: string, content: string | Buffer) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

async function collect(opts = { maxFileSize: 1024, includeBinary: false }): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of treeSource(root, opts)) items.push(item);
  return items;
}

const summary = (items: SourceItem[]) =>
  items.map((i) => (i.kind === 'text' || i.kind === 'clean' ? `read ${i.path}` : i.kind === 'skipped' ? `skipped ${i.path} ${i.reason}` : i.kind === 'problem' ? `problem ${i.path}: ${i.message}` : 'finding')).sort();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rampart-walk-'));
  await put('.git/info/exclude', 'local-only.txt\n');
  await put('.git/config', 'not scanned');
  await put('.gitignore', 'build/\n*.log\n!keep.log\n');
  await put('local-only.txt', 'x');
  await put('a.txt', 'a');
  await put('build/out.js', 'x');
  await put('debug.log', 'x');
  await put('keep.log', 'kept by negation');
  await put('sub/.gitignore', 'secret.yml\n');
  await put('sub/secret.yml', 'x');
  await put('sub/deeper/secret.yml', 'ignored by sub/.gitignore at any depth below it');
  await put('other/secret.yml', 'not ignored: the rule lives in sub/');
  await put('bin/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  await put('big.txt', 'y'.repeat(2048));
  await symlink(join(root, 'missing-target'), join(root, 'dangling'));
  await symlink(join(root, 'a.txt'), join(root, 'link-to-a'));
  execFileSync('mkfifo', [join(root, 'pipe')]);
});

describe('treeSource', () => {
  it('walks the tree as git sees it and says what it left out and why', async () => {
    expect(summary(await collect())).toEqual(
      [
        'problem dangling: broken symbolic link',
        'problem pipe: not a regular file (fifo), not read',
        'skipped big.txt too-large',
        'skipped bin/image.png binary',
        'read .gitignore',
        'read a.txt',
        'read keep.log',
        'read link-to-a',
        'read other/secret.yml',
        'read sub/.gitignore',
      ].sort(),
    );
  });

  it('decodes only files that may hold a finding', async () => {
    await put('maybe.env', 'AWS_SECRET_ACCESS_KEY=');
    const items = await collect();
    expect(items.find((i) => 'path' in i && i.path === 'maybe.env')).toMatchObject({ kind: 'text', text: 'AWS_SECRET_ACCESS_KEY=' });
    expect(items.find((i) => 'path' in i && i.path === 'a.txt')).toEqual({ kind: 'clean', path: 'a.txt', bytes: 1 });
  });

  it('reads binary and large files when asked', async () => {
    const items = summary(await collect({ maxFileSize: 0, includeBinary: true }));
    expect(items).toContain('read big.txt');
    expect(items).toContain('read bin/image.png');
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read and goes on', async () => {
    await put('locked.txt', 'x');
    await chmod(join(root, 'locked.txt'), 0o000);
    try {
      const items = summary(await collect());
      expect(items).toContain('problem locked.txt: cannot read: permission denied');
      expect(items).toContain('read a.txt');
    } finally {
      await chmod(join(root, 'locked.txt'), 0o644);
    }
  });
});
