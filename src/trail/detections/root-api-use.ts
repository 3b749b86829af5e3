import { direct, succeeded } from './sql.js';
import type { Detection } from './types.js';

export const rootApiUse: Detection = {
  id: 'root-api-use',
  severity: 'high',
  title: 'Root made API calls',
  meaning: 'The root user called AWS APIs. Day-to-day work belongs to an IAM user or role; root calls with an access key mean root has keys, which the seeds forbid.',
  action: 'Find who used root and why; delete any root access keys; move the work to an IAM identity.',
  sql: `SELECT event_id, 'root called ' || event_name || CASE WHEN access_key_id LIKE 'AKIA%' THEN ' with root access key ' || access_key_id ELSE '' END AS evidence
FROM events
WHERE identity_type = 'Root' AND event_name <> 'ConsoleLogin' AND coalesce(event_type, '') = 'AwsApiCall' AND ${direct()} AND ${succeeded()}`,
};
