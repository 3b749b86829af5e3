import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyId, secretKey } from '../../test/secrets/keys.js';
import { seededRandom } from '../../test/aws-emulator/prng.js';
import type { SourceItem } from './source.js';
import { treeSource, type TreeOptions } from './walk.js';

let root: string;

async function put(path: string, content: string | Buffer) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

async function collect(opts: TreeOptions = { maxFileSize: 1024, includeBinary: false }, dir = root): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of treeSource(dir, opts)) items.push(item);
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

  it('tells a file of exactly the size limit from one a byte over, without asking the size of small files', async () => {
    await put('limit/at.txt', 'a'.repeat(1024));
    await put('limit/over.txt', 'a'.repeat(1025));
    const items = await collect({ maxFileSize: 1024, includeBinary: false }, join(root, 'limit'));
    expect(items).toEqual([
      { kind: 'clean', path: 'at.txt', bytes: 1024 },
      { kind: 'skipped', path: 'over.txt', reason: 'too-large' },
    ]);
  });

  it('reads files larger than its first buffer whole, and skips them by size past the limit', async () => {
    const big = Buffer.alloc(3 << 20, 'b');
    big.write(`AWS_SECRET_ACCESS_KEY=${secretKey()}`, big.length - 70, 'latin1');
    await put('large/big.txt', big);
    const read = await collect({ maxFileSize: 0, includeBinary: false }, join(root, 'large'));
    expect(read).toMatchObject([{ kind: 'text', path: 'big.txt', bytes: big.length }]);
    expect((read[0] as { text: string }).text).toBe(big.toString('latin1'));
    expect(await collect({ maxFileSize: 2 << 20, includeBinary: false }, join(root, 'large'))).toEqual([{ kind: 'skipped', path: 'big.txt', reason: 'too-large' }]);
    expect(await collect({ maxFileSize: 4 << 20, includeBinary: false }, join(root, 'large'))).toMatchObject([{ kind: 'text', bytes: big.length }]);
  });
});

describe('treeSource on worker threads', () => {
  let tree: string;
  const KINDS = ['clean', 'key', 'binary', 'large', 'ignored', 'secret-name'] as const;

  beforeAll(async () => {
    tree = await mkdtemp(join(tmpdir(), 'rampart-walk-threads-'));
    const rand = seededRandom(11);
    await writeFile(join(tree, '.gitignore'), '*.ignored\n');
    for (let n = 0; n < 1500; n++) {
      const dir = join(tree, `d${n % 7}`, `e${n % 3}`);
      await mkdir(dir, { recursive: true });
      const kind = KINDS[n % KINDS.length]!;
      const body = `line ${n} of some source\n`.repeat(1 + (n % 40));
      const content =
        kind === 'key' ? `${body}const id = '${keyId('AKIA', rand)}';\n`
        : kind === 'binary' ? Buffer.concat([Buffer.from(body), Buffer.from([0, 1, 2])])
        : kind === 'large' ? 'x'.repeat(5000)
        : kind === 'secret-name' ? `${body}SECRET=${secretKey(rand)}\n`
        : body;
      await writeFile(join(dir, `f${n}.${kind}`), content);
    }
  });

  it('reads a large tree exactly as one thread does, whichever thread reads a file', async () => {
    const opts = { maxFileSize: 4096, includeBinary: false };
    const byPath = (a: SourceItem, b: SourceItem) => ('path' in a && 'path' in b ? (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) : 0);
    const alone = (await collect({ ...opts, threads: 1 }, tree)).sort(byPath);
    const pooled = (await collect({ ...opts, threads: 3, workersAfter: 0 }, tree)).sort(byPath);
    expect(alone).toHaveLength(1 + 1500 - 250);
    expect(alone.filter((i) => i.kind === 'text')).toHaveLength(500);
    expect(pooled).toEqual(alone);
  });
});

describe('treeSource below the top of a work tree', () => {
  let repo: string;
  const inRepo = async (path: string, content = 'x') => {
    await mkdir(join(repo, path, '..'), { recursive: true });
    await writeFile(join(repo, path), content);
  };
  const paths = async (dir: string) => summary(await collect({ maxFileSize: 1024, includeBinary: false }, join(repo, dir)));

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'rampart-walk-repo-'));
    await inRepo('.git/info/exclude', 'scratch.txt\n');
    await inRepo('.gitignore', 'generated/\n*.secret\n!kept.secret\n/src/app/build/\nnode_modules/\n');
    await inRepo('src/.gitignore', 'local.env\n');
    for (const f of ['ok.txt', 'generated/out.js', 'a.secret', 'kept.secret', 'build/app.js', 'local.env', 'scratch.txt', 'deep/local.env'])
      await inRepo(`src/app/${f}`);
    await inRepo('node_modules/pkg/index.js');
    await inRepo('node_modules/pkg/debug.secret');
  });

  it('applies the .gitignore files above the scanned folder and .git/info/exclude, as git does', async () => {
    expect(await paths('src/app')).toEqual(['read kept.secret', 'read ok.txt']);
  });

  it('gives the same answer as scanning from the top', async () => {
    const fromTop = (await paths('')).filter((p) => p.startsWith('read src/app/')).map((p) => p.replace('src/app/', ''));
    expect(fromTop).toEqual(await paths('src/app'));
  });

  it('scans a folder git ignores as a whole when it is the one asked for', async () => {
    expect(await paths('node_modules/pkg')).toEqual(['read debug.secret', 'read index.js']);
  });

  it("follows a linked worktree's .git file to the main repository's info/exclude", async () => {
    const main = await mkdtemp(join(tmpdir(), 'rampart-walk-main-'));
    await mkdir(join(main, '.git', 'info'), { recursive: true });
    await writeFile(join(main, '.git', 'info', 'exclude'), 'notes.md\n');
    await mkdir(join(main, '.git', 'worktrees', 'wt'), { recursive: true });
    await writeFile(join(main, '.git', 'worktrees', 'wt', 'commondir'), '../..\n');
    const wt = await mkdtemp(join(tmpdir(), 'rampart-walk-wt-'));
    await writeFile(join(wt, '.git'), `gitdir: ${join(main, '.git', 'worktrees', 'wt')}\n`);
    await mkdir(join(wt, 'docs'));
    await writeFile(join(wt, 'docs', 'notes.md'), 'x');
    await writeFile(join(wt, 'docs', 'readme.md'), 'x');
    expect(summary(await collect(undefined, join(wt, 'docs')))).toEqual(['read readme.md']);
  });
});
