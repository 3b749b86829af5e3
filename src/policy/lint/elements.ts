// Reading a statement as written: elements that may be a string or a list, each string with its own path.
import { childPath } from '../parse.js';
import type { Entry, RawStatement } from './types.js';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The strings of an element (`Action`, `Resource`...); non-strings are skipped (the grammar rules report them). */
export function entries(value: unknown, path: string): Entry[] {
  if (typeof value === 'string') return [{ value, path }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (typeof v === 'string' ? [{ value: v, path: childPath(path, i) }] : []));
}

const entryCache = new WeakMap<object, Map<string, Entry[]>>();
/** The strings of one element of a statement; every rule asks, so each statement's are read once. */
export function elementEntries(s: RawStatement, name: string): Entry[] {
  let byName = entryCache.get(s.raw);
  if (!byName) {
    byName = new Map();
    entryCache.set(s.raw, byName);
  }
  const key = `${s.path}\u0000${name}`;
  let out = byName.get(key);
  if (!out) {
    out = entries(s.raw[name], childPath(s.path, name));
    byName.set(key, out);
  }
  return out;
}

/** Effect as written, when it is exactly Allow or Deny. */
export const effectOf = (s: RawStatement): 'Allow' | 'Deny' | undefined =>
  s.raw.Effect === 'Allow' || s.raw.Effect === 'Deny' ? s.raw.Effect : undefined;

export interface ConditionEntry {
  readonly operator: string;
  readonly key: string;
  /** Path of the key, e.g. `$.Statement[0].Condition.Bool["aws:MultiFactorAuthPresent"]`. */
  readonly path: string;
  /** Each value as IAM compares it (stringified scalars), with its path. */
  readonly values: readonly Entry[];
  readonly rawValue: unknown;
}

/** The operator/key pairs of a statement's Condition block, as far as it is well-formed. */
export function conditionEntries(s: RawStatement): ConditionEntry[] {
  const block = s.raw.Condition;
  if (!isObject(block)) return [];
  const base = childPath(s.path, 'Condition');
  return Object.entries(block).flatMap(([operator, keys]) => {
    if (!isObject(keys)) return [];
    return Object.entries(keys).map(([key, raw]) => {
      const path = childPath(childPath(base, operator), key);
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.flatMap((v, i) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [{ value: String(v), path: Array.isArray(raw) ? childPath(path, i) : path }] : [],
      );
      return { operator, key, path, values, rawValue: raw };
    });
  });
}

/** Does an IAM wildcard pattern (`*`, `?`) match `text`? Case-insensitive, as action names are. */
export function wildcardMatch(pattern: string, text: string): boolean {
  return wildcardRegex(pattern).test(text);
}

const regexCache = new Map<string, RegExp>();
export function wildcardRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    regexCache.set(pattern, re);
  }
  return re;
}

/**
 * Remembers a pure function of one string (an action's or ARN's verdict, a key's catalogue entry): a corpus repeats
 * the same few hundred values thousands of times, and suggestions cost an edit distance against a whole service.
 */
export function memo<T>(fn: (value: string) => T, limit = 50_000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (cache.has(value)) return cache.get(value)!;
    const out = fn(value);
    if (cache.size >= limit) cache.clear();
    cache.set(value, out);
    return out;
  };
}
