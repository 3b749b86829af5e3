import { direct, succeeded } from './sql.js';
import type { Detection } from './types.js';

export const accessKeyCreated: Detection = {
  id: 'access-key-created',
  severity: 'medium',
  title: 'Access key created for a user',
  meaning: 'A new long-term access key exists. Attackers create their own key to keep access after the leaked one is deleted.',
  action: 'Confirm the owner asked for it; if not, deactivate and delete the key and review what it did.',
  sql: `SELECT event_id, identity_type || ' ' || coalesce(user_name, actor) || ' created an access key for ' || coalesce(target_user, coalesce(user_name, '?')) AS evidence
FROM events
WHERE event_name = 'CreateAccessKey' AND identity_type <> 'Root' AND ${direct()} AND ${succeeded()}`,
};
