// The character-level pieces the three pattern parsers share: a cursor over the text, quoted strings, %regex% and
// the classification of a value (wildcard, number, any). A syntax error is thrown as PatternSyntaxError inside a
// parse and turned into a ParseResult at its edge, so nothing outside this folder sees an exception.
import type { CompareOp, Value } from './ast.js';

export class PatternSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based. */
    readonly column: number,
  ) {
    super(message);
  }
}

export interface Cursor {
  readonly text: string;
  pos: number;
}

/** Throws a syntax error at a 0-based position. */
export function fail(message: string, pos: number): never {
  throw new PatternSyntaxError(message, pos + 1);
}

export const col = (pos: number): number => pos + 1;

export function skipSpace(c: Cursor): void {
  while (c.pos < c.text.length && /\s/.test(c.text[c.pos] ?? '')) c.pos++;
}

export const atEnd = (c: Cursor): boolean => c.pos >= c.text.length;
export const peek = (c: Cursor, offset = 0): string => c.text[c.pos + offset] ?? '';
export const lookingAt = (c: Cursor, s: string): boolean => c.text.startsWith(s, c.pos);

/** What the cursor is on, for messages: `'x'` or "the end of the pattern". */
export function describeHere(c: Cursor): string {
  return atEnd(c) ? 'the end of the pattern' : `'${peek(c)}'`;
}

/** A double-quoted string starting at the cursor. `\"` and `\\` are escapes; any other backslash is kept. */
export function readQuoted(c: Cursor): string {
  const start = c.pos;
  c.pos++;
  let out = '';
  for (;;) {
    if (atEnd(c)) fail(`unterminated string: the '"' at column ${col(start)} is never closed`, start);
    const ch = peek(c);
    if (ch === '\\' && (peek(c, 1) === '"' || peek(c, 1) === '\\')) {
      out += peek(c, 1);
      c.pos += 2;
    } else if (ch === '"') {
      c.pos++;
      return out;
    } else {
      out += ch;
      c.pos++;
    }
  }
}

// The AWS regex subset: letters, digits, the symbols _ # = @ / ; , - : and the operators ^ $ ? [ ] { } | \ * + .
// Parentheses are documented as unsupported. A space is not listed, but AWS's own CDK builds regex values with
// spaces, so it is accepted rather than rejecting a pattern AWS took.
const REGEX_CHAR = /^[A-Za-z0-9_#=@/;,\-: ^$?[\]{}|\\*+.]$/;
/** AWS allows at most this many %regex% in one JSON or space-delimited pattern. */
export const MAX_REGEX_PER_PATTERN = 2;

/** `%...%` starting at the cursor, checked against the documented subset and compiled. */
export function readRegex(c: Cursor): { source: string; regex: RegExp } {
  const start = c.pos;
  const end = c.text.indexOf('%', start + 1);
  if (end < 0) fail(`unterminated regular expression: the '%' at column ${col(start)} is never closed`, start);
  const source = c.text.slice(start + 1, end);
  if (source === '') fail('empty regular expression', start);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    const at = start + 1 + i;
    if (ch === '(' || ch === ')') fail('CloudWatch Logs regular expressions cannot use parentheses', at);
    if (ch.charCodeAt(0) > 127) fail('CloudWatch Logs regular expressions cannot contain multi-byte characters', at);
    if (!REGEX_CHAR.test(ch)) fail(`'${ch}' is not allowed in a CloudWatch Logs regular expression`, at);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (e) {
    return fail(`invalid regular expression: ${(e as Error).message}`, start);
  }
  c.pos = end + 1;
  return { source, regex };
}

/** An unquoted run of characters up to whitespace or one of `stops`. May be empty. */
export function readBare(c: Cursor, stops: string): string {
  const start = c.pos;
  while (!atEnd(c) && !/\s/.test(peek(c)) && !stops.includes(peek(c))) c.pos++;
  return c.text.slice(start, c.pos);
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
export const isNumberText = (text: string): boolean => NUMBER.test(text);

/**
 * What a written value means. Only an unquoted number is a number (`"400"` is a string); a value of only stars is
 * "any value"; otherwise leading and trailing stars are wildcards.
 */
export function classifyValue(text: string, quoted: boolean): Value {
  if (/^\*+$/.test(text)) return { kind: 'any' };
  if (!quoted && isNumberText(text)) return { kind: 'number', value: Number(text), text };
  const leading = text.startsWith('*');
  const trailing = text.endsWith('*');
  const core = text.replace(/^\*+/, '').replace(/\*+$/, '');
  const match = leading && trailing ? 'contains' : leading ? 'suffix' : trailing ? 'prefix' : 'exact';
  return { kind: 'string', text: core, match };
}

/** A comparison operator at the cursor (consumed), or null. Two-character operators are tried first. */
export function readCompareOp(c: Cursor): CompareOp | null {
  for (const op of ['!=', '<=', '>=', '=', '<', '>'] as const) {
    if (lookingAt(c, op)) {
      if (op === '=' && peek(c, 1) === '=') fail("'==' is not an operator here: use '='", c.pos);
      c.pos += op.length;
      return op;
    }
  }
  return null;
}

export const isOrdering = (op: CompareOp): boolean => op !== '=' && op !== '!=';

/** Counts %regex% in one pattern against AWS's limit. */
export interface RegexBudget {
  used: number;
}

/**
 * The value after `op`: a quoted string, a %regex% or an unquoted run up to whitespace or one of `stops`.
 * `<`, `>`, `<=` and `>=` compare numbers, so their value must be an unquoted number.
 */
export function readValue(c: Cursor, op: CompareOp, stops: string, budget: RegexBudget): Value {
  skipSpace(c);
  const start = c.pos;
  let value: Value;
  if (peek(c) === '"') {
    value = classifyValue(readQuoted(c), true);
  } else if (peek(c) === '%') {
    budget.used++;
    if (budget.used > MAX_REGEX_PER_PATTERN) {
      fail(`at most ${MAX_REGEX_PER_PATTERN} regular expressions are allowed in one filter pattern`, start);
    }
    value = { kind: 'regex', ...readRegex(c) };
  } else {
    const text = readBare(c, stops);
    if (text === '') fail(`expected a value after '${op}' but found ${describeHere(c)}`, c.pos);
    value = classifyValue(text, false);
  }
  if (isOrdering(op) && value.kind !== 'number') fail(`'${op}' compares numbers: expected a number`, start);
  return value;
}
