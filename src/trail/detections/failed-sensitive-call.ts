import { byIdentity, inList, SENSITIVE_CALLS } from './sql.js';
import type { Detection } from './types.js';

export const failedSensitiveCall: Detection = {
  id: 'failed-sensitive-call',
  severity: 'medium',
  title: 'An attempt at a sensitive call that failed',
  meaning: 'Someone tried to stop logging, disable monitoring, create credentials, make a bucket public or launch instances, and the call failed. It did not happen, but someone tried.',
  action: 'Find out who tried and why; a failed attempt by a leaked key is still a leaked key.',
  sql: `SELECT event_id, 'attempted ' || event_name || ', failed with ' || error_code AS evidence
FROM events
WHERE event_name IN ${inList(SENSITIVE_CALLS)} AND error_code IS NOT NULL AND ${byIdentity()}`,
};
