// IAM's pagination: MaxItems (1..1000, default 100) and an opaque Marker; IsTruncated says whether more follow.
import { ApiError } from '../../errors.js';
import type { QueryParams } from '../../service.js';

export interface Page<T> {
  readonly items: T[];
  /** Spread into the result: IsTruncated, and Marker when truncated. */
  readonly fields: { IsTruncated: boolean; Marker?: string };
}

const MARKER_PREFIX = 'emulator-marker:';

function decodeMarker(marker: string): number {
  const text = Buffer.from(marker, 'base64').toString('utf8');
  const offset = Number(text.slice(MARKER_PREFIX.length));
  if (!text.startsWith(MARKER_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new ApiError('ValidationError', 'Invalid Marker', 400);
  }
  return offset;
}

export function maxItems(params: QueryParams, fallback = 100): number {
  const raw = params['MaxItems'];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new ApiError(
      'ValidationError',
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
      400,
    );
  }
  return n;
}

export function paginate<T>(all: readonly T[], params: QueryParams, fallback = 100): Page<T> {
  const marker = params['Marker'];
  const start = marker ? decodeMarker(marker) : 0;
  const end = start + maxItems(params, fallback);
  const truncated = end < all.length;
  return {
    items: all.slice(start, end),
    fields: truncated
      ? { IsTruncated: true, Marker: Buffer.from(`${MARKER_PREFIX}${end}`).toString('base64') }
      : { IsTruncated: false },
  };
}
