// alarm-iam-policy-changes (seed 003; CIS 5.4): granting oneself more is the first step after a break-in; a policy
// change nobody planned should be seen.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmIamPolicyChanges = cisAlarmCheck({
  id: 'alarm-iam-policy-changes',
  title: 'An alarm fires on IAM policy changes',
  severity: 'medium',
  sources: ['seed 003', 'CIS 5.4'],
  events: 'IAM policy changes (create, delete, new versions, inline puts and deletes, attach and detach)',
});
