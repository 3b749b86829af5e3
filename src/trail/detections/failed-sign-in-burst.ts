import type { Detection } from './types.js';

/** Failed sign-ins from one address within ten minutes that make a burst. */
export const FAILED_SIGN_IN_BURST = 5;

export const failedSignInBurst: Detection = {
  id: 'failed-sign-in-burst',
  severity: 'medium',
  title: 'A burst of failed console sign-ins',
  meaning: `At least ${FAILED_SIGN_IN_BURST} console sign-ins failed from one address within ten minutes: someone is guessing passwords.`,
  action: 'Make sure every console user has MFA and a strong password; block the address if it keeps trying.',
  sql: `SELECT event_id, CAST(failures AS varchar) || ' failed sign-ins from ' || coalesce(source_ip, '?') || ' within 10 minutes' AS evidence
FROM (
  SELECT event_id, source_ip,
    count(*) OVER (PARTITION BY source_ip ORDER BY event_time RANGE BETWEEN INTERVAL '10' MINUTE PRECEDING AND CURRENT ROW) AS failures
  FROM events
  WHERE event_name = 'ConsoleLogin' AND console_login = 'Failure'
) burst
WHERE failures >= ${FAILED_SIGN_IN_BURST}`,
};
