// alarm-root-usage (seed 003; CIS 5.3): root is kept for the few tasks only it can do, so any use of it should reach
// a person at once.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmRootUsage = cisAlarmCheck({
  id: 'alarm-root-usage',
  title: 'An alarm fires when the root user is used',
  severity: 'high',
  sources: ['seed 003', 'CIS 5.3'],
  events: 'uses of the root user (not by an AWS service on its behalf)',
});
