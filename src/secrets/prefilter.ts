// The byte prefilter (prefilter.wat): one pass over a file's bytes that answers "no finding here" for most files
// without decoding them. Its memory is also the read buffer: files are read straight into it, so nothing is copied.
import { PREFILTER_WASM } from './prefilter-wasm.js';

const PAGE = 65536;
/** Bytes the kernel zeroes and reads past the data (its last 16-byte block is loaded at two shifts). */
const SLACK = 32;

let compiled: WebAssembly.Module | undefined;

/** One per reader (a thread reads one file at a time into it). */
export class Prefilter {
  private readonly memory: WebAssembly.Memory;
  private readonly run: (length: number) => number;
  /** Where a file is read to: the start of the memory, less the slack. A new view after each growth. */
  buffer: Buffer;

  constructor(capacity: number) {
    compiled ??= new WebAssembly.Module(Buffer.from(PREFILTER_WASM, 'base64'));
    const { exports } = new WebAssembly.Instance(compiled);
    this.memory = exports.memory as WebAssembly.Memory;
    this.run = exports.mayHold as (length: number) => number;
    this.buffer = this.view();
    this.grow(capacity);
  }

  /** Makes `buffer` hold at least `bytes`, keeping what it holds. */
  grow(bytes: number): void {
    const pages = Math.ceil((bytes + SLACK) / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (pages <= 0) return;
    this.memory.grow(pages);
    this.buffer = this.view();
  }

  /** False when buffer[0, length) cannot hold a finding: mayHoldSecret's answer over those bytes read as latin1. */
  mayHold(length: number): boolean {
    return this.run(length) !== 0;
  }

  private view(): Buffer {
    return Buffer.from(this.memory.buffer, 0, this.memory.buffer.byteLength - SLACK);
  }
}
