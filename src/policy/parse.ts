// Policy text (JSON, YAML, or IAM's URL-encoded JSON) -> the parsed value and where each element is in the text.
// JSON goes through jsonc-parser (strict: no comments, no trailing commas), which keeps offsets and is fast; anything
// else through the yaml package, which keeps node ranges. Both fill one map of JSON paths as in the model
// (`$.Statement[0].Action[1]`) to offsets, so a finding about a path can name its line and column.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
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

/** Offsets -> 1-based line and column. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' between elements",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the list",
  EndOfFileExpected: 'unexpected text after the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

interface Built {
  value: unknown;
  offsets: Map<string, number>;
  duplicateKeys: string[];
}

function fromJson(text: string, source: string, at: (offset: number) => Position): Built {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const error = errors[0];
  if (error) {
    const { line, column } = at(error.offset);
    throw new InputError(`${source}:${line}:${column}: not valid JSON: ${JSON_ERRORS[printParseErrorCode(error.error)] ?? 'syntax error'}`);
  }
  if (!root) throw new InputError(`${source}:1:1: empty document: expected a policy (a JSON object with Version and Statement)`);
  const offsets = new Map<string, number>();
  const duplicateKeys: string[] = [];
  const toValue = (node: JsonNode, path: string): unknown => {
    offsets.set(path, node.offset);
    if (node.type === 'object') {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const child = childPath(path, key);
        if (seen.has(key)) duplicateKeys.push(child);
        seen.add(key);
        Object.defineProperty(out, key, { value: toValue(valueNode, child), enumerable: true, writable: true, configurable: true });
        if (valueNode.type === 'object' || valueNode.type === 'array') offsets.set(child, keyNode.offset);
      }
      return out;
    }
    if (node.type === 'array') return (node.children ?? []).map((item, i) => toValue(item, childPath(path, i)));
    return node.value;
  };
  return { value: toValue(root, '$'), offsets, duplicateKeys };
}

function fromYaml(text: string, source: string, at: (offset: number) => Position): Built {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const error = doc.errors[0];
  if (error) {
    const { line, column } = at(error.pos[0]);
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? 'syntax error';
    throw new InputError(`${source}:${line}:${column}: not valid JSON or YAML: ${message}`);
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
        const child = childPath(path, key);
        if (seen.has(key)) duplicateKeys.push(child);
        seen.add(key);
        const value = toValue(pair.value, child);
        // A list or object is pointed at by its key ("Action": [ ...); a single value by the value itself.
        const keyStart = (pair.key as Node | null)?.range?.[0];
        if (keyStart !== undefined && !isScalar(pair.value)) offsets.set(child, keyStart);
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
      const { line, column } = at(n.range?.[0] ?? 0);
      throw new InputError(`${source}:${line}:${column}: not valid JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  return { value: toValue(doc.contents, '$'), offsets, duplicateKeys };
}

/** Parses a policy; a syntax error is one InputError `source:line:col: message`. */
export function parsePolicyText(text: string, source: string): ParsedPolicy {
  const input = decoded(text);
  const at = lineIndex(input);
  const looksJson = /^\s*[{[]/.test(input);
  const { value, offsets, duplicateKeys } = looksJson ? fromJson(input, source, at) : fromYaml(input, source, at);
  return {
    value,
    duplicateKeys,
    source,
    positionOf(path) {
      for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
        const offset = offsets.get(p);
        if (offset !== undefined) return at(offset);
      }
      return { line: 1, column: 1 };
    },
  };
}
