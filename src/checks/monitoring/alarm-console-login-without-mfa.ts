// alarm-console-login-without-mfa (seed 003; CIS 5.2): every console user should have MFA; a sign-in without it is a
// password alone standing between an attacker and the console.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmConsoleLoginWithoutMfa = cisAlarmCheck({
  id: 'alarm-console-login-without-mfa',
  title: 'An alarm fires on console sign-ins without MFA',
  severity: 'medium',
  sources: ['seed 003', 'CIS 5.2'],
  events: 'console sign-ins (ConsoleLogin) without MFA',
});
