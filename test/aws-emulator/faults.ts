// Injected faults: which one, if any, answers a request. Patterns: 'iam:GetCredentialReport', 'iam:*', '*'.
import type { FaultKind } from './errors.js';

export interface Fault {
  /** 'iam:GetCredentialReport', 'iam:*' or '*'. */
  operation: string;
  kind: FaultKind;
  /** 0..1, default 1. Drawn from the emulator's seeded PRNG, so runs repeat exactly. */
  rate?: number;
  /** Only requests signed for this region (a service refused in one region, say). Default: every region. */
  region?: string;
}

export function faultMatches(pattern: string, key: string): boolean {
  if (pattern === '*' || pattern === key) return true;
  return pattern.endsWith(':*') && key.startsWith(pattern.slice(0, -1));
}

/** The first listed fault that matches and fires. A rate of 1 (or more) always fires without drawing a number. */
export function pickFault(faults: readonly Fault[], key: string, random: () => number, region?: string): Fault | undefined {
  for (const fault of faults) {
    if (!faultMatches(fault.operation, key)) continue;
    if (fault.region !== undefined && fault.region !== region) continue;
    const rate = fault.rate ?? 1;
    if (rate >= 1 || (rate > 0 && random() < rate)) return fault;
  }
  return undefined;
}

export function validateFaults(faults: readonly Fault[]): Fault[] {
  for (const f of faults) {
    if (f.kind !== 'AccessDenied' && f.kind !== 'Throttling') throw new Error(`fault kind must be AccessDenied or Throttling, got ${String(f.kind)}`);
    if (f.rate !== undefined && !(f.rate >= 0 && f.rate <= 1)) throw new Error(`fault rate must be within 0..1, got ${f.rate}`);
    if (!/^(\*|[\w-]+:(\*|[\w ./{}+-]+))$/.test(f.operation)) throw new Error(`fault operation must be 'service:Operation', 'service:*' or '*', got ${f.operation}`);
  }
  return [...faults];
}
