// cloudtrail-bucket-access-logging (CIS 4.4): the trail records API calls, not who read the log objects. Server access
// logging on the trail bucket records every GET, so someone reading (or deleting) the logs leaves a trace.
import type { Trail } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { fail, pass } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import { GET_BUCKET_LOGGING, bucketArn, bucketOf, failures } from './buckets.js';
import { judgeThatTrail, trailLabel } from './trails.js';

const remediation = (bucket = '<bucket>'): Remediation => ({
  summary:
    `Turn on server access logging for ${bucket === '<bucket>' ? 'the trail bucket' : `bucket ${bucket}`}, into a separate log bucket in the same region and account ` +
    '(not the trail bucket itself). The console adds the policy that lets logging.s3.amazonaws.com write there; on the CLI add it to the target bucket first.',
  console: [
    `S3 > Buckets > ${bucket} > Properties > Server access logging > Edit`,
    'Enable; Destination: s3://<log-bucket>/<bucket>/ (create the log bucket first, same region); Save changes',
  ],
  cli: [`aws s3api put-bucket-logging --bucket ${bucket} --bucket-logging-status '{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"${bucket}/"}}'`],
});

function judge(snapshot: AccountSnapshot, t: Trail): Outcome {
  if (t.s3BucketName === null) return { status: 'UNKNOWN', resource: t.arn, message: `could not evaluate: ${trailLabel(t)} names no S3 bucket` };
  const name = t.s3BucketName;
  const resource = bucketArn(snapshot, name);
  const logging = bucketOf(snapshot, name)?.accessLogging;
  if (logging === undefined) {
    const why = bucketOf(snapshot, name) ? '' : ' (not collected: another account\'s bucket?)';
    return { status: 'UNKNOWN', resource, message: `could not evaluate: bucket ${name} of ${trailLabel(t)}${why}: ${failures(snapshot, [GET_BUCKET_LOGGING])}` };
  }
  if (logging === null) return fail(resource, `bucket ${name} of ${trailLabel(t)} has no server access logging`, remediation(name));
  const target = `s3://${logging.targetBucket}/${logging.targetPrefix}`;
  const self = logging.targetBucket === name ? ' (into itself: every log write is logged again; prefer a separate bucket)' : '';
  return pass(resource, `bucket ${name} of ${trailLabel(t)} logs access to ${target}${self}`);
}

export const cloudtrailBucketAccessLogging: Check = {
  id: 'cloudtrail-bucket-access-logging',
  title: "The multi-region trail's S3 bucket has server access logging",
  area: 'logging',
  severity: 'low',
  sources: ['CIS 4.4'],
  remediation: remediation(),
  evaluate: (snapshot) => judgeThatTrail(snapshot, (t) => judge(snapshot, t)),
};
