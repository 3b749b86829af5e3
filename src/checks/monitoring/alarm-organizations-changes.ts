// alarm-organizations-changes (CIS 5.15): an SCP detached or an account moved changes the guardrails of every account
// below it.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmOrganizationsChanges = cisAlarmCheck({
  id: 'alarm-organizations-changes',
  title: 'An alarm fires on AWS Organizations changes',
  severity: 'low',
  sources: ['CIS 5.15'],
  events: 'AWS Organizations changes (accounts, organizational units, policies, handshakes)',
});
