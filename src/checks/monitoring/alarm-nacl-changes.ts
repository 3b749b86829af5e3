// alarm-nacl-changes (CIS 5.11): network ACLs are the subnet-wide layer under security groups; a change there opens
// or closes whole subnets.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmNaclChanges = cisAlarmCheck({
  id: 'alarm-nacl-changes',
  title: 'An alarm fires on network ACL changes',
  severity: 'low',
  sources: ['CIS 5.11'],
  events: 'network ACL changes (ACLs and entries created, replaced or deleted; associations)',
});
