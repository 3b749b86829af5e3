import { direct, longTermKey } from './sql.js';
import type { Detection } from './types.js';

/** The tool in a user agent: "aws-cli/2.15 Python/3.11" is aws-cli, "Boto3/1.34 md/Botocore#1.34" is boto3. */
const family = (ua: string) => `lower(split_part(split_part(${ua}, '/', 1), ' ', 1))`;

export const keyNewUserAgent: Detection = {
  id: 'key-new-user-agent',
  severity: 'low',
  title: 'An access key used by a new tool',
  meaning: 'A long-term access key with earlier history was used by a tool (user agent family) it had never used: the owner\'s scripts use the same tools every day, an attacker brings their own.',
  action: 'Check whether the owner started using that tool; if not, treat the key as leaked.',
  // Grouped by the raw user agent first: the family of the few distinct agents is cheap, of every event it is not.
  sql: `WITH agents AS (
  SELECT access_key_id, coalesce(user_agent, '') AS ua, min(event_time) AS first_seen
  FROM events WHERE ${longTermKey()} AND ${direct()}
  GROUP BY access_key_id, coalesce(user_agent, '')
), families AS (
  SELECT access_key_id, ${family('ua')} AS family, min(first_seen) AS first_seen FROM agents GROUP BY access_key_id, ${family('ua')}
), starts AS (
  SELECT access_key_id, min(event_time) AS key_first_seen FROM events WHERE ${longTermKey()} GROUP BY access_key_id
), firsts AS (
  SELECT a.access_key_id, a.ua, f.family, f.first_seen
  FROM families f
  JOIN starts k ON k.access_key_id = f.access_key_id
  JOIN agents a ON a.access_key_id = f.access_key_id AND a.first_seen = f.first_seen AND ${family('a.ua')} = f.family
  WHERE f.first_seen > k.key_first_seen + INTERVAL '1' HOUR
)
SELECT e.event_id, 'key ' || e.access_key_id || ' first used by ' || n.family AS evidence
FROM events e
JOIN firsts n ON n.access_key_id = e.access_key_id AND n.ua = coalesce(e.user_agent, '') AND n.first_seen = e.event_time
WHERE ${direct('e.')}`,
};
