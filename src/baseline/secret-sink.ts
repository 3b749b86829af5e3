// One-time secrets (a new console password): written to .rampart/secrets/<name>, a new 0600 file in a 0700 directory,
// before anything else sees them. A file is never overwritten: a second secret of the same name gets its own file,
// so a password handed out by a run that was then killed is never lost.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretSink } from './types.js';
import { ensurePrivateDir, ensureStateDir, syncDir } from './state-dir.js';

export const SECRETS_DIR = 'secrets';

export function secretSink(stateDir: string): SecretSink {
  const dir = join(stateDir, SECRETS_DIR);
  return async (name, secret) => {
    await ensureStateDir(stateDir);
    await ensurePrivateDir(dir);
    const base = safeName(name);
    for (let n = 1; n < 10_000; n++) {
      const path = join(dir, n === 1 ? base : `${base}.${n}`);
      const fh = await open(path, 'wx', 0o600).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return undefined;
        throw err;
      });
      if (!fh) continue;
      try {
        await fh.writeFile(`${secret}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await syncDir(dir);
      return path;
    }
    throw new Error(`too many secrets named ${base} in ${dir}`);
  };
}

/** A file name from a step's name for its secret: nothing that leaves the directory or hides the file. */
function safeName(name: string): string {
  const cleaned = name.replace(/[^\w.@+=,-]/g, '_').replace(/^\.+/, '');
  return cleaned || 'secret';
}
