// Runs a parsed pattern on one event, the way CloudWatch Logs would on the event's log message.
//
// JSON patterns read the event's fields. Where the docs are silent rampart takes the reading that can only make it
// stricter than AWS, never looser, so a filter it passes really does catch the events:
// - A selector on an absent field matches neither `=` nor `!=` (only NOT EXISTS). AWS documents that when a selector
//   points to an object or array "both {$.users = 1} and {$.users != 1} will fail to match"; it does not say what an
//   absent field does, and `!=` is commonly reported not to match one (hence the `NOT EXISTS || !=` idiom). rampart
//   treats absent, null, object and array alike: the comparison does not apply. A filter that relies on `!=` to
//   catch events lacking the field is therefore judged as missing them.
// - IS NULL is true only for a present null; NOT EXISTS only for an absent field (documented).
// Text and space-delimited patterns search the message text, which for a CloudTrail event is its JSON.
import type { DelimitedExpr, DelimitedField, JsonExpr, ParsedPattern, SelectorStep, Term } from './ast.js';
import type { Scalar } from './value-match.js';
import { compareScalar } from './value-match.js';

/** Whether the pattern matches a CloudTrail event (or any JSON log event) given as an object. */
export function matches(pattern: ParsedPattern, event: object): boolean {
  // CloudTrail delivers each event to CloudWatch Logs as one line of JSON: that line is what text patterns search.
  return pattern.kind === 'json' ? evalJson(pattern.expr, event) : matchesMessage(pattern, JSON.stringify(event));
}

/** Whether the pattern matches a raw log message. A JSON pattern never matches a message that is not a JSON object. */
export function matchesMessage(pattern: ParsedPattern, message: string): boolean {
  switch (pattern.kind) {
    case 'all':
      return true;
    case 'json': {
      const event = parseJsonObject(message);
      return event !== null && evalJson(pattern.expr, event);
    }
    case 'terms':
      return evalTerms(pattern.terms, message);
    case 'delimited':
      return evalDelimited(pattern.fields, pattern.conditions, message);
  }
}

function parseJsonObject(message: string): object | null {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

// --- JSON ----------------------------------------------------------------------------------------------------------

function evalJson(expr: JsonExpr, event: object): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((o) => evalJson(o, event));
    case 'or':
      return expr.operands.some((o) => evalJson(o, event));
    case 'test': {
      const found = resolve(event, expr.selector.steps);
      switch (expr.test) {
        case 'NOT EXISTS':
          return !found.present;
        case 'IS NULL':
          return found.present && found.value === null;
        case 'IS TRUE':
          return found.present && found.value === true;
        case 'IS FALSE':
          return found.present && found.value === false;
      }
      break;
    }
    case 'compare': {
      const found = resolve(event, expr.selector.steps);
      return found.present && isScalar(found.value) && compareScalar(found.value, expr.op, expr.value);
    }
  }
  return false;
}

type Found = { present: false } | { present: true; value: unknown };

function resolve(root: unknown, steps: SelectorStep[]): Found {
  let current: unknown = root;
  for (const step of steps) {
    if (step.kind === 'property') {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return { present: false };
      if (!Object.hasOwn(current, step.name)) return { present: false };
      current = (current as Record<string, unknown>)[step.name];
    } else {
      if (!Array.isArray(current) || step.index >= current.length) return { present: false };
      current = current[step.index] as unknown;
    }
  }
  return { present: true, value: current };
}

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

// --- Text ----------------------------------------------------------------------------------------------------------

/**
 * Every required term occurs, no excluded term does, and if there are ?optional terms at least one occurs.
 * AWS documents each of these alone (ERROR WARN, ?ERROR ?WARN, ERROR -WARN), not their mixture; this is the
 * reading that keeps each rule's own meaning.
 */
function evalTerms(terms: Term[], message: string): boolean {
  const occurs = (t: Term): boolean => (t.regex ? t.regex.test(message) : message.includes(t.text));
  const optional = terms.filter((t) => t.mode === 'optional');
  return (
    terms.every((t) => t.mode !== 'required' || occurs(t)) &&
    !terms.some((t) => t.mode === 'excluded' && occurs(t)) &&
    (optional.length === 0 || optional.some(occurs))
  );
}

// --- Space-delimited -----------------------------------------------------------------------------------------------

/** Splits on spaces; "a quoted run" and [a bracketed run] are one token each, without their delimiters (documented). */
export function splitFields(message: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < message.length) {
    if (/\s/.test(message[i] ?? '')) {
      i++;
      continue;
    }
    const close = message[i] === '"' ? '"' : message[i] === '[' ? ']' : null;
    if (close) {
      const end = message.indexOf(close, i + 1);
      const stop = end < 0 ? message.length : end;
      tokens.push(message.slice(i + 1, stop));
      i = stop + 1;
    } else {
      let end = i;
      while (end < message.length && !/\s/.test(message[end] ?? '')) end++;
      tokens.push(message.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

function evalDelimited(fields: DelimitedField[], conditions: DelimitedExpr[], message: string): boolean {
  const tokens = splitFields(message);
  // Try every way "..." can absorb tokens; the conditions decide once all fields are bound. A condition that names
  // a field the pattern does not declare has nothing to compare and does not match.
  const bind = (fi: number, ti: number, bound: Map<string, string>): boolean => {
    const field = fields[fi];
    if (!field) return ti === tokens.length && conditions.every((e) => evalDelimitedExpr(e, bound));
    if (field.kind === 'ellipsis') {
      for (let k = ti; k <= tokens.length; k++) if (bind(fi + 1, k, bound)) return true;
      return false;
    }
    const token = tokens[ti];
    if (token === undefined) return false;
    return bind(fi + 1, ti + 1, field.kind === 'named' ? new Map(bound).set(field.name, token) : bound);
  };
  return bind(0, 0, new Map());
}

function evalDelimitedExpr(expr: DelimitedExpr, bound: Map<string, string>): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((o) => evalDelimitedExpr(o, bound));
    case 'or':
      return expr.operands.some((o) => evalDelimitedExpr(o, bound));
    case 'compare': {
      const token = bound.get(expr.name);
      return token !== undefined && compareScalar(token, expr.op, expr.value);
    }
  }
}
