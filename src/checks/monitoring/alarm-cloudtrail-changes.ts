// alarm-cloudtrail-changes (CIS 5.5): stopping or changing the trail blinds every other check; it should never pass
// unnoticed.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmCloudtrailChanges = cisAlarmCheck({
  id: 'alarm-cloudtrail-changes',
  title: 'An alarm fires on CloudTrail configuration changes',
  severity: 'medium',
  sources: ['CIS 5.5'],
  events: 'CloudTrail changes (CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging)',
});
