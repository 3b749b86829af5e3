// Seed 002's story as CloudTrail would have recorded it. The owner works weekdays from home with the AWS CLI;
// a .env with his admin key is pushed to a public repository on Friday evening; a secret scanner checks the key
// in the night; at 3:47 AM on Saturday GPU instances start in four regions, from another address, with Boto3.
import { at, event, runInstances, signIn, user, type CloudTrailRecord } from './events.js';

export const LEAKED_KEY = 'AKIAQ3EGRJ5XSEED0002';
export const OWNER = user('anurag-admin', LEAKED_KEY);
export const HOME_IP = '198.51.100.10';
export const SCANNER_IP = '203.0.113.66';
export const MINER_IP = '185.220.101.7';
export const GPU_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'];

export function seed002(): CloudTrailRecord[] {
  const out: CloudTrailRecord[] = [];
  // Monday 16 to Friday 20 November 2026: S3 work 9:00 to 17:00 UTC, and a console sign-in with MFA each morning.
  for (let day = 16; day <= 20; day++) {
    out.push(signIn(`2026-11-${day}T08:55:00Z`, { ...OWNER, accessKeyId: undefined }, { mfa: 'Yes', ip: HOME_IP }));
    for (let h = 9; h <= 17; h++) {
      out.push(event({ time: `2026-11-${day}T${String(h).padStart(2, '0')}:20:00Z`, name: 'PutObject', source: 's3.amazonaws.com', identity: OWNER, ip: HOME_IP, request: { bucketName: 'anurag-site', key: `build/${day}-${h}.html` } }));
    }
  }
  // Saturday 21 November, 01:12: a scanner found the pushed .env and asks whose key it is.
  out.push(event({ time: '2026-11-21T01:12:09Z', name: 'GetCallerIdentity', identity: OWNER, ip: SCANNER_IP, ua: 'TruffleHog' }));
  // 03:47: the miner starts: which regions are there, then GPU instances in four of them.
  out.push(event({ time: '2026-11-21T03:46:30Z', name: 'DescribeRegions', source: 'ec2.amazonaws.com', identity: OWNER, ip: MINER_IP, ua: 'Boto3/1.34.69 md/Botocore#1.34.69 Python/3.11.8 Linux/5.15' }));
  GPU_REGIONS.forEach((region, i) => {
    for (let n = 0; n < 2; n++) {
      out.push(runInstances(at('2026-11-21T03:47:05Z', i * 4 + n), OWNER, region, n ? 'g4dn.12xlarge' : 'p3.8xlarge', { ip: MINER_IP, ua: 'Boto3/1.34.69 md/Botocore#1.34.69 Python/3.11.8 Linux/5.15' }));
    }
  });
  return out;
}
