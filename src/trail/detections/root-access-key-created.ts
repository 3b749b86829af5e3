import { succeeded } from './sql.js';
import type { Detection } from './types.js';

export const rootAccessKeyCreated: Detection = {
  id: 'root-access-key-created',
  severity: 'critical',
  title: 'Access key created for root',
  meaning: 'Root now has an access key: whoever holds it controls the whole account from a script, with no MFA.',
  action: 'Delete the root access key now (Security credentials of the root user), rotate the root password, check root MFA.',
  sql: `SELECT event_id, 'root access key created from ' || coalesce(source_ip, '?') AS evidence
FROM events
WHERE event_name = 'CreateAccessKey' AND identity_type = 'Root' AND target_user IS NULL AND ${succeeded()}`,
};
