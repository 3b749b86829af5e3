import { succeeded } from './sql.js';
import type { Detection } from './types.js';

export const leaveOrganization: Detection = {
  id: 'leave-organization',
  severity: 'critical',
  title: 'The account left its organization',
  meaning: 'The account is no longer governed by its organization: its SCPs, central logging and billing no longer apply. Attackers do this to escape guardrails.',
  action: 'Contact the organization\'s administrators now; review who called it and re-invite the account.',
  sql: `SELECT event_id, actor || ' called LeaveOrganization' AS evidence
FROM events
WHERE event_name = 'LeaveOrganization' AND ${succeeded()}`,
};
