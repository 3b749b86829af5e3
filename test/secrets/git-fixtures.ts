// Real git repositories built in temp dirs, and a stand-in detector, for the git sources' tests.
// The git code only needs a `Detect`; these tests use a stand-in so they test git, not detection.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { Detect, SecretFinding } from '../../src/secrets/types.js';

/** Access key ids shaped like real ones (AKIA + 16 base32 characters), made up for these tests. */
export const KEYS = {
  removed: 'AKIAZ7ADDEDTHENGONE2',
  side: 'AKIASIDEBRANCHONLY23',
  head: 'AKIASTILLINHEADTREE4',
  other: 'AKIAQWERTYUIOPASDFGH',
} as const;

const KEY_ID = /AKIA[A-Z2-7]{16}/g;

/** A detector for access key ids only, with the real contract's fields. */
export const keyIdDetect: Detect = (text, path) => {
  const findings: SecretFinding[] = [];
  for (const m of text.matchAll(KEY_ID)) {
    const before = text.slice(0, m.index);
    const line = before.split('\n').length;
    const column = m.index - before.lastIndexOf('\n');
    const secret = m[0];
    findings.push({
      rule: 'aws-access-key-id',
      kind: 'access-key-id',
      secret,
      masked: `${secret.slice(0, 4)}${'*'.repeat(secret.length - 8)}${secret.slice(-4)}`,
      accessKeyId: secret,
      fingerprint: createHash('sha256').update(`aws-access-key-id\0${secret}`).digest('hex'),
      location: { path, line, column },
    });
  }
  return findings;
};

/** keyIdDetect that also records every text it was given. */
export function recordingDetect(): { detect: Detect; texts: string[] } {
  const texts: string[] = [];
  return { texts, detect: (text, path) => (texts.push(text), keyIdDetect(text, path)) };
}

export interface Author {
  name: string;
  email: string;
}

export class TestRepo {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'rampart-git-'));
    if (!dir) this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return this.gitAs({ name: 'Test', email: 'test@example.com' }, '2024-01-01T00:00:00Z', ...args);
  }

  gitAs(who: Author, date: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH,
        HOME: this.dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_COMMITTER_DATE: date,
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  /** Writes files (null deletes) in the work tree, without staging. */
  write(files: Record<string, string | Buffer | null>): void {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
  }

  /** Writes, stages everything and commits; returns the commit id. */
  commit(files: Record<string, string | Buffer | null>, who: Author = { name: 'Test', email: 'test@example.com' }, date = '2024-01-01T00:00:00Z'): string {
    this.write(files);
    this.gitAs(who, date, 'add', '-A');
    this.gitAs(who, date, 'commit', '-q', '--allow-empty', '-m', `change at ${date}`);
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** For a test file: `repo()` makes a fresh repository; every one made is removed after each test. */
export function useTestRepos(): (dir?: string) => TestRepo {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((r) => r.remove()));
  return (dir?: string) => {
    const r = new TestRepo(dir);
    repos.push(r);
    return r;
  };
}
