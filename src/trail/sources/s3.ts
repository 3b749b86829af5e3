// CloudTrail logs from a trail's S3 bucket. The folders are listed with a delimiter (accounts, then regions), then
// only the day folders [since, until] can be in: a big trail's bucket holds years of logs, never listed whole.
// Objects are fetched a few at once and yielded in listing order, one batch per object; a file that cannot be read is
// a SourceProblem, and the rest goes on. The bucket itself failing is not: missing is bad input, refused cannot run.
import { GetBucketLocationCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { awsErrorCode, classifyAwsError, describeAwsError } from '../../aws/errors.js';
import type { Session } from '../../aws/session.js';
import { InputError, RunError } from '../../util/errors.js';
import { regionOfLocation } from '../../inventory/logging/buckets.js';
import type { ProgressSink, RecordSource, SourceItem } from '../source.js';
import { asReadable, LogObjectError, readLogObject, withinTime } from './log-object.js';
import { dayFolders, isLogFileKey, parseS3Uri, type S3Location } from './s3-layout.js';
import { mapWindowed } from './streams.js';

export interface S3SourceOptions {
  /** `s3://bucket/prefix`: the trail's bucket and S3 key prefix. */
  uri: string;
  since: Date;
  until: Date;
  /** Only these regions' folders (default: every region the bucket has). */
  regions?: readonly string[];
  /** Only these accounts' folders (default: every account, organization trails included). */
  accounts?: readonly string[];
  session: Session;
  progress: ProgressSink;
  signal?: AbortSignal;
  /** Objects fetched at once. Default FETCH_CONCURRENCY. */
  concurrency?: number;
}

/** Objects in flight at once: enough to hide S3's latency (bench/trail-s3.ts), few enough for a shared machine. */
export const FETCH_CONCURRENCY = 8;
/** Day folders listed at once. */
const LIST_CONCURRENCY = 4;
/** Every this many objects, a progress line. */
const PROGRESS_EVERY = 100;

const ACCOUNT = /^\d{12}$/;
const ORGANIZATION = /^o-[a-z0-9]{10,32}$/;

export function s3Source(options: S3SourceOptions): RecordSource {
  const location = parseS3Uri(options.uri);
  if (options.since.getTime() > options.until.getTime()) throw new InputError(`${options.uri}: the start of the time range is after its end`);
  return readBucket(location, options);
}

async function* readBucket(location: S3Location, options: S3SourceOptions): AsyncGenerator<SourceItem> {
  const { session, progress, signal } = options;
  const where = `s3://${location.bucket}/${location.prefix}`;
  // No credentials is a failure to run (exit 3) with the session's own message, not a bucket that cannot be read.
  await session.getCredentialsOrFail();
  const s3 = session.client(S3Client, { region: await bucketRegion(session, location.bucket, signal) });

  /** Every page of one listing: the keys and the common prefixes. */
  async function list(prefix: string, delimiter?: string): Promise<{ keys: string[]; folders: string[] }> {
    const keys: string[] = [];
    const folders: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3
        .send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: prefix, Delimiter: delimiter, ContinuationToken: token }), { abortSignal: signal })
        .catch((err: unknown) => bucketFailure(err, where, 'ListObjectsV2', signal));
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
      for (const p of page.CommonPrefixes ?? []) if (p.Prefix) folders.push(p.Prefix);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return { keys, folders };
  }
  const lastSegment = (folder: string) => folder.split('/').filter(Boolean).pop() ?? '';

  // AWSLogs/ holds accounts, and for an organization trail the organization, which holds the accounts.
  const accountRoots: string[] = [];
  for (const folder of (await list(`${location.prefix}AWSLogs/`, '/')).folders) {
    const name = lastSegment(folder);
    if (ACCOUNT.test(name)) accountRoots.push(folder);
    else if (ORGANIZATION.test(name)) accountRoots.push(...(await list(folder, '/')).folders.filter((f) => ACCOUNT.test(lastSegment(f))));
  }
  if (accountRoots.length === 0) {
    throw new InputError(`${where}: no CloudTrail logs there (no ${location.prefix}AWSLogs/ACCOUNT/ folder); give the trail's bucket and S3 key prefix`);
  }
  const roots = accountRoots.filter((root) => !options.accounts || options.accounts.includes(lastSegment(root)));

  const days = dayFolders(options.since, options.until);
  const dayPrefixes: string[] = [];
  const regionsSeen = new Set<string>();
  for (const root of roots) {
    for (const regionFolder of (await list(`${root}CloudTrail/`, '/')).folders) {
      const region = lastSegment(regionFolder);
      if (options.regions && !options.regions.includes(region)) continue;
      regionsSeen.add(region);
      for (const day of days) dayPrefixes.push(`${regionFolder}${day}/`);
    }
  }
  progress(`${where}: ${roots.length} account(s), ${regionsSeen.size} region(s), ${days.length} day(s): listing ${dayPrefixes.length} day folders`);

  async function* logKeys(): AsyncGenerator<string> {
    for await (const { keys } of mapWindowed(dayPrefixes, LIST_CONCURRENCY, (prefix) => list(prefix))) {
      yield* keys.filter(isLogFileKey);
    }
  }

  async function fetch(key: string): Promise<SourceItem> {
    const origin = `s3://${location.bucket}/${key}`;
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }), { abortSignal: signal });
      const records = await readLogObject(asReadable(object.Body), key);
      return { kind: 'records', origin, records: withinTime(records, options.since, options.until) };
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (err instanceof LogObjectError) return { kind: 'problem', origin, message: err.message };
      const info = describeAwsError(err);
      const hint = classifyAwsError(err) === 'permission' ? ' (needs s3:GetObject, and kms:Decrypt if the trail encrypts its logs with KMS)' : '';
      return { kind: 'problem', origin, message: `GetObject failed: ${info.code}: ${info.message}${hint}` };
    }
  }

  let objects = 0;
  let events = 0;
  for await (const item of mapWindowed(logKeys(), options.concurrency ?? FETCH_CONCURRENCY, fetch)) {
    objects++;
    if (item.kind === 'records') events += item.records.length;
    if (objects % PROGRESS_EVERY === 0) progress(`${where}: ${objects} objects, ${events} events`);
    yield item;
  }
  progress(`${where}: done, ${objects} objects, ${events} events`);
}

