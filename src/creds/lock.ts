// One rampart at a time changes a credentials file: a lock file created exclusively, holding the owner's pid.
// A lock whose process is gone (killed mid-rotation) is taken over; a live one is waited for, then refused.
import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunError } from '../util/errors.js';
import { ensurePrivateDir } from '../baseline/state-dir.js';
import { dirname } from 'node:path';

export interface Lock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryTake(path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'wx', 0o600);
    try {
      await fh.writeFile(`${process.pid}\n`);
    } finally {
      await fh.close();
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Takes the lock at `path`, waiting up to `waitMs` for a live holder; `what` names the file it protects. */
export async function acquireLock(path: string, what: string, waitMs: number): Promise<Lock> {
  await ensurePrivateDir(dirname(path));
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryTake(path)) return { release: () => rm(path, { force: true }) };
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (!Number.isInteger(holder) || !alive(holder)) {
      // Left by a process that is gone: it cannot be changing anything any more.
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new RunError(`another rampart (pid ${holder}) is changing ${what}; try again when it has finished (lock: ${path})`);
    }
    await sleep(100);
  }
}
