// JSON.stringify(value, null, 2), piece by piece, so that a report of a thousand accounts (240 MB) is never one string.
// A JsonText in the value is written as its text, indented to where it lands: nested values are printed exactly as at
// the top level with every line after the first indented by the nesting, and JSON text has no newline inside a string.
import { JsonText } from './kept-audit.js';

const isSkipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
  if (value instanceof JsonText) {
    yield indent === '' ? value.text() : value.text().replaceAll('\n', `\n${indent}`);
    return;
  }
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // A leaf (or what JSON.stringify would turn into one): printed by JSON.stringify itself.
    const text = JSON.stringify(value, null, 2);
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      // As JSON.stringify does: what has no JSON form is null in an array.
      yield* jsonChunks(isSkipped(value[i]) ? null : value[i], inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !isSkipped(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    yield `${i === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* jsonChunks(v, inner);
  }
  yield `\n${indent}}`;
}
