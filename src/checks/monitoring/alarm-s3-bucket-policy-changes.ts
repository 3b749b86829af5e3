// alarm-s3-bucket-policy-changes (CIS 5.8): one policy or ACL change can make a bucket public or copy it elsewhere.
import { cisAlarmCheck } from './cis-alarm.js';

export const alarmS3BucketPolicyChanges = cisAlarmCheck({
  id: 'alarm-s3-bucket-policy-changes',
  title: 'An alarm fires on S3 bucket policy changes',
  severity: 'low',
  sources: ['CIS 5.8'],
  events: 'S3 bucket policy, ACL, CORS, lifecycle and replication changes',
});
