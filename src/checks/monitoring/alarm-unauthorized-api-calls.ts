// alarm-unauthorized-api-calls (CIS 5.1): a burst of refused calls is what stolen keys probing their permissions look
// like (seed 002's incident began so).
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmUnauthorizedApiCalls = cisAlarmCheck({
  id: 'alarm-unauthorized-api-calls',
  title: 'An alarm fires on unauthorized API calls',
  severity: 'low',
  sources: ['CIS 5.1'],
  events: 'API calls refused with UnauthorizedOperation or AccessDenied',
});
