// The trails' buckets: where they are, whether they are public (policy, ACL, public access block) and whether
// they keep access logs. S3 answers a bucket's configuration only in the bucket's region, so its location comes
// first (GetBucketLocation answers from any region). Each call stands alone: a refused one (a bucket in another
// account, typically an organization's log archive) is recorded and leaves its field out, the others go on.
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  type Grant,
} from '@aws-sdk/client-s3';
import { awsErrorCode } from '../../aws/errors.js';
import { mapLimited } from '../../aws/limiter.js';
import type { Session } from '../../aws/session.js';
import { attempt, type FailureLog } from '../context.js';
import { parsePolicyDocument } from '../iam/policy-document.js';
import { toPublicAccessBlock } from '../s3/public-access-block.js';
import type { Bucket, Trail } from '../schema/logging.js';
import type { Timed } from '../timed.js';

const BUCKET_CONCURRENCY = 4;

/** LocationConstraint: empty for us-east-1 (the original region), `EU` for eu-west-1 (its old name). */
export function regionOfLocation(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** A grant's grantee: the group URI (AllUsers, AuthenticatedUsers, LogDelivery), else the canonical id or email. */
export const toGrant = (g: Grant): { grantee: string; permission: string } => ({
  grantee: g.Grantee?.URI ?? g.Grantee?.ID ?? g.Grantee?.EmailAddress ?? 'unknown',
  permission: g.Permission ?? 'unknown',
});

/** The calls' answers that mean "there is none": facts about the bucket, not failures. */
async function orNone<T>(none: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    if (awsErrorCode(err) === none) return null;
    throw err;
  }
}

async function collectBucket(session: Session, failures: FailureLog, timed: Timed, name: string, guess: string): Promise<Bucket | undefined> {
  const asked = session.region;
  const located = await attempt(failures, { service: 's3', operation: 'GetBucketLocation', region: asked }, () =>
    timed(`s3:GetBucketLocation in ${asked}`, (abortSignal) =>
      session.client(S3Client, { region: asked }).send(new GetBucketLocationCommand({ Bucket: name }), { abortSignal }),
    ),
  );
  const region = located ? regionOfLocation(located.value.LocationConstraint) : null;
  // Without the location, the trail's home region is the likeliest place: most trails write to a bucket of their own region.
  const where = region ?? guess;
  const s3 = session.client(S3Client, { region: where });
  const ask = <T>(operation: string, send: (abortSignal: AbortSignal) => Promise<T>) =>
    attempt(failures, { service: 's3', operation, region: where }, () => timed(`s3:${operation} in ${where}`, send));

  const [policy, acl, block, logging] = await Promise.all([
    ask('GetBucketPolicy', (abortSignal) =>
      orNone('NoSuchBucketPolicy', () => s3.send(new GetBucketPolicyCommand({ Bucket: name }), { abortSignal })),
    ),
    ask('GetBucketAcl', (abortSignal) => s3.send(new GetBucketAclCommand({ Bucket: name }), { abortSignal })),
    ask('GetPublicAccessBlock', (abortSignal) =>
      orNone('NoSuchPublicAccessBlockConfiguration', () => s3.send(new GetPublicAccessBlockCommand({ Bucket: name }), { abortSignal })),
    ),
    ask('GetBucketLogging', (abortSignal) => s3.send(new GetBucketLoggingCommand({ Bucket: name }), { abortSignal })),
  ]);
  if (!located && !policy && !acl && !block && !logging) return undefined;

  const bucket: Bucket = { name, region };
  if (policy) bucket.policy = policy.value ? parsePolicyDocument(policy.value.Policy) : null;
  if (acl) bucket.aclGrants = (acl.value.Grants ?? []).map(toGrant);
  if (block) {
    const c = block.value?.PublicAccessBlockConfiguration;
    bucket.publicAccessBlock = c ? toPublicAccessBlock(c) : null;
  }
  if (logging) {
    const target = logging.value.LoggingEnabled;
    bucket.accessLogging = target ? { targetBucket: target.TargetBucket ?? '', targetPrefix: target.TargetPrefix ?? '' } : null;
  }
  return bucket;
}

/** The trails' buckets by name; a bucket no call could read is left out (its failures say why). */
export async function collectTrailBuckets(session: Session, failures: FailureLog, timed: Timed, trails: readonly Trail[]): Promise<Record<string, Bucket>> {
  const homes = new Map<string, string>();
  for (const t of trails) if (t.s3BucketName && !homes.has(t.s3BucketName)) homes.set(t.s3BucketName, t.homeRegion);
  const buckets = await mapLimited([...homes], BUCKET_CONCURRENCY, ([name, home]) => collectBucket(session, failures, timed, name, home));
  return Object.fromEntries(buckets.flatMap((b) => (b ? [[b.name, b]] : [])));
}
