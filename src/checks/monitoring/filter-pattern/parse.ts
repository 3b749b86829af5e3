// The CloudWatch Logs filter pattern parser. The JSON form ({ ... }) is what CIS uses and lives here; the text and
// space-delimited forms have their own files. Syntax as AWS documents it ("Filter pattern syntax for metric filters"):
//   { SELECTOR OP VALUE }   selectors $.a.b, $.a[0], $.a[0][1].b (names: letters, digits, '-', '_')
//   OP: = != with strings (quoted or not, * wildcard at either end, * alone = any value) or %regex%;
//       = != < > <= >= with numbers (sign, decimals, exponent)
//   SELECTOR IS NULL | NOT EXISTS | IS TRUE | IS FALSE
//   && binds tighter than ||; parentheses group.
// Keywords are accepted in any case; AWS validated the pattern when it was stored, so leniency costs nothing.
import type { JsonCondition, JsonExpr, ParsedPattern, ParseResult, Selector, SelectorStep } from './ast.js';
import { JSON_TESTS } from './ast.js';
import { parseDelimited } from './parse-delimited.js';
import { parseTerms } from './parse-terms.js';
import type { Cursor, RegexBudget } from './scanner.js';
import {
  atEnd,
  col,
  describeHere,
  fail,
  lookingAt,
  PatternSyntaxError,
  peek,
  readCompareOp,
  readValue,
  skipSpace,
} from './scanner.js';

/** Parses any filter pattern. Never throws: a syntax error comes back with its 1-based column. */
export function parsePattern(text: string): ParseResult {
  try {
    return { ok: true, pattern: parseOrThrow(text) };
  } catch (e) {
    if (e instanceof PatternSyntaxError) return { ok: false, error: { message: e.message, column: e.column } };
    throw e;
  }
}

/** "expected ')' ... at column 12": the one-line form of a parse error. */
export const formatParseError = (error: { message: string; column: number }): string =>
  `${error.message} at column ${error.column}`;

function parseOrThrow(text: string): ParsedPattern {
  const c: Cursor = { text, pos: 0 };
  skipSpace(c);
  // AWS: 'The filter pattern "" matches all log events'; the API also takes an empty string.
  if (atEnd(c) || /^\s*""\s*$/.test(text)) return { kind: 'all' };
  if (peek(c) === '{') return parseJson(c);
  if (peek(c) === '[') return parseDelimited(c);
  return parseTerms(c);
}

// --- JSON ----------------------------------------------------------------------------------------------------------

function parseJson(c: Cursor): ParsedPattern {
  const open = c.pos;
  c.pos++;
  skipSpace(c);
  if (peek(c) === '}') fail('empty JSON pattern: expected a condition such as $.eventName = "ConsoleLogin"', c.pos);
  const expr = parseOr(c, { used: 0 });
  skipSpace(c);
  if (atEnd(c)) fail(`expected '}' to close the '{' at column ${col(open)}`, c.pos);
  if (peek(c) !== '}') fail(`expected '&&', '||' or '}' but found ${describeHere(c)}`, c.pos);
  c.pos++;
  skipSpace(c);
  if (!atEnd(c)) fail(`unexpected ${describeHere(c)} after the closing '}'`, c.pos);
  return { kind: 'json', expr };
}

function parseOr(c: Cursor, budget: RegexBudget): JsonExpr {
  const operands = [parseAnd(c, budget)];
  for (;;) {
    skipSpace(c);
    if (!lookingAt(c, '||')) break;
    c.pos += 2;
    operands.push(parseAnd(c, budget));
  }
  return combine('or', operands);
}

function parseAnd(c: Cursor, budget: RegexBudget): JsonExpr {
  const operands = [parseOperand(c, budget)];
  for (;;) {
    skipSpace(c);
    if (!lookingAt(c, '&&')) break;
    c.pos += 2;
    operands.push(parseOperand(c, budget));
  }
  return combine('and', operands);
}

/** Flattens (a || b) || c into one list: same meaning, simpler tree. */
function combine(kind: 'and' | 'or', operands: JsonExpr[]): JsonExpr {
  if (operands.length === 1 && operands[0]) return operands[0];
  return { kind, operands: operands.flatMap((o) => (o.kind === kind ? o.operands : [o])) };
}

