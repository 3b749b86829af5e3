// A Condition block compiled once: every value parsed (numbers, dates, CIDRs, ARN segments, globs) so that evaluating
// a request only compares. Operators are ANDed, keys within an operator are ANDed, a key's values are ORed.
import { PolicyShapeError } from '../model.js';
import type { ConditionBlock } from '../types.js';
import { cidrContains, parseCidr, type Cidr } from './ip.js';
import { OPERATORS, parseOperator, type Comparison, type ParsedOperator, type ValueKind } from './operators.js';
import { compileGlob, compileTemplate, type Matcher } from './pattern.js';
import { memo } from './memo.js';
import type { PreparedRequest } from './request.js';

export interface CompiledCondition {
  readonly operator: ParsedOperator;
  /** The key as written, for messages. */
  readonly key: string;
  readonly keyLower: string;
  /** The policy's values as written. */
  readonly values: readonly string[];
  test(req: PreparedRequest): boolean;
}

const compare = (a: number, b: number, cmp: Comparison): boolean =>
  cmp === 'eq' ? a === b : cmp === 'lt' ? a < b : cmp === 'le' ? a <= b : cmp === 'gt' ? a > b : a >= b;

const NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;
export const parseNumber = (text: string): number => (NUMBER.test(text) ? Number(text) : NaN);

/** ISO 8601 (date, date-time, with zone) or epoch seconds; NaN when it is neither. */
export const parseDate = memo((text: string): number => {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return NaN;
  return Date.parse(t);
});

/** `arn:partition:service:region:account:resource` -> its six parts (the resource keeps its colons). */
export function arnParts(text: string): string[] | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

type ValueTest = (requestValue: string, req: PreparedRequest) => boolean;

function invalid(path: string, written: string, value: string, what: string): never {
  throw new PolicyShapeError(path, `${written}: "${value}" is not ${what}`);
}

/** One policy value -> a test of one request value against it. */
function valueTest(kind: ValueKind, writtenValue: string, substitute: boolean, path: string, written: string): ValueTest {
  const template = compileTemplate(writtenValue, substitute);
  // `${*}`, `${?}`, `${$}` are resolved now; only real variables wait for the request.
  const value = template.hasVariables ? writtenValue : (template.resolve(undefined as never) ?? writtenValue);
  // A value with variables is parsed once the request is known; a plain one now, so a typo is reported at load.
  const fixed = !template.hasVariables;
  const resolved = (req: PreparedRequest): string | undefined => template.resolve(req);
  switch (kind.type) {
    case 'string':
      return fixed ? (v) => v === value : (v, req) => v === resolved(req);
    case 'stringIgnoreCase': {
      const lower = value.toLowerCase();
      return fixed ? (v) => v.toLowerCase() === lower : (v, req) => v.toLowerCase() === resolved(req)?.toLowerCase();
    }
    case 'like': {
      const glob: Matcher = compileGlob(writtenValue, { substitute });
      return (v, req) => glob(v, req);
    }
    case 'binary':
      return fixed ? (v) => v === value : (v, req) => v === resolved(req);
    case 'bool': {
      if (fixed && !/^(true|false)$/i.test(value)) invalid(path, written, value, 'true or false');
      const lower = value.toLowerCase();
      return fixed ? (v) => v.toLowerCase() === lower : (v, req) => v.toLowerCase() === resolved(req)?.toLowerCase();
    }
    case 'numeric': {
      const { cmp } = kind;
      if (fixed) {
        const n = parseNumber(value);
        if (Number.isNaN(n)) invalid(path, written, value, 'a number');
        return (v) => compare(parseNumber(v), n, cmp);
      }
      return (v, req) => compare(parseNumber(v), parseNumber(resolved(req) ?? ''), cmp);
    }
    case 'date': {
      const { cmp } = kind;
      if (fixed) {
        const d = parseDate(value);
        if (Number.isNaN(d)) invalid(path, written, value, 'a date (ISO 8601 or epoch seconds)');
        return (v) => compare(parseDate(v), d, cmp);
      }
      return (v, req) => compare(parseDate(v), parseDate(resolved(req) ?? ''), cmp);
    }
    case 'ip': {
      if (fixed) {
        const cidr = parseCidr(value);
        if (!cidr) invalid(path, written, value, 'an IPv4 or IPv6 address or CIDR block');
        return (v) => cidrContains(cidr, v);
      }
      return (v, req) => {
        const cidr: Cidr | undefined = parseCidr(resolved(req) ?? '');
        return cidr !== undefined && cidrContains(cidr, v);
      };
    }
    case 'arn': {
      // Each of the six ARN parts is matched on its own, wildcards allowed in every one (ArnEquals as ArnLike).
      const policyParts = arnParts(writtenValue);
      if (!policyParts) {
        const whole = compileGlob(writtenValue, { substitute });
        return (v, req) => whole(v, req);
      }
      const globs = policyParts.map((p) => compileGlob(p, { substitute }));
      return (v, req) => {
        const parts = arnParts(v);
        return parts !== undefined && globs.every((g, i) => g(parts[i]!, req));
      };
    }
  }
}

