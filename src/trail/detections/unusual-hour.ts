import { direct } from './sql.js';
import type { Detection } from './types.js';

/** Days of activity an identity needs before its hours say anything. */
export const HISTORY_DAYS = 3;

export const unusualHour: Detection = {
  id: 'unusual-hour',
  severity: 'medium',
  title: 'Activity at an hour the identity is otherwise never active',
  meaning: `The identity has activity on at least ${HISTORY_DAYS} days, and this hour of the day (UTC) appears on one day only: someone else may be using it, from another time zone or at night.`,
  action: 'Ask the identity\'s owner whether they worked at that time; if not, rotate its keys and review the incident\'s timeline.',
  // The distinct (identity, day, hour) once; both counts come from it.
  sql: `WITH active AS (
  SELECT DISTINCT actor, CAST(event_time AS date) AS day, hour(event_time) AS hod FROM events WHERE ${direct()}
), totals AS (
  SELECT actor, count(DISTINCT day) AS days FROM active GROUP BY actor
), hours AS (
  SELECT actor, hod, count(*) AS days FROM active GROUP BY actor, hod
)
SELECT e.event_id, e.actor || ' active at ' || CAST(hour(e.event_time) AS varchar) || ':00 UTC; active on ' || CAST(t.days AS varchar) || ' days in these logs, never else at this hour' AS evidence
FROM events e
JOIN totals t ON t.actor = e.actor
JOIN hours h ON h.actor = e.actor AND h.hod = hour(e.event_time)
WHERE t.days >= ${HISTORY_DAYS} AND h.days = 1 AND ${direct('e.')}`,
};
