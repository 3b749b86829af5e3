// The state directory (`./.rampart` unless --state-dir says otherwise): the apply journal and the one-time secrets.
import { chmod, mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_STATE_DIR = '.rampart';

/** Creates the state directory (0700) if needed; a new one gets a .gitignore so its secrets never reach a repository. */
export async function ensureStateDir(stateDir: string): Promise<void> {
  const created = await mkdir(stateDir, { recursive: true, mode: 0o700 });
  if (created === undefined) return;
  const fh = await open(join(stateDir, '.gitignore'), 'wx', 0o600).catch(() => undefined);
  if (!fh) return;
  try {
    await fh.writeFile('# rampart state: the apply journal and one-time secrets. Never commit it.\n*\n');
  } finally {
    await fh.close();
  }
}

/** A directory only its owner can enter, made so even when it already existed looser (it is ours). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (((await stat(dir)).mode & 0o077) !== 0) await chmod(dir, 0o700);
}

/** Makes a new directory entry durable: after a crash, the file is there. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the file's own fsync is what matters most.
  } finally {
    await fh.close();
  }
}
