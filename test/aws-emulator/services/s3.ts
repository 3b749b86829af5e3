// S3: restXml, path style (`GET /BUCKET?policy`), signed as `s3` like S3 Control, whose /v20180820/ prefix wins.
// The bucket-configuration reads rampart makes of a trail's bucket. A bucket is answered only in its own
// region (elsewhere: PermanentRedirect, as S3 does), except GetBucketLocation, which is how one finds that region.
// Another account's bucket answers AccessDenied to everything.
// The writes apply makes (s3-writes.ts): CreateBucket, HeadBucket, PutBucketPolicy, PutPublicAccessBlock, PutBucketLogging.
// The object reads of a trail's log reader (s3-objects.ts): ListObjectsV2, GetObject.
import { ApiError } from '../errors.js';
import { escapeXml } from '../protocols/xml.js';
import type { RequestContext, RestReply, RestRequest, RestXmlService, XmlBody } from '../service.js';
import type { PublicAccessBlock } from '../world.js';
import { canonicalUserId, type BucketState } from '../world-logging.js';
import { s3ObjectRoutes } from './s3-objects.js';
import { s3WriteRoutes } from './s3-writes.js';

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const GROUPS: Record<string, string> = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
};

/**
 * GetPublicAccessBlock's answer, alike in S3 (a bucket's block) and S3 Control (the account's): the four settings, or
 * NoSuchPublicAccessBlockConfiguration when none is set, carrying `where` (BucketName or AccountId).
 */
export function publicAccessBlockReply(block: PublicAccessBlock | null, where: Readonly<Record<string, string>>): RestReply<XmlBody> {
  if (!block) throw new ApiError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, 'Sender', where);
  return {
    body: {
      root: 'PublicAccessBlockConfiguration',
      value: {
        BlockPublicAcls: block.blockPublicAcls,
        IgnorePublicAcls: block.ignorePublicAcls,
        BlockPublicPolicy: block.blockPublicPolicy,
        RestrictPublicBuckets: block.restrictPublicBuckets,
      },
    },
  };
}

function bucketOf(req: RestRequest, ctx: RequestContext, anyRegion = false): BucketState {
  const name = req.labels['Bucket'] ?? '';
  const bucket = ctx.world.logging.buckets.find((b) => b.name === name);
  if (!bucket) throw new ApiError('NoSuchBucket', 'The specified bucket does not exist', 404, 'Sender', { BucketName: name });
  if (bucket.owner !== ctx.world.account.id) throw new ApiError('AccessDenied', 'Access Denied', 403);
  const region = ctx.region ?? 'us-east-1';
  if (!anyRegion && bucket.region !== region) {
    throw new ApiError(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      301,
      'Sender',
      { Bucket: name, Endpoint: `s3.${bucket.region}.amazonaws.com` },
    );
  }
  return bucket;
}

/** The ACL as XML by hand: the Grantee's `xsi:type` is an attribute, which the data writer does not do. */
function aclDocument(bucket: BucketState): string {
  const owner = canonicalUserId(bucket.owner);
  const grants = [{ grantee: 'owner', permission: 'FULL_CONTROL' }, ...bucket.aclGrants].map(({ grantee, permission }) => {
    const group = GROUPS[grantee];
    const who = group
      ? `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>${escapeXml(group)}</URI></Grantee>`
      : `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${grantee === 'owner' ? owner : escapeXml(grantee)}</ID></Grantee>`;
    return `<Grant>${who}<Permission>${permission}</Permission></Grant>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="${XMLNS}"><Owner><ID>${owner}</ID></Owner>` +
    `<AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`
  );
}

export const s3: RestXmlService = {
  name: 's3',
  signingName: 's3',
  protocol: 'restXml',
  xmlns: XMLNS,
  errorWrapper: 'Error',
  routes: [
    {
      method: 'GET',
      path: '/{Bucket}',
      query: ['location'],
      operation: 'GetBucketLocation',
      handler(req, ctx) {
        const bucket = bucketOf(req, ctx, true);
        // us-east-1 is the empty constraint, as S3 has said since before regions had names.
        return { body: { root: 'LocationConstraint', value: bucket.region === 'us-east-1' ? '' : bucket.region } };
      },
    },
    {
      method: 'GET',
      path: '/{Bucket}',
      query: ['policy'],
      operation: 'GetBucketPolicy',
      handler(req, ctx) {
        const bucket = bucketOf(req, ctx);
        if (bucket.policy === null) {
          throw new ApiError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, 'Sender', { BucketName: bucket.name });
        }
        // The policy is the whole body, as stored: not XML.
        return { headers: { 'content-type': 'application/json' }, body: bucket.policy };
      },
    },
    {
      method: 'GET',
      path: '/{Bucket}',
      query: ['acl'],
      operation: 'GetBucketAcl',
      handler: (req, ctx) => ({ body: aclDocument(bucketOf(req, ctx)) }),
    },
    {
      method: 'GET',
      path: '/{Bucket}',
      query: ['publicAccessBlock'],
      operation: 'GetPublicAccessBlock',
      handler(req, ctx) {
        const bucket = bucketOf(req, ctx);
        return publicAccessBlockReply(bucket.publicAccessBlock, { BucketName: bucket.name });
      },
    },
    {
      method: 'GET',
      path: '/{Bucket}',
      query: ['logging'],
      operation: 'GetBucketLogging',
      handler(req, ctx) {
        const { logging } = bucketOf(req, ctx);
        return {
          body: {
            root: 'BucketLoggingStatus',
            value: logging ? { LoggingEnabled: { TargetBucket: logging.targetBucket, TargetPrefix: logging.targetPrefix } } : {},
          },
        };
      },
    },
    ...s3WriteRoutes(bucketOf),
    ...s3ObjectRoutes(bucketOf),
  ],
};
