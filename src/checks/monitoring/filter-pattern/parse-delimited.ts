// Space-delimited patterns: [ip, user, ..., status_code = 4* && bytes > 1000, size]. Each field names one
// space-separated token of the event's text ("..." stands for any number of them); a field may carry conditions,
// joined with && and || (&& binds tighter), that can name any field. An empty slot, such as the trailing comma of
// AWS's example [..., request=*.html*, status_code=4*,], is a field without a name: it takes one token (AWS's
// example extracts seven fields from it).
import type { DelimitedExpr, DelimitedField, ParsedPattern } from './ast.js';
import type { Cursor, RegexBudget } from './scanner.js';
import { atEnd, col, describeHere, fail, lookingAt, peek, readCompareOp, readValue, skipSpace } from './scanner.js';

const FIELD_NAME = /[A-Za-z0-9_]/;

export function parseDelimited(c: Cursor): ParsedPattern {
  const open = c.pos;
  c.pos++;
  const fields: DelimitedField[] = [];
  const conditions: DelimitedExpr[] = [];
  const budget: RegexBudget = { used: 0 };
  for (;;) {
    skipSpace(c);
    if (atEnd(c)) fail(`expected ']' to close the '[' at column ${col(open)}`, c.pos);
    if ((peek(c) === ']' || peek(c) === ',') && fields.length > 0) {
      fields.push({ kind: 'anonymous' });
    } else if (lookingAt(c, '...') || lookingAt(c, '…')) {
      c.pos += peek(c) === '…' ? 1 : 3;
      fields.push({ kind: 'ellipsis' });
    } else {
      const name = readName(c);
      if (!name) {
        const what = fields.length === 0 && peek(c) === ']' ? 'an empty field list' : describeHere(c);
        fail(`expected a field name or '...' but found ${what}`, c.pos);
      }
      fields.push({ kind: 'named', name });
      skipSpace(c);
      if (!atEnd(c) && peek(c) !== ',' && peek(c) !== ']') conditions.push(parseOr(c, name, budget));
    }
    skipSpace(c);
    if (atEnd(c)) fail(`expected ']' to close the '[' at column ${col(open)}`, c.pos);
    if (peek(c) === ',') {
      c.pos++;
      continue;
    }
    if (peek(c) === ']') break;
    fail(`expected ',' or ']' but found ${describeHere(c)}`, c.pos);
  }
  c.pos++; // ']'
  skipSpace(c);
  if (!atEnd(c)) fail(`unexpected ${describeHere(c)} after the closing ']'`, c.pos);
  return { kind: 'delimited', fields, conditions };
}

function readName(c: Cursor): string {
  const start = c.pos;
  while (FIELD_NAME.test(peek(c))) c.pos++;
  return c.text.slice(start, c.pos);
}

function parseOr(c: Cursor, first: string | null, budget: RegexBudget): DelimitedExpr {
  const operands = [parseAnd(c, first, budget)];
  for (;;) {
    skipSpace(c);
    if (!lookingAt(c, '||')) break;
    c.pos += 2;
    operands.push(parseAnd(c, null, budget));
  }
  return operands.length === 1 && operands[0] ? operands[0] : { kind: 'or', operands };
}

function parseAnd(c: Cursor, first: string | null, budget: RegexBudget): DelimitedExpr {
  const operands = [parseCompare(c, first, budget)];
  for (;;) {
    skipSpace(c);
    if (!lookingAt(c, '&&')) break;
    c.pos += 2;
    operands.push(parseCompare(c, null, budget));
  }
  return operands.length === 1 && operands[0] ? operands[0] : { kind: 'and', operands };
}

/** `name op value`; for the field's first condition the name was already read. */
function parseCompare(c: Cursor, known: string | null, budget: RegexBudget): DelimitedExpr {
  skipSpace(c);
  const column = col(c.pos);
  const name = known ?? readName(c);
  if (!name) fail(`expected a field name after && or || but found ${describeHere(c)}`, c.pos);
  skipSpace(c);
  const op = readCompareOp(c);
  if (!op) fail(`expected an operator (=, !=, <, >, <=, >=) after ${name} but found ${describeHere(c)}`, c.pos);
  const value = readValue(c, op, ',]&|"', budget);
  return { kind: 'compare', name, op, value, column };
}
