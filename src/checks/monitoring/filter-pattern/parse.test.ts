import { describe, expect, it } from 'vitest';
import type { JsonExpr, ParsedPattern, Value } from './ast.js';
import { formatParseError, parsePattern } from './parse.js';

const parse = (text: string): ParsedPattern => {
  const r = parsePattern(text);
  if (!r.ok) throw new Error(`did not parse: ${formatParseError(r.error)}`);
  return r.pattern;
};
const json = (text: string): JsonExpr => {
  const p = parse(text);
  if (p.kind !== 'json') throw new Error(`not JSON: ${p.kind}`);
  return p.expr;
};
/** The tree without columns and compiled regexes: what the pattern means, not where it was written. */
const shape = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'column' || k === 'regex' ? undefined : v)));
const errorOf = (text: string) => {
  const r = parsePattern(text);
  if (r.ok) throw new Error(`parsed, expected an error: ${text}`);
  return r.error;
};
const valueOf = (text: string): Value => {
  const e = json(`{ $.x = ${text} }`);
  if (e.kind !== 'compare') throw new Error('not a comparison');
  return e.value;
};

describe('JSON patterns', () => {
  it('parses the CIS form: selector, operator, quoted value, in braces', () => {
    expect(shape(json('{ $.eventName = "ConsoleLogin" }'))).toEqual({
      kind: 'compare',
      selector: { text: '$.eventName', steps: [{ kind: 'property', name: 'eventName' }] },
      op: '=',
      value: { kind: 'string', text: 'ConsoleLogin', match: 'exact' },
    });
  });

  it('gives the same tree whatever the spacing and quoting', () => {
    const forms = [
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
      '{($.eventName="ConsoleLogin")&&($.additionalEventData.MFAUsed!="Yes")}',
      '  {\n  $.eventName = ConsoleLogin\n  &&\t$.additionalEventData.MFAUsed != Yes\n}  ',
      '{ ((($.eventName = "ConsoleLogin"))) && ($.additionalEventData.MFAUsed != "Yes") }',
    ];
    const trees = forms.map((f) => shape(json(f)));
    for (const t of trees) expect(t).toEqual(trees[0]);
  });

  it('binds && tighter than ||', () => {
    const e = shape(json('{ $.a = 1 || $.b = 2 && $.c = 3 }')) as { kind: string; operands: { kind: string }[] };
    expect(e.kind).toBe('or');
    expect(e.operands.map((o) => o.kind)).toEqual(['compare', 'and']);
    const g = shape(json('{ ($.a = 1 || $.b = 2) && $.c = 3 }')) as { kind: string; operands: { kind: string }[] };
    expect(g.kind).toBe('and');
    expect(g.operands.map((o) => o.kind)).toEqual(['or', 'compare']);
  });

  it('flattens nested groups of the same operator', () => {
    const e = json('{ $.a = 1 || ($.b = 2 || ($.c = 3 || $.d = 4)) }');
    expect(e.kind === 'or' && e.operands.length).toBe(4);
  });

  it('keeps nested mixed groups', () => {
    const e = shape(json('{ (($.a = 1 && ($.b = 2 || $.c = 3)) || $.d = 4) && $.e = 5 }')) as {
      kind: string;
      operands: { kind: string; operands?: { kind: string }[] }[];
    };
    expect(e.kind).toBe('and');
    expect(e.operands[0]?.kind).toBe('or');
    expect(e.operands[0]?.operands?.map((o) => o.kind)).toEqual(['and', 'compare']);
  });

  it('reads wildcards at either end; a star in the middle is literal (documented)', () => {
    expect(valueOf('"*UnauthorizedOperation"')).toEqual({ kind: 'string', text: 'UnauthorizedOperation', match: 'suffix' });
    expect(valueOf('"AccessDenied*"')).toEqual({ kind: 'string', text: 'AccessDenied', match: 'prefix' });
    expect(valueOf('*html*')).toEqual({ kind: 'string', text: 'html', match: 'contains' });
    expect(valueOf('123.123.*')).toEqual({ kind: 'string', text: '123.123.', match: 'prefix' });
    expect(valueOf('Ev*ent')).toEqual({ kind: 'string', text: 'Ev*ent', match: 'exact' });
    expect(valueOf('*')).toEqual({ kind: 'any' });
    expect(valueOf('"*"')).toEqual({ kind: 'any' });
  });

  it('reads unquoted numbers as numbers and quoted ones as strings', () => {
    expect(valueOf('400')).toEqual({ kind: 'number', value: 400, text: '400' });
    expect(valueOf('-1.5')).toMatchObject({ kind: 'number', value: -1.5 });
    expect(valueOf('+1000')).toMatchObject({ kind: 'number', value: 1000 });
    expect(valueOf('10e3')).toMatchObject({ kind: 'number', value: 10000 });
    expect(valueOf('10e-3')).toMatchObject({ kind: 'number', value: 0.01 });
    expect(valueOf('"400"')).toEqual({ kind: 'string', text: '400', match: 'exact' });
    expect(valueOf('123456789012')).toMatchObject({ kind: 'number', text: '123456789012' });
  });

  it('reads every numeric operator', () => {
    for (const op of ['<', '>', '<=', '>=', '=', '!=']) {
      const e = json(`{ $.latency ${op} 500 }`);
      expect(e).toMatchObject({ kind: 'compare', op, value: { kind: 'number', value: 500 } });
    }
    expect(json('{ $.latency>=500 }')).toMatchObject({ op: '>=' });
  });

  it('reads IS NULL, NOT EXISTS, IS TRUE, IS FALSE, in any case and spacing', () => {
    expect(json('{ $.SomeObject IS NULL }')).toMatchObject({ kind: 'test', test: 'IS NULL' });
    expect(json('{ $.userIdentity.invokedBy NOT EXISTS }')).toMatchObject({ kind: 'test', test: 'NOT EXISTS' });
    expect(json('{ $.ThisFlag IS TRUE }')).toMatchObject({ kind: 'test', test: 'IS TRUE' });
    expect(json('{ $.ThisFlag is   false }')).toMatchObject({ kind: 'test', test: 'IS FALSE' });
    expect(json('{ $.a NOT EXISTS && $.b = 1 }')).toMatchObject({ kind: 'and' });
  });

  it('reads selectors with properties, array indexes and nesting', () => {
    const steps = (sel: string) => {
      const e = json(`{ ${sel} = 1 }`);
      return e.kind === 'compare' ? e.selector.steps : null;
    };
    expect(steps('$.users[0].email')).toEqual([
      { kind: 'property', name: 'users' },
      { kind: 'index', index: 0 },
      { kind: 'property', name: 'email' },
    ]);
    expect(steps('$.coordinates[0][1]')).toEqual([
      { kind: 'property', name: 'coordinates' },
      { kind: 'index', index: 0 },
      { kind: 'index', index: 1 },
    ]);
    expect(steps('$.requestParameters.x-amz-acl')).toEqual([
      { kind: 'property', name: 'requestParameters' },
      { kind: 'property', name: 'x-amz-acl' },
    ]);
  });

  it('reads escapes in quoted strings', () => {
    expect(valueOf('"say \\"hi\\" \\\\ now"')).toEqual({ kind: 'string', text: 'say "hi" \\ now', match: 'exact' });
    expect(valueOf('"a && b || (c)"')).toEqual({ kind: 'string', text: 'a && b || (c)', match: 'exact' });
  });

  it('reads %regex% values', () => {
    const v = valueOf('%^Access[A-Za-z]*$%');
    expect(v).toMatchObject({ kind: 'regex', source: '^Access[A-Za-z]*$' });
    expect(json('{ $.a = %x% || $.b = %y% }').kind).toBe('or');
  });
});

