// A zod issue in words a person editing rampart.yaml can act on: which key, what was expected, what was there.
// zod's own messages ("Invalid input: expected object, received boolean") name types, not YAML.
import { z } from 'zod';
import { closest } from '../util/closest.js';

export type SpecPath = (string | number)[];

export interface SpecProblem {
  /** Where in the document: the value's path; for an unknown key, the path of that key. */
  path: SpecPath;
  /** The key itself is at fault (unknown key), not its value: point at the key. */
  atKey: boolean;
  message: string;
}

/** `budget.amount`, `alertEmails[0]`; the top level is `(top level)`. */
export function formatPath(path: SpecPath): string {
  const text = path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
  return text || '(top level)';
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

/** The problems of a failed parse, unions resolved to the branch the user meant. */
export function specProblems(schema: z.ZodType, input: unknown, issues: readonly z.core.$ZodIssue[], prefix: SpecPath = []): SpecProblem[] {
  return issues.flatMap((issue) => describe(schema, input, issue, [...prefix, ...issue.path.map(pathPart)]));
}

const pathPart = (p: PropertyKey): string | number => (typeof p === 'number' ? p : String(p));

function describe(schema: z.ZodType, input: unknown, issue: z.core.$ZodIssue, path: SpecPath): SpecProblem[] {
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = objectKeysAt(schema, path);
        const guess = closest(key, known);
        const hint = guess ? `did you mean "${guess}"?` : known.length ? `known keys: ${known.join(', ')}` : '';
        return { path: [...path, key], atKey: true, message: `unknown key${hint ? ` (${hint})` : ''}` };
      });
    case 'invalid_union': {
      // Every section is `false | {...}`: when the value is of neither shape say so; otherwise the branch of its
      // shape is the one the user meant, and its own problems are the ones to report.
      const branches = issue.errors.filter((errs) => errs.length > 0);
      const deep = branches.filter((errs) => errs.some((e) => e.path.length > 0 || e.code === 'unrecognized_keys'));
      if (deep.length > 0) return specProblems(schema, input, deep[0]!, path);
      const expected = branches.map((errs) => expectedOf(errs[0]!)).filter((e): e is string => e !== undefined);
      // `cloudtrail: true` or a bare `budget:` most likely mean "on, as by default".
      const omit = value === true || value === null ? ' (leave the key out to take the defaults)' : '';
      return [{ path, atKey: false, message: `expected ${[...new Set(expected)].join(' or ')}, got ${show(value)}${omit}` }];
    }
    case 'invalid_type':
      if (value === undefined) return [{ path, atKey: false, message: `missing (expected ${TYPE_WORDS[issue.expected] ?? issue.expected})` }];
      return [{ path, atKey: false, message: `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${show(value)}` }];
    default: {
      const expected = expectedOf(issue);
      return [{ path, atKey: false, message: expected ? `expected ${expected}${value === undefined ? '' : `, got ${show(value)}`}` : issue.message }];
    }
  }
}

/** What an issue says was expected, in words; undefined when zod's message is all there is. */
function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return issue.values.length === 1 ? show(issue.values[0]) : `one of ${issue.values.map(show).join(', ')}`;
    case 'invalid_format':
      // The schema's own messages already read "expected ...".
      return issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : `a valid ${issue.format}`;
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      const small = issue.code === 'too_small';
      if (issue.origin === 'array') return `${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `${small ? 'at least' : 'at most'} ${bound} character${bound === 1 ? '' : 's'}`;
      const word = small ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
      return `a number ${word} ${bound}`;
    }
    default:
      return undefined;
  }
}

/** A value as the user wrote it, short: `"ten"`, `true`, `a list`. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…"` : text;
}

function valueAt(input: unknown, path: SpecPath): unknown {
  let cur = input;
  for (const part of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

/** The keys the schema allows in the mapping at `path` (for "did you mean"). */
function objectKeysAt(schema: z.ZodType, path: SpecPath): string[] {
  let level: z.ZodType[] = [schema];
  for (const part of path) {
    level = level.flatMap(unwrap).flatMap((s) => {
      if (s instanceof z.ZodObject && typeof part === 'string') return s.shape[part] ? [s.shape[part] as z.ZodType] : [];
      if (s instanceof z.ZodArray && typeof part === 'number') return [s.element as z.ZodType];
      return [];
    });
  }
  return [...new Set(level.flatMap(unwrap).flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : [])))];
}

/** Through defaults, optionals and unions to the schemas a value is checked against. */
function unwrap(s: z.ZodType): z.ZodType[] {
  if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) return unwrap(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap(unwrap);
  return [s];
}
