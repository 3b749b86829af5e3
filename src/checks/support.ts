// Small helpers the checks share: outcomes, dates, and UNKNOWN with the reason from snapshot.errors.
import type { AccountSnapshot } from '../inventory/snapshot.js';
import type { Outcome } from './types.js';

export const pass = (resource: string, message: string): Outcome => ({ status: 'PASS', resource, message });
export const fail = (resource: string, message: string, remediation?: Outcome['remediation']): Outcome =>
  remediation ? { status: 'FAIL', resource, message, remediation } : { status: 'FAIL', resource, message };
export const notApplicable = (resource: string, message: string): Outcome => ({ status: 'NOT_APPLICABLE', resource, message });
export const manual = (resource: string, message: string): Outcome => ({ status: 'MANUAL', resource, message });

/**
 * UNKNOWN naming the calls a check needed and why they failed, e.g.
 * "could not evaluate: iam:GetCredentialReport failed (AccessDenied: ...)".
 * `operations` are "service:Operation" as recorded in snapshot.errors.
 */
export function unknown(snapshot: AccountSnapshot, resource: string, operations: string[]): Outcome {
  const failed = snapshot.errors.filter((e) => operations.includes(`${e.service}:${e.operation}`));
  const message = failed.length
    ? `could not evaluate: ${failed.map((e) => `${e.service}:${e.operation} failed (${e.code}: ${e.message})`).join('; ')}`
    : `could not evaluate: the snapshot has no data from ${operations.join(', ')}`;
  return { status: 'UNKNOWN', resource, message };
}

export const rootArn = (snapshot: AccountSnapshot): string => `arn:${snapshot.account.partition}:iam::${snapshot.account.id}:root`;
export const accountResource = (snapshot: AccountSnapshot): string => `arn:${snapshot.account.partition}:::${snapshot.account.id}`;

const DAY_MS = 86_400_000;
/** Whole days from `iso` to `now`, rounded down; a date in the future counts as 0. */
export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
}

/** The most recent of some ISO dates, or null. */
export function latest(dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || Date.parse(d) > Date.parse(best))) best = d;
  return best;
}

/**
 * unknown() for calls made in one region: only errors recorded for `region` (or for no region) are named, so an
 * AccessDenied in eu-west-1 never explains a gap in us-east-1. With no such error the section was simply not
 * collected there, and the message says so: "could not evaluate: guardduty:ListDetectors not collected in eu-west-1".
 */
export function unknownInRegion(snapshot: AccountSnapshot, resource: string, operations: string[], region: string): Outcome {
  const failed = snapshot.errors.filter(
    (e) => operations.includes(`${e.service}:${e.operation}`) && (e.region === region || e.region === null),
  );
  const message = failed.length
    ? `could not evaluate: ${failed.map((e) => `${e.service}:${e.operation} failed${e.region ? ` in ${e.region}` : ''} (${e.code}: ${e.message})`).join('; ')}`
    : `could not evaluate: ${operations.join(', ')} not collected in ${region}`;
  return { status: 'UNKNOWN', resource, message: message.replace(/\s+/g, ' ') };
}