describe('JSON pattern errors give the place', () => {
  const cases: [string, string, number][] = [
    ['{ $.eventName = "ConsoleLogin"', "expected '}' to close the '{' at column 1", 31],
    ['{ }', 'empty JSON pattern', 3],
    ['{ ($.a = 1 }', "expected ')' to close the '(' at column 3 but found '}'", 12],
    ['{ ($.a = 1 || ($.b = 2) }', "expected ')' to close the '(' at column 3", 25],
    ['{ $.a = }', "expected a value after '=' but found '}'", 9],
    ['{ $.a = 1 && }', "expected a selector such as $.eventName or '(' but found '}'", 14],
    ['{ $.a == 1 }', "'==' is not an operator here: use '='", 7],
    ['{ $.a 1 }', 'expected an operator (=, !=, <, >, <=, >=, IS NULL, IS TRUE, IS FALSE or NOT EXISTS) after $.a', 7],
    ['{ $.a = 1 & $.b = 2 }', "expected '&&', '||' or '}' but found '&'", 11],
    ['{ $.a = 1 } x', "unexpected 'x' after the closing '}'", 13],
    ['{ $.a = "open }', `unterminated string: the '"' at column 9 is never closed`, 9],
    ['{ $.a < "5" }', "'<' compares numbers: expected a number", 9],
    ['{ $.a > abc }', "'>' compares numbers: expected a number", 9],
    ['{ eventName = 1 }', "expected a selector such as $.eventName or '(' but found 'e'", 3],
    ['{ $ = 1 }', "expected '.' and a property name after '$'", 4],
    ['{ $. = 1 }', "expected a property name after '.'", 5],
    ['{ $[0] = 1 }', 'array elements must follow a property', 4],
    ['{ $.a[x] = 1 }', "expected an array index (a number) after '['", 7],
    ['{ $.a[0 = 1 }', "expected ']' after the array index", 8],
    ['{ $.a[*] = 1 }', 'wildcard array indexes are not part', 7],
    ['{ $.a.* = 1 }', 'wildcard selectors are not part', 7],
    ['{ $.a:b = 1 }', "':' cannot appear in a selector", 6],
    ['{ $.a }', 'expected an operator (=, !=, <, >, <=, >=, IS NULL, IS TRUE, IS FALSE or NOT EXISTS) after $.a but found \'}\'', 7],
    ['{ $.a = %abc!% }', "'!' is not allowed in a CloudWatch Logs regular expression", 13],
    ['{ $.a = %a(b)% }', 'cannot use parentheses', 11],
    ['{ $.a = %abc }', "unterminated regular expression: the '%' at column 9 is never closed", 9],
    ['{ $.a = %x% || $.b = %y% || $.c = %z% }', 'at most 2 regular expressions', 35],
  ];
  for (const [text, message, column] of cases) {
    it(`${text} -> ${message} (column ${column})`, () => {
      const e = errorOf(text);
      expect(e.message).toContain(message);
      expect(e.column).toBe(column);
    });
  }

  it('formats as one line ending with the column', () => {
    expect(formatParseError(errorOf('{ ($.a = 1 }'))).toBe("expected ')' to close the '(' at column 3 but found '}' at column 12");
  });
});

