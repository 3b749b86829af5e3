// What a trail's event selectors record, read the way CloudTrail applies them.
// Basic selectors: one row per selector, ReadWriteType All | ReadOnly | WriteOnly, management events on or off, and
// data resources given as ARN prefixes. Advanced selectors: a selector records an event when every field selector in it
// accepts the event (AND); inside one field selector each operator given must hold, and any of its values will do.
// A trail records an event when any of its selectors does (OR), so coverage is the union over selectors.
import type { EventSelectors } from '../../inventory/schema/logging.js';

export type AdvancedSelector = EventSelectors['advanced'][number];
export type FieldSelector = AdvancedSelector['fieldSelectors'][number];

/** Which half of the events a set of selectors records. */
export interface ReadWrite {
  read: boolean;
  write: boolean;
}

const given = (values: string[] | undefined): values is string[] => values !== undefined && values.length > 0;

/** Whether one field selector lets an event whose field is `value` through. */
export function fieldAccepts(selector: FieldSelector, value: string): boolean {
  const { equals, startsWith, endsWith, notEquals, notStartsWith, notEndsWith } = selector;
  if (given(equals) && !equals.includes(value)) return false;
  if (given(startsWith) && !startsWith.some((p) => value.startsWith(p))) return false;
  if (given(endsWith) && !endsWith.some((s) => value.endsWith(s))) return false;
  if (notEquals?.includes(value)) return false;
  if (notStartsWith?.some((p) => value.startsWith(p))) return false;
  if (notEndsWith?.some((s) => value.endsWith(s))) return false;
  return true;
}

// Field names are case-sensitive in the API; read them leniently, a misspelling would have been rejected by AWS.
const fieldsNamed = (selector: AdvancedSelector, name: string): FieldSelector[] =>
  selector.fieldSelectors.filter((f) => f.field.toLowerCase() === name.toLowerCase());

/** A field absent from the selector accepts every value. */
const accepts = (selector: AdvancedSelector, name: string, value: string): boolean =>
  fieldsNamed(selector, name).every((f) => fieldAccepts(f, value));

/** eventCategory is required by the API; a selector without it is not trusted to record anything. */
const hasCategory = (selector: AdvancedSelector, category: string): boolean =>
  fieldsNamed(selector, 'eventCategory').length > 0 && accepts(selector, 'eventCategory', category);

/** readOnly: "true" is a read event, "false" a write event; no readOnly field records both. */
const readWriteOf = (selector: AdvancedSelector): ReadWrite => ({
  read: accepts(selector, 'readOnly', 'true'),
  write: accepts(selector, 'readOnly', 'false'),
});

const OPERATORS = ['equals', 'startsWith', 'endsWith', 'notEquals', 'notStartsWith', 'notEndsWith'] as const;

/** "eventSource notEquals kms.amazonaws.com", for messages. */
export function describeField(f: FieldSelector): string {
  return OPERATORS.filter((op) => given(f[op]))
    .map((op) => `${f.field} ${op} ${(f[op] ?? []).join(', ')}`)
    .join(' and ');
}

/** The field selectors other than `known`: what narrows a selector beyond its category, type and read/write. */
const otherFields = (selector: AdvancedSelector, known: string[]): FieldSelector[] =>
  selector.fieldSelectors.filter((f) => !known.includes(f.field.toLowerCase()));

export interface ManagementCoverage extends ReadWrite {
  /** Event sources a recording selector leaves out (the API allows excluding KMS and RDS Data API events). */
  exclusions: string[];
}

/** Management events recorded, read and write, by basic or advanced selectors. */
export function managementCoverage(selectors: EventSelectors): ManagementCoverage {
  const out: ManagementCoverage = { read: false, write: false, exclusions: [] };
  for (const s of selectors.basic) {
    if (!s.includeManagementEvents) continue;
    out.read ||= s.readWriteType === 'All' || s.readWriteType === 'ReadOnly';
    out.write ||= s.readWriteType === 'All' || s.readWriteType === 'WriteOnly';
  }
  for (const s of selectors.advanced) {
    if (!hasCategory(s, 'Management')) continue;
    const rw = readWriteOf(s);
    out.read ||= rw.read;
    out.write ||= rw.write;
    out.exclusions.push(...otherFields(s, ['eventcategory', 'readonly']).map(describeField));
  }
  return out;
}

/** One way S3 object-level events reach a trail: which half, and for which objects. */
export interface S3DataScope extends ReadWrite {
  /** Every object of every bucket (the trail's regions permitting). */
  allBuckets: boolean;
  /** What limits it when not all buckets: "arn:aws:s3:::logs/", "resources.ARN notStartsWith ...". */
  limits: string[];
}

const S3_OBJECT = 'AWS::S3::Object';

/** The basic-selector values that mean every bucket: `arn:aws:s3` (what the console writes) or the bare `arn:aws:s3:::`. */
const isAllBuckets = (value: string): boolean => /^arn:[^:]+:s3(:::)?$/.test(value);

/** The S3 object-level scopes a trail's selectors record; [] when none. */
export function s3DataScopes(selectors: EventSelectors): S3DataScope[] {
  const scopes: S3DataScope[] = [];
  for (const s of selectors.basic) {
    const read = s.readWriteType === 'All' || s.readWriteType === 'ReadOnly';
    const write = s.readWriteType === 'All' || s.readWriteType === 'WriteOnly';
    for (const r of s.dataResources) {
      if (r.type !== S3_OBJECT || r.values.length === 0) continue;
      const allBuckets = r.values.some(isAllBuckets);
      scopes.push({ read, write, allBuckets, limits: allBuckets ? [] : r.values });
    }
  }
  for (const s of selectors.advanced) {
    if (!hasCategory(s, 'Data') || fieldsNamed(s, 'resources.type').length === 0 || !accepts(s, 'resources.type', S3_OBJECT)) continue;
    // Any further field (resources.ARN, eventName...) narrows it, exclusions included: CIS asks for all buckets.
    const limits = otherFields(s, ['eventcategory', 'readonly', 'resources.type']).map(describeField);
    scopes.push({ ...readWriteOf(s), allBuckets: limits.length === 0, limits });
  }
  return scopes;
}
