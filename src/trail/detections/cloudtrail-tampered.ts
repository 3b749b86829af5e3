import { byIdentity, succeeded } from './sql.js';
import type { Detection } from './types.js';

export const cloudtrailTampered: Detection = {
  id: 'cloudtrail-tampered',
  severity: 'critical',
  title: 'CloudTrail stopped, deleted or its selectors changed',
  meaning: 'Logging of the account was turned off or narrowed. Attackers do this first so that what follows is not recorded.',
  action: 'Turn the trail back on (rampart apply), then treat everything after this moment as unrecorded and review it with other sources (billing, GuardDuty).',
  sql: `SELECT event_id, actor || ' called ' || event_name || ' in ' || coalesce(aws_region, '?') AS evidence
FROM events
WHERE event_source = 'cloudtrail.amazonaws.com'
  AND event_name IN ('StopLogging', 'DeleteTrail', 'PutEventSelectors', 'PutAdvancedEventSelectors', 'UpdateTrail')
  AND ${byIdentity()} AND ${succeeded()}`,
};
