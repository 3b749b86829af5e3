import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

class Tty extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

describe('the progress indicator', () => {
  it('draws the running steps on a terminal and clears its line when done', () => {
    const stream = new Tty(true);
    const progress = createProgress(stream, true);
    progress.onProgress({ step: 'iam:credential-report', state: 'start' });
    expect(stream.text).toContain('collecting: iam:credential-report (0 done)');
    progress.onProgress({ step: 'iam:credential-report', state: 'done' });
    expect(stream.text).toContain('(1 done)');
    progress.stop();
    expect(stream.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal, or when quiet', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const stream = new Tty(tty);
      const progress = createProgress(stream, enabled);
      progress.onProgress({ step: 'iam:aliases', state: 'start' });
      progress.stop();
      expect(stream.text).toBe('');
    }
  });
});
