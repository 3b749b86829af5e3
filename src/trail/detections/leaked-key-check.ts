import type { Detection } from './types.js';

// Secret scanners verify each key they find with GetCallerIdentity; their user agents say so.
const SCANNERS = ['trufflehog', 'gitleaks', 'keyhunter', 'pacu', 'scoutsuite', 'prowler', 'cloudfox', 'enumerate-iam'];

export const leakedKeyCheck: Detection = {
  id: 'leaked-key-check',
  severity: 'high',
  title: 'A key checked by a secret scanner or attack tool',
  meaning: 'GetCallerIdentity ("whose key is this?") was called by a tool that hunts leaked keys. The key is very likely public (a repository, a paste, a container image).',
  action: 'Deactivate the key now, find where it leaked (rampart scan), then follow the key\'s timeline (--access-key) for what else it did.',
  sql: `SELECT event_id, 'GetCallerIdentity by ' || coalesce(user_agent, '?') || ' from ' || coalesce(source_ip, '?') AS evidence
FROM events
WHERE event_name = 'GetCallerIdentity' AND (${SCANNERS.map((s) => `lower(user_agent) LIKE '%${s}%'`).join(' OR ')})`,
};
