// kms-key-rotation (CIS 4.6): a rotated key gets new key material every year (or the period set), so material that
// leaked or was broken only exposes what it encrypted before. One result per enabled customer-managed symmetric key
// (rotation is not offered for asymmetric, HMAC or AWS-managed keys, and AWS rotates its own keys anyway).
import type { KmsKey } from '../../inventory/schema/regional.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, notApplicable, pass, unknownInRegion } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import { auditedRegions } from './regions.js';

/** What the collector writes for a fact a failed DescribeKey did not give. */
const UNKNOWN_FACT = 'UNKNOWN';

const remediation = (keyId = '<key-id>', region = '<region>'): Remediation => ({
  summary: `Turn on automatic rotation for key ${keyId} in ${region}. Old material stays for decryption: nothing needs re-encrypting and nothing breaks.`,
  console: [`KMS (in ${region}) > Customer managed keys > ${keyId} > Key rotation`, 'Check Automatically rotate this KMS key every year (or set a rotation period); Save'],
  cli: [`aws kms enable-key-rotation --key-id ${keyId} --region ${region}`, `aws kms get-key-rotation-status --key-id ${keyId} --region ${region}`],
});

const inScope = (k: KmsKey): boolean => k.manager === 'CUSTOMER' && k.spec === 'SYMMETRIC_DEFAULT' && k.state === 'Enabled';
/** DescribeKey failed for it: it may be a customer symmetric key, or not. Known AWS-managed keys are out either way. */
const undescribed = (k: KmsKey): boolean => k.manager !== 'AWS' && [k.manager, k.spec, k.state].includes(UNKNOWN_FACT);

function judgeRegion(snapshot: AccountSnapshot, region: string): Outcome[] {
  const keys = snapshot.regional[region]?.kmsKeys;
  if (!keys) return [unknownInRegion(snapshot, region, ['kms:ListKeys'], region)];
  const out: Outcome[] = [];
  // One UNKNOWN for the region, not one per key: a denied DescribeKey would otherwise list every AWS-managed key too.
  const blind = keys.filter(undescribed);
  if (blind.length) {
    const o = unknownInRegion(snapshot, region, ['kms:DescribeKey'], region);
    out.push({ ...o, message: `${o.message}; ${blind.length} key${blind.length === 1 ? '' : 's'} in ${region} may be customer-managed and unrotated` });
  }
  for (const k of keys.filter(inScope)) {
    if (k.rotationEnabled === null) out.push(unknownInRegion(snapshot, k.arn, ['kms:GetKeyRotationStatus'], region));
    else if (k.rotationEnabled) out.push(pass(k.arn, `customer-managed key ${k.id} in ${region} rotates automatically`));
    else out.push(fail(k.arn, `customer-managed key ${k.id} in ${region} does not rotate`, remediation(k.id, region)));
  }
  return out;
}

export const kmsKeyRotation: Check = {
  id: 'kms-key-rotation',
  title: 'Customer-managed symmetric KMS keys rotate',
  area: 'logging',
  severity: 'medium',
  sources: ['CIS 4.6'],
  remediation: remediation(),
  evaluate(snapshot) {
    const read = auditedRegions(snapshot);
    if (!read.ok) return [read.outcome];
    const out = read.regions.flatMap((region) => judgeRegion(snapshot, region));
    return out.length
      ? out
      : [notApplicable(accountResource(snapshot), `no enabled customer-managed symmetric KMS key in the ${read.regions.length} audited region${read.regions.length === 1 ? '' : 's'}`)];
  },
};
