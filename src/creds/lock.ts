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

const holderOf = async (path: string): Promise<number | undefined> => {
  const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) ? pid : undefined;
};

/**
 * Removes a lock left by a dead process. Two waiting processes may both find it stale: the removal happens under a
 * second, short-lived lock and only if the same dead pid still holds it, so neither removes the other's new lock.
 */
async function breakStale(path: string, dead: number | undefined): Promise<void> {
  const guard = `${path}.takeover`;
  if (!(await tryTake(guard))) {
    const guardian = await holderOf(guard);
    // A process killed inside this window left the guard: it is as stale as the lock.
    if (guardian === undefined || !alive(guardian)) await rm(guard, { force: true });
    return;
  }
  try {
    if ((await holderOf(path)) === dead) await rm(path, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** Takes the lock at `path`, waiting up to `waitMs` for a live holder; `what` names the file it protects. */
export async function acquireLock(path: string, what: string, waitMs: number): Promise<Lock> {
  await ensurePrivateDir(dirname(path));
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryTake(path)) return { release: () => rm(path, { force: true }) };
    const holder = await holderOf(path);
    if (holder === undefined || !alive(holder)) {
      // Left by a process that is gone (or being written this instant: then the pid appears on the next look).
      if (holder !== undefined) await breakStale(path, holder);
      else if (Date.now() >= deadline) throw new RunError(`the lock ${path} names no process; remove it if no rampart is running`);
      else await sleep(20);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new RunError(`another rampart (pid ${holder}) is changing ${what}; try again when it has finished (lock: ${path})`);
    }
    await sleep(100);
  }
}
