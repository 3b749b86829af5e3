// Runs the CLI in-process with captured stdout/stderr.
import { Writable } from 'node:stream';
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

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(['node', 'rampart', ...args], { stdout, stderr, env: { ...env } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
