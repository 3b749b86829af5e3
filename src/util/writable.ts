import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.js';

/**
 * Fails early, with one line, when `path` cannot be written: checked before minutes of collection, not after.
 * A directory given as the file is refused too.
 */
export async function assertWritable(path: string): Promise<void> {
  const dir = dirname(resolve(path));
  try {
    if ((await stat(dir)).isDirectory() === false) throw new InputError(`${path}: cannot write: ${dir} is not a directory`);
    await access(dir, constants.W_OK);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot write: ${code === 'ENOENT' ? `no directory ${dir}` : code === 'EACCES' ? `no permission to write in ${dir}` : String(code)}`);
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError(`${path}: cannot write: it is a directory`);
}
