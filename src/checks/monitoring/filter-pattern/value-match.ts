// One field value against one `op value`: shared by JSON fields and space-delimited tokens.
//
// What AWS documents and what rampart assumes where it does not:
// - Strings compare exactly and case-sensitively; * at the start or end is a wildcard (documented).
// - `= *` matches any value (documented as { $.latency = * }).
// - An unquoted number equals a JSON number of the same value, and a string spelling it ("400", or an account id like
//   123456789012 that CloudTrail writes as a string). AWS's own prose uses `recipientAccountId is 123456789012`.
// - <, >, <=, >= need a number; a string that spells a plain number counts (space-delimited tokens are all text).
// - A boolean compares by its text, so `$.readOnly = true` matches true (IS TRUE / IS FALSE is the documented way).
import type { CompareOp, Value } from './ast.js';
import { isNumberText } from './scanner.js';

export type Scalar = string | number | boolean;

export function compareScalar(actual: Scalar, op: CompareOp, value: Value): boolean {
  switch (op) {
    case '=':
      return equals(actual, value);
    case '!=':
      return !equals(actual, value);
    default:
      return ordered(actual, op, value);
  }
}

function equals(actual: Scalar, value: Value): boolean {
  switch (value.kind) {
    case 'any':
      return true;
    case 'number':
      if (typeof actual === 'number') return actual === value.value;
      if (typeof actual === 'string') return actual === value.text || (isNumberText(actual) && Number(actual) === value.value);
      return false;
    case 'regex':
      return value.regex.test(String(actual));
    case 'string': {
      const text = String(actual);
      switch (value.match) {
        case 'exact':
          return text === value.text;
        case 'prefix':
          return text.startsWith(value.text);
        case 'suffix':
          return text.endsWith(value.text);
        case 'contains':
          return text.includes(value.text);
      }
    }
  }
}

function ordered(actual: Scalar, op: CompareOp, value: Value): boolean {
  if (value.kind !== 'number') return false; // the parser only lets numbers through; kept total for the type
  const n = typeof actual === 'number' ? actual : typeof actual === 'string' && isNumberText(actual) ? Number(actual) : NaN;
  if (Number.isNaN(n)) return false;
  switch (op) {
    case '<':
      return n < value.value;
    case '>':
      return n > value.value;
    case '<=':
      return n <= value.value;
    case '>=':
      return n >= value.value;
    default:
      return false;
  }
}
