import type { Severity } from '../../checks/types.js';

/**
 * A detection is data: what it means and what to do, and one SQL query over the `events` table returning
 * `event_id` and `evidence` (one row per event it flags). The SQL is written in the subset DuckDB and Athena
 * (Trino) share; `../dialect.ts` translates what differs.
 */
export interface Detection {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** What a hit means, for a person who has never read CloudTrail. */
  readonly meaning: string;
  /** What to do now, in order. */
  readonly action: string;
  readonly sql: string;
}
