// Two audits of one account, result by result: what got worse, what got better, what is new, what is gone.
// A result is identified by check id + resource, the pair that stays stable between runs.
import type { Area, Severity, Status } from '../checks/types.js';
import type { AuditOutput, AuditResult } from '../report/audit-output.js';
import { severityRank } from '../report/summary.js';

export type Direction = 'worse' | 'better' | 'new' | 'gone';

export interface ResultChange {
  readonly direction: Direction;
  readonly checkId: string;
  readonly area: Area;
  readonly severity: Severity;
  readonly resource: string;
  /** Absent for `new`. */
  readonly before?: Status;
  /** Absent for `gone`. */
  readonly after?: Status;
  /** The newer message (the older one for `gone`). */
  readonly message: string;
}

export interface ScoreChange {
  readonly before: number | null;
  readonly after: number | null;
}

export interface AuditDiff {
  readonly changes: readonly ResultChange[];
  /** Results present on both sides with the same status. */
  readonly unchanged: number;
  readonly score: ScoreChange;
  readonly areas: readonly ({ readonly area: Area } & ScoreChange)[];
}

// How bad a status is: a move up is worse, a move down better. Losing sight of a result (-> UNKNOWN) is worse;
// a result that cannot be judged any more because the resource changed kind (-> NOT_APPLICABLE) is not.
const BADNESS: Readonly<Record<Status, number>> = { PASS: 0, NOT_APPLICABLE: 0, MANUAL: 1, UNKNOWN: 1, FAIL: 2 };

const keyOf = (r: AuditResult): string => `${r.checkId}\u0000${r.resource}`;

const DIRECTION_ORDER: readonly Direction[] = ['worse', 'new', 'better', 'gone'];

export function compareAudits(older: AuditOutput, newer: AuditOutput): AuditDiff {
  const before = new Map(older.results.map((r) => [keyOf(r), r]));
  const changes: ResultChange[] = [];
  let unchanged = 0;
  for (const now of newer.results) {
    const then = before.get(keyOf(now));
    before.delete(keyOf(now));
    const base = { checkId: now.checkId, area: now.area, severity: now.severity, resource: now.resource, after: now.status, message: now.message };
    if (!then) changes.push({ direction: 'new', ...base });
    else if (then.status === now.status) unchanged += 1;
    else {
      const delta = BADNESS[now.status] - BADNESS[then.status];
      // Same badness, different status (PASS <-> NOT_APPLICABLE, UNKNOWN <-> MANUAL): nothing to act on.
      if (delta === 0) unchanged += 1;
      else changes.push({ direction: delta > 0 ? 'worse' : 'better', ...base, before: then.status });
    }
  }
  for (const then of before.values()) {
    changes.push({ direction: 'gone', checkId: then.checkId, area: then.area, severity: then.severity, resource: then.resource, before: then.status, message: then.message });
  }
  changes.sort(
    (a, b) =>
      DIRECTION_ORDER.indexOf(a.direction) - DIRECTION_ORDER.indexOf(b.direction) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.checkId.localeCompare(b.checkId) ||
      a.resource.localeCompare(b.resource),
  );
  const areaNames = [...new Set([...Object.keys(older.areas ?? {}), ...Object.keys(newer.areas ?? {})])] as Area[];
  return {
    changes,
    unchanged,
    score: { before: older.score ?? null, after: newer.score ?? null },
    areas: areaNames.map((area) => ({ area, before: older.areas?.[area]?.score ?? null, after: newer.areas?.[area]?.score ?? null })),
  };
}

/** A change a CI job should stop on: something worse, or a new failure, at or above the severity. */
export function regressionsAtOrAbove(diff: AuditDiff, threshold: Severity): ResultChange[] {
  return diff.changes.filter(
    (c) => (c.direction === 'worse' || (c.direction === 'new' && c.after === 'FAIL')) && severityRank(c.severity) >= severityRank(threshold),
  );
}