describe('text patterns', () => {
  it('treats the empty pattern and "" as "every event" (documented)', () => {
    expect(parse('')).toEqual({ kind: 'all' });
    expect(parse('   ')).toEqual({ kind: 'all' });
    expect(parse('""')).toEqual({ kind: 'all' });
  });

  it('reads words, phrases, ?optional, -excluded and %regex% terms', () => {
    expect(shape(parse('ERROR "Failed to process" ?WARN -Exiting %AUTH[A-Z]+%'))).toEqual({
      kind: 'terms',
      terms: [
        { kind: 'word', text: 'ERROR', mode: 'required' },
        { kind: 'phrase', text: 'Failed to process', mode: 'required' },
        { kind: 'word', text: 'WARN', mode: 'optional' },
        { kind: 'word', text: 'Exiting', mode: 'excluded' },
        { kind: 'regex', text: 'AUTH[A-Z]+', mode: 'required' },
      ],
    });
  });

  it('reads AWS\'s "ERROR" - "Exiting" form, with a space after the minus', () => {
    expect(shape(parse('"ERROR" - "Exiting"'))).toEqual({
      kind: 'terms',
      terms: [
        { kind: 'phrase', text: 'ERROR', mode: 'required' },
        { kind: 'phrase', text: 'Exiting', mode: 'excluded' },
      ],
    });
  });

  it('refuses a JSON condition written without braces, and && / || outside them', () => {
    expect(errorOf('$.eventName = ConsoleLogin')).toEqual({
      message: 'this looks like a JSON condition: a JSON pattern must be enclosed in { }',
      column: 1,
    });
    expect(errorOf('($.eventName = ConsoleLogin)').column).toBe(1);
    expect(errorOf('ERROR || WARN')).toEqual({
      message: "'||' only works inside { } or [ ]: in a text pattern, write ?term for OR",
      column: 7,
    });
    expect(errorOf('ERROR ? WARN').message).toContain("expected a term after '?'");
  });
});

describe('space-delimited patterns', () => {
  it('reads fields, ellipses and conditions joined by && and ||', () => {
    const p = parse('[ip, user, ..., status_code = 4* && bytes > 1000, bytes]');
    expect(p.kind).toBe('delimited');
    if (p.kind !== 'delimited') return;
    expect(p.fields).toEqual([
      { kind: 'named', name: 'ip' },
      { kind: 'named', name: 'user' },
      { kind: 'ellipsis' },
      { kind: 'named', name: 'status_code' },
      { kind: 'named', name: 'bytes' },
    ]);
    expect(shape(p.conditions)).toEqual([
      {
        kind: 'and',
        operands: [
          { kind: 'compare', name: 'status_code', op: '=', value: { kind: 'string', text: '4', match: 'prefix' } },
          { kind: 'compare', name: 'bytes', op: '>', value: { kind: 'number', value: 1000, text: '1000' } },
        ],
      },
    ]);
  });

  it('reads || with && binding tighter, and empty slots as unnamed fields', () => {
    const p = parse('[w1=ERROR || w1=WARN && w2=x, w2,]');
    expect(p.kind === 'delimited' && p.fields).toEqual([
      { kind: 'named', name: 'w1' },
      { kind: 'named', name: 'w2' },
      { kind: 'anonymous' },
    ]);
    expect(parse('[a,, b]')).toMatchObject({ fields: [{ kind: 'named' }, { kind: 'anonymous' }, { kind: 'named' }] });
    expect(p.kind === 'delimited' && shape(p.conditions[0])).toMatchObject({ kind: 'or', operands: [{ kind: 'compare' }, { kind: 'and' }] });
  });

  it('gives the place of errors', () => {
    expect(errorOf('[]')).toEqual({ message: "expected a field name or '...' but found an empty field list", column: 2 });
    expect(errorOf('[a, b')).toEqual({ message: "expected ']' to close the '[' at column 1", column: 6 });
    expect(errorOf('[a b]')).toEqual({ message: "expected an operator (=, !=, <, >, <=, >=) after a but found 'b'", column: 4 });
    expect(errorOf('[a, b > x]')).toEqual({ message: "'>' compares numbers: expected a number", column: 9 });
    expect(errorOf('[a, !b]').message).toContain("expected a field name or '...' but found '!'");
  });
});
