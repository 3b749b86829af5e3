import type { Detection } from './types.js';

export const signInWithoutMfa: Detection = {
  id: 'sign-in-without-mfa',
  severity: 'medium',
  title: 'Console sign-in without MFA',
  meaning: 'A person signed in to the console with a password alone. A leaked or guessed password is enough to get in.',
  action: 'Enable MFA for this identity (rampart apply enforces it) and confirm the sign-in was its owner.',
  sql: `SELECT event_id, coalesce(user_name, identity_type) || ' signed in without MFA from ' || coalesce(source_ip, '?') AS evidence
FROM events
WHERE event_name = 'ConsoleLogin' AND console_login = 'Success' AND identity_type IN ('IAMUser', 'Root') AND NOT coalesce(mfa_used, false)`,
};