function compileEntry(op: ParsedOperator, key: string, values: readonly string[], substitute: boolean, path: string): CompiledCondition {
  const keyLower = key.toLowerCase();
  const base = { operator: op, key, keyLower, values };
  if (op.base === 'Null') {
    for (const v of values) if (!/^(true|false)$/i.test(v)) invalid(path, op.written, v, 'true or false');
    const wantAbsent = values.map((v) => v.toLowerCase() === 'true');
    return {
      ...base,
      test(req) {
        const present = (req.context.get(keyLower)?.length ?? 0) > 0;
        return wantAbsent.some((absent) => absent !== present);
      },
    };
  }
  const row = OPERATORS.get(op.base)!;
  const tests = values.map((v) => valueTest(row.kind, v, substitute, path, op.written));
  const matchesOne = (v: string, req: PreparedRequest): boolean => {
    for (const t of tests) if (t(v, req)) return true;
    return false;
  };
  const { negated } = row;
  const { set, ifExists } = op;
  return {
    ...base,
    test(req) {
      const requestValues = req.context.get(keyLower);
      if (requestValues === undefined || requestValues.length === 0) {
        // AWS: IfExists forms match a missing key; ForAllValues is vacuously true; ForAnyValue finds nothing;
        // a plain negated operator matches (the key is "not equal"), a plain positive one does not.
        if (ifExists || set === 'ForAllValues') return true;
        if (set === 'ForAnyValue') return false;
        return negated;
      }
      if (set === 'ForAllValues') {
        for (const v of requestValues) if (matchesOne(v, req) === negated) return false;
        return true;
      }
      if (set === 'ForAnyValue') {
        for (const v of requestValues) if (matchesOne(v, req) !== negated) return true;
        return false;
      }
      let hit = false;
      for (const v of requestValues) if (matchesOne(v, req)) hit = true;
      return hit !== negated;
    },
  };
}

export function compileConditions(block: ConditionBlock, substitute: boolean, path: string): CompiledCondition[] {
  const out: CompiledCondition[] = [];
  for (const [written, keys] of Object.entries(block)) {
    const op = parseOperator(written);
    if (!op) throw new PolicyShapeError(`${path}.${written}`, `unknown condition operator "${written}"`);
    for (const [key, values] of Object.entries(keys)) out.push(compileEntry(op, key, values, substitute, `${path}.${written}.${key}`));
  }
  return out;
}

/** Why a condition did or did not match this request, in a person's words. */
export function describeCondition(c: CompiledCondition, req: PreparedRequest): string {
  const values = req.context.get(c.keyLower);
  const matched = c.test(req);
  const policy = c.values.length === 1 ? JSON.stringify(c.values[0]) : JSON.stringify(c.values);
  if (!values || values.length === 0) {
    if (c.operator.base === 'Null') return `${c.key} is absent, so Null ${policy} ${matched ? 'matches' : 'does not match'}`;
    return `${c.key} is absent and ${c.operator.written} treats absent as ${matched ? 'match' : 'no match'}`;
  }
  const shown = values.length === 1 ? JSON.stringify(values[0]) : JSON.stringify(values);
  return `${c.key} is ${shown}, which ${matched ? 'matches' : 'does not match'} ${c.operator.written} ${policy}`;
}
