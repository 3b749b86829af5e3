// cloudtrail-bucket-not-public (seed 004 "Configure access restrictions on S3 bucket"): the logs show every API call,
// resource name and caller in the account; a public log bucket hands that map to anyone. Unlike the other "that trail"
// checks, one good trail does not excuse another: every bucket a qualifying trail (or one that may qualify) writes to
// must be private, because a single public one leaks the same logs.
import type { Trail } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, pass } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import {
  GET_BUCKET_ACL,
  GET_BUCKET_POLICY,
  GET_PUBLIC_ACCESS_BLOCK,
  blockSummary,
  bucketArn,
  bucketOf,
  exposure,
  failures,
} from './buckets.js';
import { mergeRemediations, noQualifyingTrail, qualify, readTrails, trailLabel, undeterminedReason } from './trails.js';
import { listing } from './text.js';

const PAB_ALL = 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true';

const remediation = (bucket = '<bucket>', accountId = '<account-id>'): Remediation => ({
  summary:
    `Make ${bucket === '<bucket>' ? 'the trail bucket' : `bucket ${bucket}`} private: turn on all four Block Public Access settings, and remove policy statements that allow ` +
    'Principal "*" without a condition and ACL grants to Everyone or Authenticated users. CloudTrail needs only its cloudtrail.amazonaws.com statements.',
  console: [
    `S3 > Buckets > ${bucket} > Permissions > Block public access (bucket settings) > Edit: check Block all public access, Save changes, type confirm`,
    'Permissions > Bucket policy > Edit: delete statements with "Principal": "*" that have no aws:SourceArn / aws:SourceAccount condition; keep the AWSCloudTrail statements',
    'Permissions > Access control list (ACL) > Edit: remove every permission of Everyone (public access) and Authenticated users group',
    'S3 > Block Public Access settings for this account > Edit: check Block all public access (protects every bucket of the account)',
  ],
  cli: [
    `aws s3api put-public-access-block --bucket ${bucket} --public-access-block-configuration ${PAB_ALL}`,
    `aws s3api get-bucket-policy --bucket ${bucket} --query Policy --output text > policy.json   # remove the public statements, then:`,
    `aws s3api put-bucket-policy --bucket ${bucket} --policy file://policy.json`,
    `aws s3api put-bucket-acl --bucket ${bucket} --acl private`,
    `aws s3control put-public-access-block --account-id ${accountId} --public-access-block-configuration ${PAB_ALL}`,
  ],
});

/** The verdict on one bucket and the trails writing to it. */
function judgeBucket(snapshot: AccountSnapshot, name: string, trails: Trail[]): Outcome {
  const resource = bucketArn(snapshot, name);
  const who = `bucket ${name} of ${listing(trails.map(trailLabel))}`;
  const bucket = bucketOf(snapshot, name);
  if (!bucket) {
    const why = failures(snapshot, [GET_BUCKET_POLICY, GET_BUCKET_ACL, GET_PUBLIC_ACCESS_BLOCK]);
    return { status: 'UNKNOWN', resource, message: `could not evaluate: ${who} was not collected (another account's bucket?): ${why}` };
  }
  const e = exposure(snapshot, bucket);
  if (e.status === 'public') {
    return fail(resource, `${who} is public: ${e.reasons.join('; ')}; no public access block (bucket or account) stops it`, remediation(name, snapshot.account.id));
  }
  if (e.status === 'unknown') return { status: 'UNKNOWN', resource, message: `could not evaluate: ${who}: ${failures(snapshot, e.missing)}` };
  const how = e.notes.length ? e.notes.join('; ') : 'no policy statement or ACL grant lets anyone in';
  return pass(resource, `${who} is not public: ${how}; ${blockSummary(snapshot, bucket)}`);
}

export const cloudtrailBucketNotPublic: Check = {
  id: 'cloudtrail-bucket-not-public',
  title: "The multi-region trail's S3 bucket is not public",
  area: 'logging',
  severity: 'high',
  sources: ['seed 004'],
  remediation: remediation(),
  evaluate(snapshot) {
    const read = readTrails(snapshot);
    if (!read.ok) return [read.outcome];
    const { qualifying, undetermined } = qualify(read.trails);
    if (qualifying.length === 0 && undetermined.length === 0) return [noQualifyingTrail(snapshot)];

    const byBucket = new Map<string, Trail[]>();
    const bucketless: Trail[] = [];
    for (const { trail } of [...qualifying, ...undetermined]) {
      if (trail.s3BucketName === null) bucketless.push(trail);
      else byBucket.set(trail.s3BucketName, [...(byBucket.get(trail.s3BucketName) ?? []), trail]);
    }
    const verdicts = [...byBucket].map(([name, trails]) => judgeBucket(snapshot, name, trails));
    // One bucket is the resource whatever the answer; several are the account's.
    const resource = verdicts.length === 1 ? verdicts[0]!.resource : accountResource(snapshot);

    const failed = verdicts.filter((o) => o.status === 'FAIL');
    if (failed.length) {
      const remedy = mergeRemediations(failed.flatMap((o) => (o.remediation ? [o.remediation] : [])));
      return [fail(failed.length === 1 ? failed[0]!.resource : resource, failed.map((o) => o.message).join('; '), remedy)];
    }
    const open = [
      ...verdicts.filter((o) => o.status === 'UNKNOWN').map((o) => o.message.replace(/^could not evaluate: /, '')),
      ...bucketless.map((t) => `${trailLabel(t)} names no S3 bucket`),
    ];
    // Private buckets prove nothing while no trail is known to qualify: the one that does may be missing.
    if (qualifying.length === 0) open.push(`no trail is known to qualify (${undetermined.map((a) => undeterminedReason(snapshot, a)).join('; ')})`);
    if (open.length) return [{ status: 'UNKNOWN', resource, message: `could not evaluate: ${open.join('; ')}` }];
    return [pass(resource, verdicts.map((o) => o.message).join('; '))];
  },
};
