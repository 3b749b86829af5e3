// alarm-kms-cmk-deletion (CIS 5.7): data encrypted under a deleted key is lost for good; the deletion window is only
// worth something if someone hears of it.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmKmsCmkDeletion = cisAlarmCheck({
  id: 'alarm-kms-cmk-deletion',
  title: 'An alarm fires when a KMS key is disabled or scheduled for deletion',
  severity: 'low',
  sources: ['CIS 5.7'],
  events: 'DisableKey and ScheduleKeyDeletion on KMS keys',
});
