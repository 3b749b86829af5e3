import { direct, longTermKey } from './sql.js';
import type { Detection } from './types.js';

/** The tool in a user agent: "aws-cli/2.15 Python/3.11" is aws-cli, "Boto3/1.34 md/Botocore#1.34" is boto3. */
export const UA_FAMILY = `lower(split_part(split_part(coalesce(user_agent, ''), '/', 1), ' ', 1))`;

export const keyNewUserAgent: Detection = {
  id: 'key-new-user-agent',
  severity: 'low',
  title: 'An access key used by a new tool',
  meaning: 'A long-term access key with earlier history was used by a tool (user agent family) it had never used: the owner\'s scripts use the same tools every day, an attacker brings their own.',
  action: 'Check whether the owner started using that tool; if not, treat the key as leaked.',
  sql: `SELECT e.event_id, 'key ' || e.access_key_id || ' first used by ' || ${UA_FAMILY.replace(/user_agent/g, 'e.user_agent')} AS evidence
FROM events e
JOIN (
  SELECT access_key_id, ${UA_FAMILY} AS family, min(event_time) AS first_seen
  FROM events WHERE ${longTermKey()} AND ${direct()}
  GROUP BY access_key_id, ${UA_FAMILY}
) p ON p.access_key_id = e.access_key_id AND p.family = ${UA_FAMILY.replace(/user_agent/g, 'e.user_agent')} AND p.first_seen = e.event_time
JOIN (
  SELECT access_key_id, min(event_time) AS key_first_seen FROM events WHERE ${longTermKey()} GROUP BY access_key_id
) k ON k.access_key_id = e.access_key_id
WHERE p.first_seen > k.key_first_seen + INTERVAL '1' HOUR AND ${direct('e.')}`,
};
