// What the logging, monitoring, Config and exposure planners share: the home region, reads that treat "there is
// none" as an answer, resource policies merged statement by statement (what is there stays), and the S3 bucket
// steps (exists, all four public access block settings, a policy with our statements, access logging).
import {
  CreateBucketCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { awsErrorCode, describeAwsError } from '../../aws/errors.js';
import { parsePolicyDocument } from '../../inventory/iam/policy-document.js';
import type { ApplyContext, PlanContext } from '../types.js';

/**
 * The region for what exists once per account (the trail, its bucket and key, the Config bucket, global resource
 * recording): the first of spec.regions, else us-east-1 when it is among the regions, else the first region.
 */
export function homeRegion(ctx: PlanContext): string {
  const first = ctx.spec.regions?.[0];
  if (first) return first;
  return ctx.regions.includes('us-east-1') || ctx.regions.length === 0 ? 'us-east-1' : ctx.regions[0]!;
}

/** The value, or null when AWS answers one of `codes` (the thing does not exist). */
export async function orNone<T>(codes: readonly string[], read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (codes.includes(awsErrorCode(err))) return null;
    throw err;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries `write` while AWS answers one of `codes`: a role or policy made a moment ago is not visible everywhere
 * at once (IAM is eventually consistent), and CloudTrail says so with an error rather than waiting.
 */
export async function retryWhile<T>(codes: readonly string[], write: () => Promise<T>, delaysMs: readonly number[] = [2_000, 4_000, 8_000, 16_000]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !codes.includes(awsErrorCode(err))) throw err;
      await sleep(delay);
    }
  }
}

// ---- policy documents

export type Statement = Record<string, unknown> & { Sid: string };
export interface PolicyDocument {
  Version: string;
  Id?: string;
  Statement: Record<string, unknown>[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Order-insensitive deep equality of JSON values (key order differs between what we send and what AWS returns). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameJson(a[k], b[k]));
  }
  return a === b;
}

/** A stored policy's text as a document; null when there is none or it is not a policy. */
export function readPolicy(text: string | null | undefined): PolicyDocument | null {
  if (!text) return null;
  const doc = parsePolicyDocument(text);
  if (!isObject(doc)) return null;
  const statements = doc['Statement'];
  return { ...(doc as Record<string, unknown>), Version: String(doc['Version'] ?? '2012-10-17'), Statement: Array.isArray(statements) ? statements.filter(isObject) : isObject(statements) ? [statements] : [] };
}

/** Our statements that the policy lacks (by Sid: a statement of that Sid with other content is not ours any more). */
export function missingStatements(policy: PolicyDocument | null, ours: readonly Statement[]): Statement[] {
  return ours.filter((s) => !policy?.Statement.some((t) => sameJson(t, s)));
}

/** The policy with our statements in: one of the same Sid is replaced, every other statement stays as it was. */
export function mergeStatements(policy: PolicyDocument | null, ours: readonly Statement[], version = '2012-10-17'): PolicyDocument {
  const sids = new Set(ours.map((s) => s.Sid));
  const kept = (policy?.Statement ?? []).filter((s) => typeof s['Sid'] !== 'string' || !sids.has(s['Sid']));
  return { ...(policy ?? { Version: version }), Statement: [...kept, ...ours] };
}

// ---- S3 buckets

export const s3In = (ctx: ApplyContext, region: string): S3Client => ctx.session.client(S3Client, { region });

/** A bucket for the logs of `source`, in its region: `<source>-access-logs`, or a shorter name when that is too long. */
export function accessLogBucketName(source: string, account: string, region: string): string {
  const name = `${source}-access-logs`;
  return name.length <= 63 ? name : `rampart-access-logs-${account}-${region}`.slice(0, 63);
}

const statusOf = (err: unknown): number | undefined => describeAwsError(err).httpStatusCode;

/**
 * Creates the bucket in `region` unless it is there; says which. HeadBucket answers without a body, so its errors
 * are told apart by status: 404 none, 301 another region, 403 someone else's bucket or a denied ListBucket (then
 * CreateBucket tells which: BucketAlreadyExists is another account's name, a permission error is ours to report).
 */
