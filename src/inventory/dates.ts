// AWS hands dates over as Date objects (SDK) or strings (the credential report); the snapshot keeps ISO-8601.

/** ISO-8601 in UTC, or null for a missing or unreadable date. */
export function isoOrNull(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null || value === '') return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
