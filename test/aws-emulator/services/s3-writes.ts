// S3's bucket writes, as apply makes them for the trail, access-log and Config buckets. A new bucket has all four
// public access block settings on and no policy, as S3 creates buckets since April 2023. S3's rules are kept where a
// mistake would be silent elsewhere: a bucket is created in the region the request is signed for (a
// LocationConstraint naming another is refused), a public policy is refused while BlockPublicPolicy is on, and
// access logs go only to an existing bucket of the same account and region.
import { ApiError } from '../errors.js';
import type { RequestContext, RestRequest, RestRoute, XmlBody } from '../service.js';
import type { BucketState } from '../world-logging.js';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const malformed = () => new ApiError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);

/** The text of the first `<name>` element of a small request document (S3's request bodies are flat enough). */
export function xmlText(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match ? match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') : undefined;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** An Allow to everyone with no condition: what BlockPublicPolicy refuses (S3's full test also weighs conditions). */
function isPublicPolicy(policy: unknown): boolean {
  const statements = asList((policy as { Statement?: unknown }).Statement);
  return statements.some((s) => {
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Allow' || st['Condition'] !== undefined) return false;
    const p = st['Principal'];
    return p === '*' || (typeof p === 'object' && p !== null && Object.values(p).some((v) => asList(v).includes('*')));
  });
}

function createBucket(req: RestRequest, ctx: RequestContext) {
  const name = req.labels['Bucket'] ?? '';
  const region = ctx.region ?? 'us-east-1';
  if (!BUCKET_NAME.test(name) || name.includes('..')) throw new ApiError('InvalidBucketName', 'The specified bucket is not valid.', 400, 'Sender', { BucketName: name });
  const body = req.body.toString('utf8');
  const constraint = xmlText(body, 'LocationConstraint');
  if (constraint !== undefined && constraint !== region) {
    throw new ApiError('IllegalLocationConstraintException', `The ${constraint || 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`, 400);
  }
  if (constraint === undefined && region !== 'us-east-1') {
    throw new ApiError('IllegalLocationConstraintException', 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.', 400);
  }
  const existing = ctx.world.logging.buckets.find((b) => b.name === name);
  if (existing) {
    if (existing.owner !== ctx.world.account.id) throw new ApiError('BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', 409);
    // us-east-1 answers 200 to its owner, for compatibility; every other region says so.
    if (region !== 'us-east-1') throw new ApiError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
    return { headers: { location: `/${name}` } };
  }
  const bucket: BucketState = {
    name,
    region,
    owner: ctx.world.account.id,
    policy: null,
    aclGrants: [],
    publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    logging: null,
    objects: new Map(),
    listPageSize: 1000,
  };
  ctx.world.logging.buckets.push(bucket);
  return { headers: { location: `/${name}` } };
}

function putBucketPolicy(bucket: BucketState, req: RestRequest, ctx: RequestContext) {
  const text = req.body.toString('utf8');
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    throw new ApiError('MalformedPolicy', 'Policies must be valid JSON and the first byte must be \'{\'', 400);
  }
  if (policy === null || typeof policy !== 'object' || !('Statement' in policy)) throw new ApiError('MalformedPolicy', 'Missing required field Statement', 400);
  const block = [bucket.publicAccessBlock, ctx.world.s3PublicAccessBlock];
  if (block.some((b) => b?.blockPublicPolicy) && isPublicPolicy(policy)) {
    throw new ApiError('AccessDenied', 'User is not authorized to perform: s3:PutBucketPolicy because public policies are blocked by the BlockPublicPolicy block public access setting.', 403);
  }
  bucket.policy = text;
  return { status: 204 };
}

function putPublicAccessBlock(bucket: BucketState, req: RestRequest) {
  const xml = req.body.toString('utf8');
  if (!/<PublicAccessBlockConfiguration[\s>]/.test(xml)) throw malformed();
  const setting = (name: string) => xmlText(xml, name)?.trim() === 'true';
  bucket.publicAccessBlock = {
    blockPublicAcls: setting('BlockPublicAcls'),
    ignorePublicAcls: setting('IgnorePublicAcls'),
    blockPublicPolicy: setting('BlockPublicPolicy'),
    restrictPublicBuckets: setting('RestrictPublicBuckets'),
  };
  return {};
}

function putBucketLogging(bucket: BucketState, req: RestRequest, ctx: RequestContext) {
  const xml = req.body.toString('utf8');
  if (!/<BucketLoggingStatus[\s>/]/.test(xml)) throw malformed();
  if (!/<LoggingEnabled[\s>]/.test(xml)) {
    bucket.logging = null;
    return {};
  }
  const targetBucket = xmlText(xml, 'TargetBucket');
  if (!targetBucket) throw malformed();
  const target = ctx.world.logging.buckets.find((b) => b.name === targetBucket);
  if (!target || target.owner !== bucket.owner) {
    throw new ApiError('InvalidTargetBucketForLogging', 'The target bucket for logging does not exist', 400, 'Sender', { TargetBucket: targetBucket });
  }
  if (target.region !== bucket.region) {
    throw new ApiError('CrossLocationLoggingProhibitted', 'Cross S3 location logging not allowed.', 403, 'Sender', { TargetBucketLocation: target.region, SourceBucketLocation: bucket.region });
  }
  bucket.logging = { targetBucket, targetPrefix: xmlText(xml, 'TargetPrefix') ?? '' };
  return {};
}

/** The bucket a request names, as S3 finds it (s3.ts: NoSuchBucket, another owner, another region). */
export type BucketFinder = (req: RestRequest, ctx: RequestContext) => BucketState;

/** After the read routes: a route without query keys (CreateBucket) matches any query, so it comes last. */
export function s3WriteRoutes(bucketOf: BucketFinder): RestRoute<XmlBody | string>[] {
  return [
    {
      method: 'HEAD',
      path: '/{Bucket}',
      operation: 'HeadBucket',
      handler: (req, ctx) => ({ headers: { 'x-amz-bucket-region': bucketOf(req, ctx).region } }),
    },
    { method: 'PUT', path: '/{Bucket}', query: ['policy'], operation: 'PutBucketPolicy', handler: (req, ctx) => putBucketPolicy(bucketOf(req, ctx), req, ctx) },
    {
      method: 'PUT',
      path: '/{Bucket}',
      query: ['publicAccessBlock'],
      operation: 'PutPublicAccessBlock',
      handler: (req, ctx) => putPublicAccessBlock(bucketOf(req, ctx), req),
    },
    { method: 'PUT', path: '/{Bucket}', query: ['logging'], operation: 'PutBucketLogging', handler: (req, ctx) => putBucketLogging(bucketOf(req, ctx), req, ctx) },
    { method: 'PUT', path: '/{Bucket}', operation: 'CreateBucket', handler: createBucket },
  ];
}
