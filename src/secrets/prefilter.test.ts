import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODULE_PATH, prefilterModuleText } from '../../scripts/prefilter-wasm.js';
import { mayHoldSecret } from './detect.js';
import { Prefilter } from './prefilter.js';

const NEEDLES = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'ABSK', 'A3T', 'cret', 'CRET', 'bedrock-api-key-'];
// What the kernel's candidates let through and its exact check must turn down.
const NEAR_MISSES = ['AKIa', 'AKI', 'A3t', 'A3', 'AZIA', 'cRet', 'Cret', 'crET', 'cre', 'CRE', 'bedrock-api-key', 'bedrock-api-kex-', 'bedrock', 'be', 'cr', 'CR', 'A'];
// Leftovers of a longer file read before: bytes past the end must never count.
const STALE = Buffer.from('AKIAcretCRETA3Tbedrock-api-key-'.repeat(4), 'latin1');

const prefilter = new Prefilter(1 << 16);

/** The wasm answer for `bytes`, read into a buffer whose bytes past the end hold needles. */
function wasm(bytes: Uint8Array): boolean {
  prefilter.grow(bytes.length + STALE.length);
  prefilter.buffer.set(bytes, 0);
  STALE.copy(prefilter.buffer, bytes.length);
  return prefilter.mayHold(bytes.length);
}

const reference = (bytes: Uint8Array) => mayHoldSecret(Buffer.from(bytes).toString('latin1'));
const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('prefilter.wat', () => {
  it('is what prefilter-wasm.ts holds (run `npm run build:prefilter` after changing it)', async () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(await prefilterModuleText());
  });
});

describe('Prefilter', () => {
  it('finds every needle at every offset of a block, up to the last byte', () => {
    for (const needle of NEEDLES) {
      for (let length = needle.length; length <= 48; length++) {
        for (let at = 0; at + needle.length <= length; at++) {
          const bytes = Buffer.alloc(length, 'x');
          bytes.write(needle, at, 'latin1');
          expect({ needle, length, at, found: wasm(bytes) }).toEqual({ needle, length, at, found: true });
        }
        // Cut by the end of the file: not there.
        const cut = Buffer.alloc(length, 'x');
        cut.write(needle.slice(0, -1), length - needle.length + 1, 'latin1');
        expect({ needle, length, found: wasm(cut) }).toEqual({ needle, length, found: false });
      }
    }
  });

  it('turns down what only looks like a needle', () => {
    for (const miss of NEAR_MISSES) {
      for (let at = 0; at < 20; at++) expect({ miss, at, found: wasm(latin1(`${'x'.repeat(at)}${miss}${'y'.repeat(7)}`)) }).toEqual({ miss, at, found: false });
    }
    expect(wasm(new Uint8Array(0))).toBe(false);
  });

  it('answers as mayHoldSecret does, on random bytes with needles and near misses planted anywhere', () => {
    const piece = fc.oneof(
      fc.constantFrom(...NEEDLES, ...NEAR_MISSES),
      fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.string({ unit: fc.constantFrom(...'AKISPB3TcrtCRETbedok-apiy x'), maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = latin1(pieces.join(''));
        expect(wasm(bytes)).toBe(reference(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps its answer when the buffer grows past the first pages', () => {
    const big = Buffer.alloc(3 << 20, 'z');
    expect(wasm(big)).toBe(false);
    big.write('CRET', big.length - 4, 'latin1');
    expect(wasm(big)).toBe(true);
  });
});
