// Counting and scoring of an audit's results: what the summary of every renderer and the exit code rest on.
import { AREAS, SEVERITIES, STATUSES, type Area, type CheckResult, type Severity, type Status } from '../checks/types.js';

export type StatusCounts = Record<Status, number>;

/** How much a result of each severity weighs in a score. `info` is shown but never moves the score. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

export interface AreaSummary {
  area: Area;
  counts: StatusCounts;
  score: number | null;
}

export interface AuditSummary {
  /** Every status, 0 included, so consumers never test for a missing key. */
  counts: StatusCounts;
  /** The areas that have at least one result, in the order of CHECKS.md. */
  areas: AreaSummary[];
  /** 0-100, or null when nothing that carries weight was decided. */
  score: number | null;
  /** FAIL results per severity, every severity present. */
  failedBySeverity: Record<Severity, number>;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function countByStatus(results: readonly CheckResult[]): StatusCounts {
  const counts = emptyCounts();
  for (const r of results) counts[r.status] += 1;
  return counts;
}

/**
 * Severity-weighted share of PASS among the decided results (PASS and FAIL), 0-100, rounded.
 * UNKNOWN, NOT_APPLICABLE and MANUAL say nothing about how secure the account is, so they are left out;
 * a score built from nothing would look like a verdict, so that is null (this includes only `info` results).
 * Rounding never shows 100 while something weighted failed, nor 0 while something weighted passed.
 */
export function scoreOf(results: readonly CheckResult[]): number | null {
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    if (r.status === 'PASS') passed += SEVERITY_WEIGHTS[r.severity];
    else if (r.status === 'FAIL') failed += SEVERITY_WEIGHTS[r.severity];
  }
  const total = passed + failed;
  if (total === 0) return null;
  const rounded = Math.round((100 * passed) / total);
  if (failed > 0 && rounded === 100) return 99;
  if (passed > 0 && rounded === 0) return 1;
  return rounded;
}

export function summarize(results: readonly CheckResult[]): AuditSummary {
  const areas: AreaSummary[] = [];
  for (const area of AREAS) {
    const inArea = results.filter((r) => r.area === area);
    if (inArea.length > 0) areas.push({ area, counts: countByStatus(inArea), score: scoreOf(inArea) });
  }
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of results) if (r.status === 'FAIL') failedBySeverity[r.severity] += 1;
  return { counts: countByStatus(results), areas, score: scoreOf(results), failedBySeverity };
}

/** critical 4, high 3, medium 2, low 1, info 0: higher is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

/** The FAIL results at or above `threshold`, e.g. to name what made `--fail-on` trip. */
export function failuresAtOrAbove(results: readonly CheckResult[], threshold: Severity): CheckResult[] {
  const min = severityRank(threshold);
  return results.filter((r) => r.status === 'FAIL' && severityRank(r.severity) >= min);
}

/**
 * For `--fail-on`: true (exit code 1) when a result at or above `threshold` failed.
 * UNKNOWN never trips it: a permission error is never a FAIL (DESIGN.md).
 */
export function failedAtOrAbove(results: readonly CheckResult[], threshold: Severity): boolean {
  return failuresAtOrAbove(results, threshold).length > 0;
}