export async function ensureBucket(ctx: ApplyContext, name: string, region: string, setting: string): Promise<'created' | 'exists'> {
  const s3 = s3In(ctx, region);
  const taken = (err: unknown) =>
    new Error(`bucket ${name} belongs to another account (bucket names are global): choose another name with ${setting} in rampart.yaml`, { cause: err });
  let denied = false;
  try {
    await s3.send(new HeadBucketCommand({ Bucket: name }));
    return 'exists';
  } catch (err) {
    const status = statusOf(err);
    if (status === 301 || awsErrorCode(err) === 'PermanentRedirect') {
      throw new Error(`bucket ${name} exists in another region than ${region}: choose another name with ${setting} in rampart.yaml`, { cause: err });
    }
    if (status === 403) denied = true;
    else if (status !== 404 && !['NotFound', 'NoSuchBucket'].includes(awsErrorCode(err))) throw err;
  }
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (err) {
    const code = awsErrorCode(err);
    if (code === 'BucketAlreadyExists') throw taken(err);
    if (code === 'BucketAlreadyOwnedByYou') return 'exists';
    throw err;
  }
  // us-east-1 answers 200 to the owner of an existing bucket: after a refused HeadBucket that is what happened.
  return denied ? 'exists' : 'created';
}

const BLOCK_ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** Turns on whichever of the bucket's four public access block settings are off; true when it changed anything. */
export async function ensureBucketBlock(s3: S3Client, name: string): Promise<boolean> {
  const read = async () => (await orNone(['NoSuchPublicAccessBlockConfiguration'], () => s3.send(new GetPublicAccessBlockCommand({ Bucket: name }))))?.PublicAccessBlockConfiguration;
  const allOn = (c: Awaited<ReturnType<typeof read>>) => c?.BlockPublicAcls && c.IgnorePublicAcls && c.BlockPublicPolicy && c.RestrictPublicBuckets;
  if (allOn(await read())) return false;
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: name, PublicAccessBlockConfiguration: BLOCK_ALL }));
  if (!allOn(await read())) throw new Error(`bucket ${name}: the public access block does not read back with all four settings on`);
  return true;
}

export async function readBucketPolicy(s3: S3Client, name: string): Promise<PolicyDocument | null> {
  const out = await orNone(['NoSuchBucketPolicy'], () => s3.send(new GetBucketPolicyCommand({ Bucket: name })));
  return readPolicy(out?.Policy);
}

/** Adds our statements to the bucket policy (keeping the others); true when it changed anything. */
export async function ensureBucketPolicy(s3: S3Client, name: string, ours: readonly Statement[]): Promise<boolean> {
  const policy = await readBucketPolicy(s3, name);
  if (missingStatements(policy, ours).length === 0) return false;
  await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(mergeStatements(policy, ours)) }));
  if (missingStatements(await readBucketPolicy(s3, name), ours).length) throw new Error(`bucket ${name}: the policy does not read back with rampart's statements`);
  return true;
}

/** Turns on server access logging into `target` unless the bucket already logs somewhere (kept as it is); true when it changed. */
export async function ensureAccessLogging(s3: S3Client, name: string, target: string): Promise<boolean> {
  const read = async () => (await s3.send(new GetBucketLoggingCommand({ Bucket: name }))).LoggingEnabled;
  if (await read()) return false;
  await s3.send(new PutBucketLoggingCommand({ Bucket: name, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: target, TargetPrefix: `${name}/` } } }));
  if (!(await read())) throw new Error(`bucket ${name}: server access logging does not read back as on`);
  return true;
}

/** "created bucket x (...)" / "bucket x: ..." for a step's one line. */
export function bucketLine(name: string, created: boolean, changes: string[]): string {
  if (created) return `created bucket ${name}${changes.length ? ` with ${changes.join(', ')}` : ''}`;
  return changes.length ? `bucket ${name}: ${changes.join(', ')}` : `bucket ${name} already as the spec says`;
}
