import type { Detection } from './types.js';

export const rootSignIn: Detection = {
  id: 'root-sign-in',
  severity: 'high',
  title: 'Root signed in to the console',
  meaning: 'Someone signed in as the account root user, which can do anything, including closing the account. The seeds keep root for a handful of account tasks.',
  action: 'If it was not you: change the root password, check root MFA, and review everything root did after this sign-in.',
  sql: `SELECT event_id, 'root console sign-in from ' || coalesce(source_ip, '?') || CASE WHEN mfa_used THEN ' with MFA' ELSE ' WITHOUT MFA' END AS evidence
FROM events
WHERE event_name = 'ConsoleLogin' AND identity_type = 'Root' AND console_login = 'Success'`,
};
