// alarm-security-group-changes (CIS 5.10): a rule opening a port to 0.0.0.0/0 is the usual way a server ends up
// exposed.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmSecurityGroupChanges = cisAlarmCheck({
  id: 'alarm-security-group-changes',
  title: 'An alarm fires on security group changes',
  severity: 'low',
  sources: ['CIS 5.10'],
  events: 'security group changes (rules authorized, revoked or modified; groups created or deleted)',
});
