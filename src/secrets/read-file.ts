// Reading one file for the scan: read, skipped (binary, too large) or a problem, and decoded to text only when the
// prefilter says it may hold a finding. Reads are synchronous on purpose: for files in the page cache (the usual case)
// a sync open/read/close costs a fraction of the same calls through libuv's thread pool, and a reader has nothing else
// to do meanwhile (bench/scan-tree.ts measured it). More cores are used by more readers (read-pool.ts), not by async.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { cannotRead } from '../util/unreadable.js';
import { Prefilter } from './prefilter.js';
import type { SourceItem } from './source.js';

export interface ReadOptions {
  /** Files larger than this many bytes are skipped unless 0 (no limit). */
  maxFileSize: number;
  /** Scan files that look binary (a NUL byte in the first 8000 bytes, git's own test) too. */
  includeBinary: boolean;
}

const SNIFF_BYTES = 8000;
/** The read buffer to start with: files up to this size take one read (and one more that finds the end). */
const FIRST_CAPACITY = 1 << 20;

/** Reads files one at a time into one buffer (the prefilter's memory): no garbage per file, memory flat. */
export class FileReader {
  private readonly prefilter: Prefilter;
  private readonly limit: number;

  constructor(private readonly opts: ReadOptions) {
    this.limit = opts.maxFileSize > 0 ? opts.maxFileSize : Infinity;
    // One byte over the limit tells a file that is too large from one that is exactly the limit.
    this.prefilter = new Prefilter(Math.min(FIRST_CAPACITY, this.limit + 1));
  }

  /**
   * `walked`: the walk saw a regular file at `abs`, so no fstat is needed to check it is one, and none is made to learn
   * its size either: the file is read until the end, and its size asked only when it fills the buffer, so a file
   * over the limit is skipped without reading it all.
   */
  read(abs: string, path: string, walked = true): SourceItem {
    let fd: number | undefined;
    try {
      fd = openSync(abs, 'r');
      if (!walked && !fstatSync(fd).isFile()) return { kind: 'problem', path, message: 'not a regular file, not read' };
      let got = 0;
      for (;;) {
        if (got === this.prefilter.buffer.length) {
          const size = fstatSync(fd).size;
          if (size > this.limit) return { kind: 'skipped', path, reason: 'too-large' };
          this.prefilter.grow(Math.min(this.limit + 1, Math.max(size + 1, 2 * got)));
        }
        const buf = this.prefilter.buffer;
        const n = readSync(fd, buf, got, buf.length - got, null);
        if (n === 0) break;
        got += n;
      }
      // Grown while it was read.
      if (got > this.limit) return { kind: 'skipped', path, reason: 'too-large' };
      const buf = this.prefilter.buffer;
      if (!this.opts.includeBinary && buf.subarray(0, Math.min(got, SNIFF_BYTES)).includes(0)) return { kind: 'skipped', path, reason: 'binary' };
      if (!this.prefilter.mayHold(got)) return { kind: 'clean', path, bytes: got };
      return { kind: 'text', path, text: buf.toString('utf8', 0, got), bytes: got };
    } catch (err) {
      return { kind: 'problem', path, message: cannotRead(err) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
