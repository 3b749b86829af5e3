// The output of `git cat-file --batch` / `--batch-check` with the format below, parsed as a stream: one long-running
// git process hands over every blob, instead of one process per blob.
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../../util/errors.js';

/** Header of every object cat-file prints: id, type, size and the rest of the input line (a path, for us). */
export const OBJECT_FORMAT = '%(objectname) %(objecttype) %(objectsize) %(rest)';

export interface ObjectHeader {
  readonly oid: string;
  readonly type: string;
  readonly size: number;
  /** What followed the object id on the input line: the path rev-list named it by, or ''. */
  readonly rest: string;
}

export interface ObjectContent extends ObjectHeader {
  readonly data: Buffer;
}

/**
 * `oid type size rest`. Every object we ask for was listed by git a moment ago, so `<oid> missing` means a damaged
 * repository (cat-file still exits 0): a scan that skipped it would miss secrets without saying so.
 */
export function parseHeader(line: string, where: string): ObjectHeader | undefined {
  const m = /^([0-9a-f]{40,64}) (\S+) (\d+) ?(.*)$/.exec(line);
  if (m) return { oid: m[1]!, type: m[2]!, size: Number(m[3]), rest: m[4]! };
  const bad = /^(\S+) (missing|ambiguous)$/.exec(line);
  if (bad) throw new InputError(`git object ${bad[1]} is ${bad[2] === 'missing' ? 'missing or corrupt' : 'ambiguous'} in ${where} (git fsck says what is damaged)`);
  return undefined;
}

/** Objects from `git cat-file --batch=OBJECT_FORMAT` stdout, one at a time, without holding more than one in memory. */
export async function* readBatch(stdout: AsyncIterable<Buffer> | Iterable<Buffer>, where: string): AsyncGenerator<ObjectContent> {
  let head: Buffer = Buffer.alloc(0); // bytes not yet parsed, while looking for a header line
  let want: ObjectHeader | undefined; // the object whose content is being collected
  let parts: Buffer[] = [];
  let have = 0;
  for await (const chunk of stdout) {
    if (want) {
      parts.push(chunk);
      have += chunk.length;
    } else head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    for (;;) {
      if (!want) {
        const nl = head.indexOf(10);
        if (nl < 0) break;
        const header = parseHeader(head.subarray(0, nl).toString('utf8'), where);
        head = head.subarray(nl + 1);
        if (!header) continue;
        want = header;
        parts = [head];
        have = head.length;
        head = Buffer.alloc(0);
      }
      // Content is followed by one LF.
      if (have < want.size + 1) break;
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
      yield { ...want, data: all.subarray(0, want.size) };
      head = all.subarray(want.size + 1);
      want = undefined;
      parts = [];
      have = 0;
    }
  }
}

/** Lines of a stream (LF-terminated), decoded as UTF-8. */
export const readLines = (stdout: AsyncIterable<Buffer>): AsyncGenerator<string> => splitOn(stdout, '\n');

/** NUL-terminated fields of a stream (the `-z` output of git), decoded as UTF-8. */
export const readFields = (stdout: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<string> => splitOn(stdout, '\0');

async function* splitOn(stdout: AsyncIterable<Buffer> | Iterable<Buffer>, sep: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8'); // a character split across two chunks stays whole
  let rest = '';
  for await (const chunk of stdout) {
    const items = (rest + decoder.write(chunk)).split(sep);
    rest = items.pop()!;
    yield* items;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Git's own test for binary content: a NUL byte in the first 8000 bytes. */
export const looksBinary = (data: Buffer): boolean => data.subarray(0, 8000).includes(0);
