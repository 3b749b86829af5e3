// Which actions a set of policy documents allows, the simple way: Allow statements (Action or NotAction) minus
// unconditional Deny statements on Resource "*". Resources and conditions of Allows are not weighed: this answers
// "could this principal ever do X", which is what privilege-escalation and MFA reviews need.
import { documentObject } from '../checks/identity/permissions.js';
import { childPath } from './parse.js';
import { effectOf, elementEntries, isObject, wildcardRegex } from './lint/elements.js';
import type { Entry, RawStatement } from './lint/types.js';

/** The object statements of a raw document (or JSON text), with their paths. */
export function rawStatements(document: unknown): RawStatement[] {
  const doc = documentObject(document);
  if (!doc) return [];
  const st = doc.Statement;
  if (Array.isArray(st)) return st.flatMap((raw, i) => (isObject(raw) ? [{ path: childPath('$.Statement', i), raw }] : []));
  return isObject(st) ? [{ path: '$.Statement', raw: st }] : [];
}

const matches = (pattern: string, action: string): boolean =>
  /[*?]/.test(pattern) ? wildcardRegex(pattern).test(action) : pattern.length === action.length && pattern.toLowerCase() === action.toLowerCase();

/** Does the statement's Action (or NotAction) cover `action`? Returns the entry that does (the statement for NotAction). */
export function coveringEntry(s: RawStatement, action: string): Entry | undefined {
  if ('NotAction' in s.raw) {
    const not = elementEntries(s, 'NotAction');
    return not.some((e) => matches(e.value, action)) ? undefined : { value: `NotAction ${not.map((e) => e.value).join(', ')}`, path: childPath(s.path, 'NotAction') };
  }
  return elementEntries(s, 'Action').find((e) => matches(e.value, action));
}

const unconditionalDenyAll = (s: RawStatement): boolean =>
  effectOf(s) === 'Deny' && s.raw.Condition === undefined && elementEntries(s, 'Resource').some((r) => r.value === '*');

/** The statements read once for many questions of "is this action allowed". */
export interface GrantTable {
  readonly allows: readonly RawStatement[];
  readonly denies: readonly RawStatement[];
}

export const grantTable = (statements: readonly RawStatement[]): GrantTable => ({
  allows: statements.filter((s) => effectOf(s) === 'Allow'),
  denies: statements.filter(unconditionalDenyAll),
});

/** The entry that allows `action` across the statements, unless an unconditional Deny on "*" takes it away. */
export function allowedBy(table: GrantTable, action: string): Entry | undefined {
  if (table.denies.some((s) => coveringEntry(s, action))) return undefined;
  for (const s of table.allows) {
    const e = coveringEntry(s, action);
    if (e) return e;
  }
  return undefined;
}
