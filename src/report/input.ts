// What every audit renderer is given, and the one order all of them show results in.
import { allChecks } from '../checks/index.js';
import { AREAS, type CheckResult } from '../checks/types.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import { VERSION } from '../version.js';

export interface ReportAccount {
  id: string;
  partition: string;
  alias: string | null;
}

interface ReportCommon {
  results: readonly CheckResult[];
  /** rampart's own version, for `tool.version`; defaults to this package's. */
  toolVersion?: string;
  /**
   * Check ids in the order to show them; defaults to the registry (the order of CHECKS.md).
   * Ids it does not know keep the order in which they first appear in `results`, after the known ones of their area.
   */
  checkOrder?: readonly string[];
}

/** Either the snapshot the audit read, or its account and collection time (e.g. from a saved report). */
export type ReportInput =
  | (ReportCommon & { snapshot: Pick<AccountSnapshot, 'account' | 'collectedAt'> })
  | (ReportCommon & { account: ReportAccount; collectedAt: string });

export function reportAccount(input: ReportInput): { account: ReportAccount; collectedAt: string } {
  const { account, collectedAt } = 'snapshot' in input ? input.snapshot : input;
  return { account: { id: account.id, partition: account.partition, alias: account.alias }, collectedAt };
}

export const reportToolVersion = (input: ReportInput): string => input.toolVersion ?? VERSION;

/**
 * Results by area (CHECKS.md order), then check order, then resource. Sorting here, not trusting the caller's order,
 * keeps two runs over the same account byte-identical, so reports can be diffed.
 */
export function orderResults(results: readonly CheckResult[], checkOrder?: readonly string[]): CheckResult[] {
  const order = checkOrder ?? allChecks.map((c) => c.id);
  const known = new Map(order.map((id, i) => [id, i]));
  const firstSeen = new Map<string, number>();
  results.forEach((r, i) => {
    if (!firstSeen.has(r.checkId)) firstSeen.set(r.checkId, i);
  });
  // Unknown ids rank after every known one of their area, among themselves by first appearance.
  const checkRank = (id: string): number => known.get(id) ?? order.length + (firstSeen.get(id) ?? 0);
  return results
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        AREAS.indexOf(a.r.area) - AREAS.indexOf(b.r.area) ||
        checkRank(a.r.checkId) - checkRank(b.r.checkId) ||
        compareStrings(a.r.resource, b.r.resource) ||
        a.i - b.i,
    )
    .map(({ r }) => r);
}

/** Code-unit order: unlike localeCompare it does not depend on the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
