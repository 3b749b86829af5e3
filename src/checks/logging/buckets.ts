// Is a trail's bucket public? The three ways S3 makes a bucket public, read the way S3 itself reads them:
// - the bucket policy: an Allow to everyone (Principal "*", {"AWS": "*"}, or NotPrincipal) that no condition pins to
//   known callers. aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce and the like, with fixed values
//   (no wildcard, not IfExists, not negated), make a statement non-public, as they do for S3's own "public" test;
// - the ACL: a grant to the AllUsers or AuthenticatedUsers group (any AWS account counts as "authenticated");
// - the public access block, which overrides both: S3 applies the stricter of the bucket's and the account's settings.
//   RestrictPublicBuckets is what stops an existing public policy working and IgnorePublicAcls an existing public ACL
//   (BlockPublicPolicy and BlockPublicAcls only refuse new ones), so those are the flags that protect.
// The account's block is the audited account's: it applies only to buckets this account owns, which the collected
// ones are (a bucket in another account cannot be read, and is UNKNOWN).
import type { Bucket } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { asList, effectIs, field, statementsOf, type PolicyStatement } from '../identity/permissions.js';
import { unknown } from '../support.js';
import { listing } from './text.js';

export const GET_BUCKET_POLICY = 's3:GetBucketPolicy';
export const GET_BUCKET_ACL = 's3:GetBucketAcl';
export const GET_PUBLIC_ACCESS_BLOCK = 's3:GetPublicAccessBlock';
export const GET_BUCKET_LOGGING = 's3:GetBucketLogging';
export const GET_ACCOUNT_PUBLIC_ACCESS_BLOCK = 's3control:GetPublicAccessBlock';

export const bucketArn = (snapshot: AccountSnapshot, name: string): string => `arn:${snapshot.account.partition}:s3:::${name}`;

/** Why calls gave no data (any region: S3 errors are recorded where the call was made, not always the bucket's region). */
export const failures = (snapshot: AccountSnapshot, operations: string[]): string =>
  unknown(snapshot, '', operations).message.replace(/^could not evaluate: /, '');

/** The collected facts of a bucket, or undefined (not collected: another account's bucket, or the calls failed). */
export const bucketOf = (snapshot: AccountSnapshot, name: string): Bucket | undefined => snapshot.logging?.buckets?.[name];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Principal "*", {"AWS": "*"}, {"AWS": ["*"]} (any principal type given as "*"). */
function toEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return isObject(principal) && Object.values(principal).some((v) => asList(v).includes('*'));
}

// Keys that pin a request to known callers or networks, lower-cased. From S3's definition of a non-public policy.
const PINNING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);
// Operators that admit only the listed values. Negated ones, IfExists (passes when the key is absent), ForAllValues
// (passes on an empty set), Bool and Null pin nothing.
const PINNING_OPERATORS = /^(foranyvalue:)?(stringequals|stringequalsignorecase|stringlike|arnequals|arnlike|ipaddress)$/;

const openValue = (key: string, value: string): boolean =>
  value.includes('*') || (key === 'aws:sourceip' && /\/0$/.test(value));

/** Some condition admits only fixed, known callers. */
function pinned(statement: PolicyStatement): boolean {
  const condition = field(statement, 'Condition');
  if (!isObject(condition)) return false;
  return Object.entries(condition).some(
    ([operator, block]) =>
      PINNING_OPERATORS.test(operator.toLowerCase()) &&
      isObject(block) &&
      Object.entries(block).some(([key, values]) => {
        const k = key.toLowerCase();
        const list = asList(values);
        return PINNING_KEYS.has(k) && list.length > 0 && !list.some((v) => openValue(k, v));
      }),
  );
}

/** 'statement "PublicRead" (s3:GetObject)', for messages. */
function describeStatement(s: PolicyStatement, index: number): string {
  const sid = field(s, 'Sid');
  const actions = asList(field(s, 'Action'));
  return `statement ${typeof sid === 'string' && sid ? `"${sid}"` : `#${index + 1}`}${actions.length ? ` (${actions.join(', ')})` : ''}`;
}

/** The bucket policy's statements that let anyone in, described; [] when there are none (or no policy). */
export function publicStatements(policy: unknown): string[] {
  return statementsOf(policy).flatMap((s, i) => {
    if (!effectIs(s, 'Allow')) return [];
    const everyone = field(s, 'NotPrincipal') !== undefined || toEveryone(field(s, 'Principal'));
    return everyone && !pinned(s) ? [describeStatement(s, i)] : [];
  });
}

