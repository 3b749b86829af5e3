// The shapes a CloudWatch Logs filter pattern parses into. Plain data (a RegExp aside), so the judge, the matcher and
// the tests can look at a pattern without re-reading its text.

/** A parsed filter pattern: one of the four forms CloudWatch Logs accepts. */
export type ParsedPattern =
  /** The empty pattern (or `""`): AWS documents that it matches every event. */
  | { kind: 'all' }
  /** `{ ... }`: conditions on the fields of a JSON log event. */
  | { kind: 'json'; expr: JsonExpr }
  /** Words, `"quoted phrases"`, `?optional`, `-excluded` and `%regex%` searched in the event's text. */
  | { kind: 'terms'; terms: Term[] }
  /** `[a, b, ..., c = x]`: the event's text split into space-delimited fields. */
  | { kind: 'delimited'; fields: DelimitedField[]; conditions: DelimitedExpr[] };

// --- JSON patterns -----------------------------------------------------------------------------------------------

export type JsonExpr =
  | { kind: 'and'; operands: JsonExpr[] }
  | { kind: 'or'; operands: JsonExpr[] }
  | JsonCondition;

export type JsonCondition =
  | { kind: 'compare'; selector: Selector; op: CompareOp; value: Value; column: number }
  | { kind: 'test'; selector: Selector; test: JsonTest; column: number };

export const COMPARE_OPS = ['=', '!=', '<', '>', '<=', '>='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export const JSON_TESTS = ['IS NULL', 'NOT EXISTS', 'IS TRUE', 'IS FALSE'] as const;
export type JsonTest = (typeof JSON_TESTS)[number];

/** `$.a.b[0].c`: the text as written and the steps from the root of the event. */
export interface Selector {
  text: string;
  steps: SelectorStep[];
}
export type SelectorStep = { kind: 'property'; name: string } | { kind: 'index'; index: number };

/** The right-hand side of a comparison. */
export type Value =
  /** `*` or `"*"`: any value at all. */
  | { kind: 'any' }
  /**
   * A string, quoted or not. A leading `*` lets any text come before, a trailing `*` any text after; AWS documents that
   * a `*` in the middle is a literal star ("Ev*ent will only match the actual string Ev*ent").
   */
  | { kind: 'string'; text: string; match: 'exact' | 'prefix' | 'suffix' | 'contains' }
  /** An unquoted number: `400`, `-1.5`, `10e3`. The text is kept for comparing with string fields. */
  | { kind: 'number'; value: number; text: string }
  /** `%regex%`, searched anywhere in the value (anchor with ^ and $). */
  | { kind: 'regex'; source: string; regex: RegExp };

// --- Text (unstructured) patterns --------------------------------------------------------------------------------

export interface Term {
  kind: 'word' | 'phrase' | 'regex';
  /** The word or phrase without quotes, or the regex source without the % signs. */
  text: string;
  /** required: must occur; optional (`?term`): at least one optional term must occur; excluded (`-term`): must not. */
  mode: 'required' | 'optional' | 'excluded';
  column: number;
  /** Only for kind 'regex'. */
  regex?: RegExp;
}

// --- Space-delimited patterns ------------------------------------------------------------------------------------

/** `...` takes any number of tokens; a named field takes one; an empty slot (`a,,b` or a trailing comma) takes one. */
export type DelimitedField = { kind: 'ellipsis' } | { kind: 'named'; name: string } | { kind: 'anonymous' };

export type DelimitedExpr =
  | { kind: 'and'; operands: DelimitedExpr[] }
  | { kind: 'or'; operands: DelimitedExpr[] }
  | { kind: 'compare'; name: string; op: CompareOp; value: Value; column: number };

// --- Results -----------------------------------------------------------------------------------------------------

/** Where a pattern stops making sense: `column` is 1-based in the text that was given. */
export interface ParseError {
  message: string;
  column: number;
}

export type ParseResult = { ok: true; pattern: ParsedPattern } | { ok: false; error: ParseError };
