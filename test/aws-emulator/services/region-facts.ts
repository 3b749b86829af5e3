// What the regional services share: the request's region, that region's scenario facts, and ids derived
// from the account and region so that every run names things the same way.
import { createHash } from 'node:crypto';
import { resolveDate, truncateToSecond } from '../dates.js';
import { ApiError } from '../errors.js';
import { factsOf, type RegionFacts } from '../scenario-regional.js';
import type { RequestContext } from '../service.js';

/** The region the request was signed for; unsigned requests go to us-east-1, as the SDK's default would. */
export const regionOf = (ctx: RequestContext): string => ctx.region ?? 'us-east-1';

export const factsHere = (ctx: RequestContext): RegionFacts => factsOf(ctx.world.regional, regionOf(ctx));

/** A scenario date (ISO or relative) on the emulator's clock, in whole seconds as AWS gives them. */
export const at = (spec: string, ctx: RequestContext): Date => truncateToSecond(resolveDate(spec, ctx.now));

/** `length` lowercase hex characters derived from the parts. */
export function stableHex(length: number, ...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, length);
}

/** A UUID-shaped id derived from the parts (KMS key ids). */
export function stableUuid(...parts: string[]): string {
  const h = stableHex(32, ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Opaque pagination tokens: the index of the next item. */
export const pageToken = (index: number): string => Buffer.from(`next:${index}`).toString('base64');

/** Where a page starts; a token this emulator did not hand out is the service's `code` error. */
export function pageStart(token: unknown, code: string): number {
  if (token === undefined || token === null || token === '') return 0;
  const match = typeof token === 'string' ? /^next:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8')) : null;
  if (!match) throw new ApiError(code, 'Invalid pagination token', 400);
  return Number(match[1]);
}

/** The page of `items` from `start`, and the token of the next one if any is left. */
export function page<T>(items: readonly T[], start: number, size: number): { items: T[]; next: string | undefined } {
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? pageToken(end) : undefined };
}

/** AWS lists by name in code-point order (`B` before `a`), not by locale. */
export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The request region's own list of `field`, to change in place (the write operations). The first write in a region
 * copies what `*` gives it, so a change made in one region never shows in another.
 */
export function ownFacts<K extends keyof RegionFacts>(ctx: RequestContext, field: K, region = regionOf(ctx)): NonNullable<RegionFacts[K]> {
  const regional = ctx.world.regional as Record<string, RegionFacts>;
  const own = (regional[region] ??= {} as RegionFacts);
  if (own[field] === undefined) own[field] = structuredClone(factsOf(regional, region)[field] ?? []) as RegionFacts[K];
  return own[field] as NonNullable<RegionFacts[K]>;
}

/** A string member a write operation requires; ValidationException (or `code`) when it is missing. */
export function required(input: Readonly<Record<string, unknown>>, member: string, code = 'ValidationException'): string {
  const value = input[member];
  if (typeof value !== 'string' || value === '') throw new ApiError(code, `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`, 400);
  return value;
}
