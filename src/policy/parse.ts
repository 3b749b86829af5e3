// Policy text (JSON, YAML, or IAM's URL-encoded JSON) -> the parsed value and where each element is in the text.
// The yaml package reads JSON too (JSON is YAML 1.2) and keeps node ranges; keys are JSON paths as in the model
// (`$.Statement[0].Action[1]`), so a finding about a path can name its line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError } from '../util/errors.js';

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedPolicy {
  /** The document as JSON.parse would give it (the last of duplicate keys wins, as there). */
  readonly value: unknown;
  /** Where `path` starts; unknown paths fall back to their nearest known parent. */
  positionOf(path: string): Position;
  /** Paths of keys written more than once in the same object (each repeat after the first). */
  readonly duplicateKeys: readonly string[];
  readonly source: string;
}

/** `Statement` -> `.Statement`; keys that are not identifiers are quoted: `["aws:SourceIp"]`. */
export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : /^[A-Za-z_][\w-]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

/** The parent of a JSON path, or undefined for `$`. */
function parentPath(path: string): string | undefined {
  if (path === '$') return undefined;
  const m = /^(.*?)(\.[A-Za-z_][\w-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(path);
  return m?.[1] || '$';
}

/** IAM returns documents URL-encoded (`%7B%22Version%22...`); such text is decoded first. */
function decoded(text: string): string {
  const trimmed = text.trimStart();
  if (!/^%7B/i.test(trimmed)) return text;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return text;
  }
}

/** Parses a policy; a syntax error is one InputError `source:line:col: message`. */
export function parsePolicyText(text: string, source: string): ParsedPolicy {
  const lineCounter = new LineCounter();
  const input = decoded(text);
  const doc = parseDocument(input, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? 'syntax error';
    throw new InputError(`${source}:${pos.line}:${pos.col}: not valid JSON or YAML: ${message}`);
  }
  if (doc.contents === null) throw new InputError(`${source}:1:1: empty document: expected a policy (a JSON object with Version and Statement)`);

  const offsets = new Map<string, number>();
  const duplicateKeys: string[] = [];
  const toValue = (node: unknown, path: string): unknown => {
    const n = node as Node | null;
    if (n?.range) offsets.set(path, n.range[0]);
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const at = childPath(path, key);
        if (seen.has(key)) duplicateKeys.push(at);
        seen.add(key);
        const value = toValue(pair.value, at);
        // A list or object is pointed at by its key ("Action": [ ...); a single value by the value itself.
        const keyStart = (pair.key as Node | null)?.range?.[0];
        if (keyStart !== undefined && !isScalar(pair.value)) offsets.set(at, keyStart);
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(n)) return n.items.map((item, i) => toValue(item, childPath(path, i)));
    if (isScalar(n)) return n.value;
    if (n === null) return null;
    // Aliases and the like: YAML features a policy has no use for, resolved by the library or refused with the place.
    try {
      return n.toJS(doc);
    } catch (err) {
      const { line, col } = lineCounter.linePos(n.range?.[0] ?? 0);
      throw new InputError(`${source}:${line}:${col}: not valid JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  const value = toValue(doc.contents, '$');

  return {
    value,
    duplicateKeys,
    source,
    positionOf(path) {
      for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
        const offset = offsets.get(p);
        if (offset !== undefined) {
          const { line, col } = lineCounter.linePos(offset);
          return { line, column: col };
        }
      }
      return { line: 1, column: 1 };
    },
  };
}
