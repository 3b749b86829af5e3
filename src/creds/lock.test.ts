import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from './lock.js';

const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

describe('acquireLock', () => {
  it('one holder at a time: a second waits for the release', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rampart-lock-')), 'x.lock');
    const first = await acquireLock(path, 'x', 0);
    await expect(acquireLock(path, 'x', 0)).rejects.toThrow(`another rampart (pid ${process.pid}) is changing x`);
    const waiting = acquireLock(path, 'x', 5_000);
    await first.release();
    await (await waiting).release();
    expect(existsSync(path)).toBe(false);
  });

  it('a lock left by a dead process is taken over by exactly one of three takers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rampart-lock-')), 'x.lock');
    writeFileSync(path, `${deadPid()}\n`);
    const outcomes = await Promise.allSettled([acquireLock(path, 'x', 0), acquireLock(path, 'x', 0), acquireLock(path, 'x', 0)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(existsSync(`${path}.takeover`)).toBe(false);
  });
});
