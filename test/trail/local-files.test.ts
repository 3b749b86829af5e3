// How a local file's layout is told and why one could not be read, in the words the rest of rampart uses.
import { describe, expect, it } from 'vitest';
import { layoutOf, readError } from '../../src/trail/local-files.js';

const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('local CloudTrail files', () => {
  it('tells the layout from the first characters, a byte-order mark and blank space aside', () => {
    expect(layoutOf('\uFEFF \n{ "Records" : [')).toBe('records');
    expect(layoutOf('[{"eventID":"a"}')).toBe('array');
    expect(layoutOf('{"eventID":"a"}\n{"eventID":"b"}')).toBe('lines');
    expect(layoutOf('eventID,eventTime')).toBeUndefined();
  });

  it('words a file that cannot be read as the other commands do, and keeps what zlib or Node say of theirs', () => {
    expect(readError(err('EACCES'))).toBe('cannot read: permission denied');
    expect(readError(err('EISDIR'))).toBe('cannot read: it is a directory');
    expect(readError(err('EIO', 'i/o error'))).toBe('cannot read: EIO');
    expect(readError(err('Z_BUF_ERROR', 'unexpected end of file'))).toBe('truncated gzip (unexpected end of file)');
    expect(readError(err('Z_DATA_ERROR', 'incorrect header check'))).toBe('corrupt gzip (incorrect header check)');
    expect(readError(err('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x1fffffe8 characters'))).toBe('Cannot create a string longer than 0x1fffffe8 characters');
  });
});
