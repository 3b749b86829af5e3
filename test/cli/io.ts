// Runs the CLI in-process with captured stdout/stderr.
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, stdin?: Readable): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(['node', 'rampart', ...args], { ...(stdin ? { stdin } : {}), stdout, stderr, env: { ...env } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs rampart with `answers` piped on stdin, one per line. */
export const runPiped = (args: string[], answers: string[]): Promise<Run> => runCli(args, {}, Readable.from([answers.map((a) => `${a}\n`).join('')]));
