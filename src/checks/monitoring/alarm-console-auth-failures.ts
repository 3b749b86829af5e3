// alarm-console-auth-failures (seed 003; CIS 5.6): repeated failures are password guessing; seeing them early gives
// time to act.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmConsoleAuthFailures = cisAlarmCheck({
  id: 'alarm-console-auth-failures',
  title: 'An alarm fires on failed console sign-ins',
  severity: 'low',
  sources: ['seed 003', 'CIS 5.6'],
  events: 'failed console sign-ins (ConsoleLogin with errorMessage "Failed authentication")',
});
