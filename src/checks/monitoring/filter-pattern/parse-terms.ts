// Text ("unstructured") patterns: ERROR, "quoted phrase", ?ERROR ?WARN (either), ERROR -Exiting (not), %regex%.
// AWS documents them as case-sensitive searches of the event's text; for a CloudTrail event that text is its JSON.
// A text pattern that looks like a JSON condition written without braces is an error here, not a search for the
// literal text "$.eventName": that is almost always a mistake, and AWS would match nothing with it.
import type { ParsedPattern, Term } from './ast.js';
import type { Cursor } from './scanner.js';
import { atEnd, describeHere, fail, peek, readBare, readQuoted, readRegex, skipSpace } from './scanner.js';

export function parseTerms(c: Cursor): ParsedPattern {
  const terms: Term[] = [];
  for (;;) {
    skipSpace(c);
    if (atEnd(c)) break;
    const column = c.pos + 1;
    let mode: Term['mode'] = 'required';
    if (peek(c) === '?') {
      mode = 'optional';
      c.pos++;
    } else if (peek(c) === '-') {
      mode = 'excluded';
      c.pos++;
      skipSpace(c); // AWS's own example writes "ERROR" - "Exiting"
    }
    if (mode !== 'required' && (atEnd(c) || /\s/.test(peek(c)))) {
      fail(`expected a term after '${mode === 'optional' ? '?' : '-'}' but found ${describeHere(c)}`, c.pos);
    }
    if (peek(c) === '"') {
      terms.push({ kind: 'phrase', text: readQuoted(c), mode, column });
    } else if (peek(c) === '%') {
      const { source, regex } = readRegex(c);
      terms.push({ kind: 'regex', text: source, regex, mode, column });
    } else {
      const word = readBare(c, '"');
      if (/^\(*\$[.[]/.test(word)) {
        fail('this looks like a JSON condition: a JSON pattern must be enclosed in { }', column - 1);
      }
      if (word === '&&' || word === '||') {
        fail(`'${word}' only works inside { } or [ ]: in a text pattern, write ?term for OR`, column - 1);
      }
      terms.push({ kind: 'word', text: word, mode, column });
    }
  }
  return { kind: 'terms', terms };
}
