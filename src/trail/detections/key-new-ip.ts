import { direct, fromInternet, longTermKey } from './sql.js';
import type { Detection } from './types.js';

export const keyNewIp: Detection = {
  id: 'key-new-ip',
  severity: 'medium',
  title: 'An access key used from a new address',
  meaning: 'A long-term access key with earlier history in these logs was used from an IP address it had never used before. A leaked key is used from the attacker\'s address.',
  action: 'Check whether the address is yours (home, office, CI, VPN). If not, deactivate the key and follow the incident\'s timeline.',
  sql: `SELECT e.event_id, 'key ' || e.access_key_id || ' first used from ' || e.source_ip || ' (' || coalesce(e.user_agent, 'no user agent') || ')' AS evidence
FROM events e
JOIN (
  SELECT access_key_id, source_ip, min(event_time) AS first_seen
  FROM events WHERE ${longTermKey()} AND ${fromInternet()} AND ${direct()}
  GROUP BY access_key_id, source_ip
) p ON p.access_key_id = e.access_key_id AND p.source_ip = e.source_ip AND p.first_seen = e.event_time
JOIN (
  SELECT access_key_id, min(event_time) AS key_first_seen FROM events WHERE ${longTermKey()} GROUP BY access_key_id
) k ON k.access_key_id = e.access_key_id
WHERE p.first_seen > k.key_first_seen + INTERVAL '1' HOUR AND ${direct('e.')}`,
};
