// alarm-route-table-changes (CIS 5.13): a changed route can send traffic around the controls it was meant to pass
// through.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmRouteTableChanges = cisAlarmCheck({
  id: 'alarm-route-table-changes',
  title: 'An alarm fires on route table changes',
  severity: 'low',
  sources: ['CIS 5.13'],
  events: 'route table changes (routes and tables created, replaced, deleted; associations)',
});
