import { byIdentity } from './sql.js';
import type { Detection } from './types.js';

/** Denied calls by one identity within ten minutes that look like enumeration. */
export const DENIED_BURST = 10;

export const accessDeniedBurst: Detection = {
  id: 'access-denied-burst',
  severity: 'medium',
  title: 'A burst of AccessDenied from one identity',
  meaning: `At least ${DENIED_BURST} calls of one identity were denied within ten minutes: someone is trying out what a key may do (enumeration), or a tool is broken.`,
  action: 'Look at the denied calls in the incident: services nobody here uses point to a stolen key; rotate it.',
  sql: `SELECT event_id, actor || ': ' || CAST(denied AS varchar) || ' denied calls within 10 minutes, this one ' || event_name AS evidence
FROM (
  SELECT event_id, actor, event_name,
    count(*) OVER (PARTITION BY actor ORDER BY event_time RANGE BETWEEN INTERVAL '10' MINUTE PRECEDING AND CURRENT ROW) AS denied
  FROM events
  WHERE error_code IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'UnauthorizedAccess')
    AND ${byIdentity()}
) burst
WHERE denied >= ${DENIED_BURST}`,
};
