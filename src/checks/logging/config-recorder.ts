// config-recorder (seed 003; CIS 4.3): AWS Config keeps the history of every resource's configuration, which is what
// answers "what changed, and when" after an incident, and what the Config rules evaluate. One result per audited
// region: a recorder there must record all supported resource types and be recording. Global resource types (IAM)
// need recording in one region only; CIS asks for it, so the message says where it happens, but no region fails for it.
import type { ConfigRecorder } from '../../inventory/schema/regional.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { fail, pass, unknownInRegion } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import { auditedRegions } from './regions.js';
import { listing } from './text.js';

export const DESCRIBE_RECORDERS = 'config:DescribeConfigurationRecorders';
const DESCRIBE_RECORDER_STATUS = 'config:DescribeConfigurationRecorderStatus';

const remediation = (region = '<region>', accountId = '<account-id>', recorder = 'default'): Remediation => ({
  summary:
    `Record all supported resource types with AWS Config in ${region === '<region>' ? 'every enabled region' : region}, into an S3 bucket, and start the recorder. ` +
    'Include global resource types (IAM) in one region only, to avoid recording them several times.',
  console: [
    `AWS Config (in ${region}) > Settings (or Get started the first time) > Edit`,
    'Recording strategy: All resource types with customizable overrides, no overrides; Recording frequency: Continuous',
    'IAM role: use the service-linked role (AWSServiceRoleForConfig); Delivery channel: an S3 bucket; Save',
    'Make sure the recorder shows Recording is on (Settings > Recorder: Start recording)',
  ],
  cli: [
    'aws iam create-service-linked-role --aws-service-name config.amazonaws.com   # once per account; fails harmlessly if it exists',
    `aws configservice put-configuration-recorder --region ${region} --configuration-recorder name=${recorder},roleARN=arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig --recording-group allSupported=true,includeGlobalResourceTypes=<true in one region only>`,
    `aws configservice put-delivery-channel --region ${region} --delivery-channel name=default,s3BucketName=<config-bucket>`,
    `aws configservice start-configuration-recorder --configuration-recorder-name ${recorder} --region ${region}`,
  ],
});

const recordsEverything = (r: ConfigRecorder): boolean => r.allSupported || r.recordingStrategy === 'ALL_SUPPORTED_RESOURCE_TYPES';

/** Known reasons a recorder falls short, phrased to follow its name. */
function shortfalls(r: ConfigRecorder): string[] {
  const out: string[] = [];
  if (!recordsEverything(r)) out.push(`records only some resource types (${r.recordingStrategy ?? 'a resource type list'})`);
  if (r.recording === false) out.push('is not recording');
  return out;
}

/** Where global resource types are recorded, said on every region's result. */
function globalNote(snapshot: AccountSnapshot, regions: string[], region: string): string {
  const recording = regions.filter((r) => (snapshot.regional[r]?.configRecorders ?? []).some((c) => c.includeGlobalResourceTypes && recordsEverything(c)));
  if (recording.includes(region)) return 'global resource types (IAM) included';
  if (recording.length) return `global resource types (IAM) are recorded in ${listing(recording)}`;
  return 'no audited region records global resource types (IAM): CIS 4.3 wants them in one';
}

function judgeRegion(snapshot: AccountSnapshot, regions: string[], region: string): Outcome {
  const recorders = snapshot.regional[region]?.configRecorders;
  if (!recorders) return unknownInRegion(snapshot, region, [DESCRIBE_RECORDERS], region);
  const fix = remediation(region, snapshot.account.id, recorders[0]?.name ?? 'default');
  if (recorders.length === 0) return fail(region, `AWS Config has no configuration recorder in ${region}`, fix);
  const good = recorders.find((r) => shortfalls(r).length === 0 && r.recording === true);
  if (good) {
    const status = good.lastStatus && /fail/i.test(good.lastStatus) ? `; its last recording status is ${good.lastStatus}` : '';
    return pass(region, `recorder ${good.name} records all supported resource types and is recording; ${globalNote(snapshot, regions, region)}${status}`);
  }
  const pending = recorders.find((r) => shortfalls(r).length === 0 && r.recording === null);
  if (pending) {
    const o = unknownInRegion(snapshot, region, [DESCRIBE_RECORDER_STATUS], region);
    return { ...o, message: `${o.message}; recorder ${pending.name} records all supported resource types, whether it is recording is unknown` };
  }
  return fail(region, recorders.map((r) => `recorder ${r.name} in ${region} ${listing(shortfalls(r))}`).join('; '), fix);
}

export const configRecorder: Check = {
  id: 'config-recorder',
  title: 'AWS Config records all resources in every region',
  area: 'logging',
  severity: 'medium',
  sources: ['seed 003', 'CIS 4.3'],
  remediation: remediation(),
  evaluate(snapshot) {
    const read = auditedRegions(snapshot);
    if (!read.ok) return [read.outcome];
    return read.regions.map((region) => judgeRegion(snapshot, read.regions, region));
  },
};
