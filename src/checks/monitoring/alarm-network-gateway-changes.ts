// alarm-network-gateway-changes (CIS 5.12): a new or moved gateway changes what can reach the VPC and what can leave
// it.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmNetworkGatewayChanges = cisAlarmCheck({
  id: 'alarm-network-gateway-changes',
  title: 'An alarm fires on network gateway changes',
  severity: 'low',
  sources: ['CIS 5.12'],
  events: 'internet and customer gateway changes',
});
