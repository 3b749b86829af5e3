// The condition operators AWS documents, as data: what each compares and whether it is the negated form.
// Negated operators are evaluated as "no request value matches any policy value" (AWS's rule for NotEquals, NotLike,
// NotIpAddress and friends), so each row only says how one request value matches one policy value.

export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';
export type ValueKind =
  | { type: 'string' }
  | { type: 'stringIgnoreCase' }
  | { type: 'like' }
  | { type: 'numeric'; cmp: Comparison }
  | { type: 'date'; cmp: Comparison }
  | { type: 'bool' }
  | { type: 'binary' }
  | { type: 'ip' }
  | { type: 'arn' };

export interface OperatorRow {
  readonly kind: ValueKind;
  readonly negated: boolean;
}

const typed = (names: [string, Comparison, boolean][], type: 'numeric' | 'date'): [string, OperatorRow][] =>
  names.map(([suffix, cmp, negated]) => [`${type === 'numeric' ? 'Numeric' : 'Date'}${suffix}`, { kind: { type, cmp }, negated }]);

const ORDERED: [string, Comparison, boolean][] = [
  ['Equals', 'eq', false],
  ['NotEquals', 'eq', true],
  ['LessThan', 'lt', false],
  ['LessThanEquals', 'le', false],
  ['GreaterThan', 'gt', false],
  ['GreaterThanEquals', 'ge', false],
];

/** Base operator name (no set prefix, no IfExists) -> row. Null is handled on its own: it looks at presence only. */
export const OPERATORS: ReadonlyMap<string, OperatorRow> = new Map<string, OperatorRow>([
  ['StringEquals', { kind: { type: 'string' }, negated: false }],
  ['StringNotEquals', { kind: { type: 'string' }, negated: true }],
  ['StringEqualsIgnoreCase', { kind: { type: 'stringIgnoreCase' }, negated: false }],
  ['StringNotEqualsIgnoreCase', { kind: { type: 'stringIgnoreCase' }, negated: true }],
  ['StringLike', { kind: { type: 'like' }, negated: false }],
  ['StringNotLike', { kind: { type: 'like' }, negated: true }],
  ...typed(ORDERED, 'numeric'),
  ...typed(ORDERED, 'date'),
  ['Bool', { kind: { type: 'bool' }, negated: false }],
  ['BinaryEquals', { kind: { type: 'binary' }, negated: false }],
  ['IpAddress', { kind: { type: 'ip' }, negated: false }],
  ['NotIpAddress', { kind: { type: 'ip' }, negated: true }],
  ['ArnEquals', { kind: { type: 'arn' }, negated: false }],
  ['ArnLike', { kind: { type: 'arn' }, negated: false }],
  ['ArnNotEquals', { kind: { type: 'arn' }, negated: true }],
  ['ArnNotLike', { kind: { type: 'arn' }, negated: true }],
]);

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ParsedOperator {
  readonly written: string;
  readonly base: string;
  readonly set?: SetQualifier;
  readonly ifExists: boolean;
}

/** `ForAnyValue:StringLikeIfExists` -> its parts; undefined for an operator AWS does not have. */
export function parseOperator(written: string): ParsedOperator | undefined {
  let rest = written;
  let set: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAllValues' && prefix !== 'ForAnyValue') return undefined;
    set = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('IfExists');
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  if (base !== 'Null' && !OPERATORS.has(base)) return undefined;
  if (base === 'Null' && (ifExists || set)) return undefined;
  return { written, base, ...(set ? { set } : {}), ifExists };
}
