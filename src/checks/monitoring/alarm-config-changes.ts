// alarm-config-changes (CIS 5.9): stopping the recorder hides configuration drift from every Config rule.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmConfigChanges = cisAlarmCheck({
  id: 'alarm-config-changes',
  title: 'An alarm fires on AWS Config changes',
  severity: 'low',
  sources: ['CIS 5.9'],
  events: 'AWS Config recorder and delivery channel changes',
});
