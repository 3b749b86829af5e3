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

export const elementEntries = (s: RawStatement, name: string): Entry[] => entries(s.raw[name], childPath(s.path, name));

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
