import { direct, succeeded, regionKnown } from './sql.js';
import type { Detection } from './types.js';

export const launchInUnusedRegion: Detection = {
  id: 'launch-in-unused-region',
  severity: 'medium',
  title: 'Instances launched in a region the account does not normally use',
  meaning: 'Someone started instances in a region where the account shows activity on at most one day. Attackers pick regions the owner never looks at.',
  action: 'Look at that region\'s EC2 console; if the instances are not yours, terminate them and deactivate the key. Consider an SCP denying unused regions.',
  // Days are counted for every region, and only launches in a known one are judged: the regular expression runs on
  // launches, not on every event (where it cost more than the rest of the query).
  sql: `SELECT e.event_id, coalesce(e.instance_type, 'instance') || ' launched in ' || e.aws_region || ', active on ' || CAST(coalesce(u.days, 0) AS varchar) || ' day(s) in these logs' AS evidence
FROM events e
LEFT JOIN (
  SELECT aws_region, count(DISTINCT CAST(event_time AS date)) AS days
  FROM events WHERE ${direct()}
  GROUP BY aws_region
) u ON u.aws_region = e.aws_region
WHERE e.event_name = 'RunInstances' AND ${regionKnown('e.')} AND coalesce(u.days, 0) <= 1 AND ${direct('e.')} AND ${succeeded('e.')}`,
};
