// alarm-vpc-changes (CIS 5.14): a new peering connection or VPC widens the network without touching any security
// group.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmVpcChanges = cisAlarmCheck({
  id: 'alarm-vpc-changes',
  title: 'An alarm fires on VPC changes',
  severity: 'low',
  sources: ['CIS 5.14'],
  events: 'VPC changes (VPCs, their attributes, peering connections, ClassicLink)',
});