const PUBLIC_GROUPS = ['AllUsers', 'AuthenticatedUsers'];

/** "READ to AllUsers", one per ACL grant to a public group. */
export const publicGrants = (grants: NonNullable<Bucket['aclGrants']>): string[] =>
  grants.flatMap((g) => {
    const group = PUBLIC_GROUPS.find((name) => g.grantee.endsWith(`/groups/global/${name}`));
    return group ? [`${g.permission} to ${group}`] : [];
  });

type Flag = 'blockPublicAcls' | 'ignorePublicAcls' | 'blockPublicPolicy' | 'restrictPublicBuckets';

/** A public access block flag as S3 applies it: on if the bucket's or the account's block has it; unknown if it hangs on a missing one. */
interface Guard {
  on: boolean | undefined;
  /** Where it is on: "bucket", "account", "bucket and account". */
  by: string;
  /** Calls whose missing data leave it open. */
  missing: string[];
}

function guard(snapshot: AccountSnapshot, bucket: Bucket, flag: Flag): Guard {
  const sources = [
    { name: 'bucket', block: bucket.publicAccessBlock, op: GET_PUBLIC_ACCESS_BLOCK },
    { name: 'account', block: snapshot.s3AccountPublicAccessBlock, op: GET_ACCOUNT_PUBLIC_ACCESS_BLOCK },
  ];
  const by = sources.filter((s) => s.block?.[flag] === true).map((s) => s.name);
  const missing = sources.filter((s) => s.block === undefined).map((s) => s.op);
  return { on: by.length ? true : missing.length ? undefined : false, by: by.join(' and '), missing };
}

/** How one of the two ways in stands. */
type Channel =
  | { state: 'exposed'; detail: string }
  | { state: 'blocked'; detail: string }
  | { state: 'closed' }
  | { state: 'unknown'; missing: string[] };

function channel(found: string[] | undefined, op: string, g: Guard, what: string, flag: Flag): Channel {
  if (g.on === true) {
    return found?.length ? { state: 'blocked', detail: `${what} ${listing(found)} is overridden by the public access block (${g.by} ${flag})` } : { state: 'closed' };
  }
  if (found === undefined) return { state: 'unknown', missing: [op, ...g.missing] };
  if (found.length === 0) return { state: 'closed' };
  if (g.on === undefined) return { state: 'unknown', missing: g.missing };
  return { state: 'exposed', detail: `${what} ${listing(found)}` };
}

export type Exposure =
  | { status: 'public'; reasons: string[] }
  | { status: 'private'; notes: string[] }
  | { status: 'unknown'; missing: string[] };

/** Whether a collected bucket is public, and by which way. */
export function exposure(snapshot: AccountSnapshot, bucket: Bucket): Exposure {
  const policyFound = bucket.policy === undefined ? undefined : bucket.policy === null ? [] : publicStatements(bucket.policy);
  const aclFound = bucket.aclGrants === undefined ? undefined : publicGrants(bucket.aclGrants);
  const channels = [
    channel(policyFound, GET_BUCKET_POLICY, guard(snapshot, bucket, 'restrictPublicBuckets'), 'the policy lets anyone in through', 'restrictPublicBuckets'),
    channel(aclFound, GET_BUCKET_ACL, guard(snapshot, bucket, 'ignorePublicAcls'), 'the ACL grants', 'ignorePublicAcls'),
  ];
  const exposed = channels.flatMap((c) => (c.state === 'exposed' ? [c.detail] : []));
  if (exposed.length) return { status: 'public', reasons: exposed };
  const missing = channels.flatMap((c) => (c.state === 'unknown' ? c.missing : []));
  if (missing.length) return { status: 'unknown', missing: [...new Set(missing)] };
  return { status: 'private', notes: channels.flatMap((c) => (c.state === 'blocked' ? [c.detail] : [])) };
}

/** "public access block on (bucket and account)" / "no public access block is fully on": context for a private bucket. */
export function blockSummary(snapshot: AccountSnapshot, bucket: Bucket): string {
  const flags: Flag[] = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'];
  const full = (block: Bucket['publicAccessBlock']) => block != null && flags.every((f) => block[f]);
  const where = [full(bucket.publicAccessBlock) && 'bucket', full(snapshot.s3AccountPublicAccessBlock) && 'account'].filter(Boolean);
  return where.length ? `all four public access block settings on (${where.join(' and ')})` : 'no public access block has all four settings on';
}