/** The bucket's region (GetBucketLocation answers from anywhere); the session's if that is refused. */
async function bucketRegion(session: Session, bucket: string, signal: AbortSignal | undefined): Promise<string> {
  try {
    const out = await session.client(S3Client).send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal: signal });
    return regionOfLocation(out.LocationConstraint);
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (awsErrorCode(err) === 'NoSuchBucket') throw new InputError(`s3://${bucket}: no such bucket`, { cause: err });
    // Reading the logs needs ListBucket and GetObject, not GetBucketLocation: a bucket in the session's region still works.
    if (classifyAwsError(err) === 'permission') return session.region;
    throw bucketFailure(err, `s3://${bucket}`, 'GetBucketLocation', signal);
  }
}

/** A listing that failed: the whole source cannot go on. */
function bucketFailure(err: unknown, where: string, operation: string, signal: AbortSignal | undefined): never {
  if (signal?.aborted) throw signal.reason;
  const info = describeAwsError(err);
  if (info.code === 'NoSuchBucket') throw new InputError(`${where}: no such bucket`, { cause: err });
  if (classifyAwsError(err) === 'permission') {
    throw new RunError(`${where}: access denied (${operation}: ${info.code}); reading a trail's logs needs s3:ListBucket and s3:GetObject on it`, { cause: err });
  }
  throw new RunError(`${where}: ${operation} failed (${info.code}: ${info.message})`, { cause: err });
}