function parseOperand(c: Cursor, budget: RegexBudget): JsonExpr {
  skipSpace(c);
  if (peek(c) === '(') {
    const open = c.pos;
    c.pos++;
    const inner = parseOr(c, budget);
    skipSpace(c);
    if (peek(c) !== ')') {
      const found = atEnd(c) ? '' : ` but found ${describeHere(c)}`;
      fail(`expected ')' to close the '(' at column ${col(open)}${found}`, c.pos);
    }
    c.pos++;
    return inner;
  }
  if (peek(c) === '$') return parseCondition(c, budget);
  fail(`expected a selector such as $.eventName or '(' but found ${describeHere(c)}`, c.pos);
}

const TEST_KEYWORDS = new RegExp(`^(${JSON_TESTS.map((t) => t.replace(' ', '\\s+')).join('|')})(?![A-Za-z0-9_])`, 'i');

function parseCondition(c: Cursor, budget: RegexBudget): JsonCondition {
  const column = col(c.pos);
  const selector = parseSelector(c);
  skipSpace(c);
  const keyword = TEST_KEYWORDS.exec(c.text.slice(c.pos));
  if (keyword) {
    c.pos += keyword[0].length;
    const test = JSON_TESTS.find((t) => t === keyword[0].toUpperCase().replace(/\s+/, ' '));
    if (!test) fail(`unknown test '${keyword[0]}'`, c.pos);
    return { kind: 'test', selector, test, column };
  }
  const op = readCompareOp(c);
  if (!op) {
    fail(
      `expected an operator (=, !=, <, >, <=, >=, IS NULL, IS TRUE, IS FALSE or NOT EXISTS) after ${selector.text} ` +
        `but found ${describeHere(c)}`,
      c.pos,
    );
  }
  // An unquoted value ends at whitespace, a parenthesis, a brace, && or ||, or a quote.
  const value = readValue(c, op, '(){}&|"', budget);
  return { kind: 'compare', selector, op, value, column };
}

const NAME_CHAR = /[A-Za-z0-9_-]/;

function parseSelector(c: Cursor): Selector {
  const start = c.pos;
  c.pos++; // '$'
  const steps: SelectorStep[] = [];
  for (;;) {
    if (peek(c) === '.') {
      c.pos++;
      if (peek(c) === '*') fail('wildcard selectors are not part of the CloudWatch Logs syntax: name the property', c.pos);
      const nameStart = c.pos;
      while (NAME_CHAR.test(peek(c))) c.pos++;
      if (c.pos === nameStart) fail(`expected a property name after '.' but found ${describeHere(c)}`, c.pos);
      steps.push({ kind: 'property', name: c.text.slice(nameStart, c.pos) });
    } else if (peek(c) === '[') {
      if (steps.length === 0) fail('array elements must follow a property, as in $.items[0]', c.pos);
      c.pos++;
      const digitsStart = c.pos;
      while (/[0-9]/.test(peek(c))) c.pos++;
      if (c.pos === digitsStart) {
        if (peek(c) === '*') fail('wildcard array indexes are not part of the CloudWatch Logs syntax', c.pos);
        fail(`expected an array index (a number) after '[' but found ${describeHere(c)}`, c.pos);
      }
      const index = Number(c.text.slice(digitsStart, c.pos));
      if (peek(c) !== ']') fail(`expected ']' after the array index but found ${describeHere(c)}`, c.pos);
      c.pos++;
      steps.push({ kind: 'index', index });
    } else {
      break;
    }
  }
  if (steps.length === 0) fail(`expected '.' and a property name after '$' but found ${describeHere(c)}`, c.pos);
  // Anything but what may follow a selector (space, an operator, a closing bracket) was meant as part of a name.
  if (!atEnd(c) && !/[\s=!<>(){}&|]/.test(peek(c))) {
    fail(`'${peek(c)}' cannot appear in a selector (property names are letters, digits, '-' and '_')`, c.pos);
  }
  return { text: c.text.slice(start, c.pos), steps };
}
