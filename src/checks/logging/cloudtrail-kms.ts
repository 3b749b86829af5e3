// cloudtrail-kms (seed 003 "Log file encryption: Yes (use KMS key)"; CIS 4.5): with SSE-KMS, reading the logs needs
// kms:Decrypt on the key as well as s3:GetObject, so a leaked S3 read permission does not hand over the account's
// activity. A key that is disabled or pending deletion stops delivery altogether, so its state is checked when known.
import type { Trail } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { KmsKey } from '../../inventory/schema/regional.js';
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { judgeThatTrail, ownerNote, trailLabel } from './trails.js';

const remediation = (trail = '<trail>', region = '<home-region>', note = ''): Remediation => ({
  summary:
    `Encrypt ${trail === '<trail>' ? 'the multi-region trail' : `trail ${trail}`} with a customer managed KMS key in its home region. ` +
    `The key policy must let cloudtrail.amazonaws.com use kms:GenerateDataKey* (the console writes it when it creates the key) and let log readers use kms:Decrypt.${note}`,
  console: [
    `CloudTrail > Trails > ${trail} (in ${region}) > General details > Edit`,
    'Log file SSE-KMS encryption: Enabled; Customer managed AWS KMS key: New (give it an alias) or Existing; Save changes',
  ],
  cli: [
    `aws kms create-key --description "CloudTrail logs" --region ${region}   # then put a key policy that allows cloudtrail.amazonaws.com`,
    `aws cloudtrail update-trail --name ${trail} --kms-key-id <key-arn> --region ${region}`,
  ],
});

/** The key as the snapshot knows it, by ARN or id (the trail gives an ARN; its region is in it). */
function keyOf(snapshot: AccountSnapshot, keyId: string): KmsKey | undefined {
  const region = keyId.startsWith('arn:') ? keyId.split(':')[3] : undefined;
  const pools = region ? [snapshot.regional[region]?.kmsKeys ?? []] : Object.values(snapshot.regional).map((r) => r.kmsKeys ?? []);
  return pools.flat().find((k) => k.arn === keyId || k.id === keyId);
}

function judge(snapshot: AccountSnapshot, t: Trail) {
  if (t.kmsKeyId === null) {
    return fail(t.arn, `${trailLabel(t)} does not encrypt its log files with a KMS key (SSE-S3 only)`, remediation(t.name, t.homeRegion, ownerNote(snapshot, t)));
  }
  const key = keyOf(snapshot, t.kmsKeyId);
  if (key && key.state !== 'Enabled') {
    return fail(t.arn, `${trailLabel(t)} encrypts with KMS key ${t.kmsKeyId}, which is ${key.state}: CloudTrail cannot deliver log files`, {
      ...remediation(t.name, t.homeRegion, ownerNote(snapshot, t)),
      cli: [`aws kms enable-key --key-id ${key.id} --region ${key.arn.split(':')[3] ?? t.homeRegion}`, ...remediation(t.name, t.homeRegion).cli],
    });
  }
  return pass(t.arn, `${trailLabel(t)} encrypts its log files with KMS key ${t.kmsKeyId}`);
}

export const cloudtrailKms: Check = {
  id: 'cloudtrail-kms',
  title: 'The multi-region trail encrypts its logs with a KMS key',
  area: 'logging',
  severity: 'medium',
  sources: ['seed 003', 'CIS 4.5'],
  remediation: remediation(),
  evaluate: (snapshot) => judgeThatTrail(snapshot, (t) => judge(snapshot, t)),
};
