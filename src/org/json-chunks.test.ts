// The organization's JSON report written in pieces must be byte for byte what JSON.stringify(value, null, 2) printed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from './json-chunks.js';
import { JsonText } from './kept-audit.js';

const joined = (value: unknown): string => [...jsonChunks(value)].join('');

/** Some subtrees replaced by their JsonText, as the report does with each account's audit. */
function withTexts(value: unknown, pick: () => boolean): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (pick()) return JsonText.of(value);
  if (Array.isArray(value)) return value.map((v) => withTexts(v, pick));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTexts(v, pick)]));
}

describe('jsonChunks', () => {
  it('prints any JSON value as JSON.stringify(value, null, 2) does', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
          expect(joined(value)).toBe(JSON.stringify(value, null, 2));
        }), { numRuns: 300 });
  });

  it('prints a JsonText where it lands as the value it holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.boolean()), (value, picks) => {
        const it = picks[Symbol.iterator]();
        expect(joined(withTexts(value, () => it.next().value === true))).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and prints dates and empty containers as it does', () => {
    const value = { a: undefined, b: [undefined, () => 1, 1], c: new Date(0), d: {}, e: [], f: { g: [{}] }, h: 'line\nbreak' };
    expect(joined(value)).toBe(JSON.stringify(value, null, 2));
  });
});
