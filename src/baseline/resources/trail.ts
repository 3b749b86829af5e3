// The account's CloudTrail trail (seeds 002, 003, 004; CIS 4.x): one multi-region trail, logging read and write
// management events, with log file validation, SSE-KMS, delivery to CloudWatch Logs, into a private bucket with
// access logging.
//
// Decisions:
// - One trail. A trail that already qualifies (multi-region, logging, read and write management events: the audit's
//   "that trail") is adopted: only what the spec asks and it lacks is added (log validation, the KMS key, CloudWatch
//   Logs; its bucket gets the public access block and access logging). A second trail would pay for a second copy
//   of every management event. Its event selectors are left alone (they may hold data events its owner chose), and
//   an organization trail of another account is changed in that account: the plan says what to do there.
// - Otherwise rampart creates its own, in steps that fail one by one: the access-log bucket, the trail bucket, the
//   key, the log group and its role, the trail, start logging. A trail of the spec's name that does not qualify is
//   rampart's own from an earlier run: it is finished, not duplicated.
// - Server access logs go to a separate `<bucket>-access-logs` bucket in the same region (S3 requires the region;
//   logging a bucket into itself logs every log write again). The log bucket has the public access block and a policy
//   for logging.s3.amazonaws.com; it is not logged itself.
// - S3 data events (CIS 4.8/4.9): rampart's trail records object-level reads and writes of every bucket with a basic
//   selector on `arn:aws:s3` (what the console's "all current and future buckets" writes). An advanced selector that
//   excluded the trail bucket would be "limited" for cloudtrail-s3-data-events (exclusions narrow it), so the trail
//   bucket is included: each log file CloudTrail delivers there is one more data event, recorded in a later file, a
//   small steady amount (one event per delivered file) that does not grow. Cost: data events are billed per event
//   delivered ($0.10 per 100,000 in us-east-1 at the time of writing); an account with busy buckets (a data lake, a
//   static site, a backup target) can pay more for them than for everything else here, so the plan says so.
//   Management events of the first trail are free; CloudWatch Logs ingestion is billed per GB; the KMS key is about
//   $1 a month plus requests.
import {
  CloudTrailClient,
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  UpdateTrailCommand,
  type UpdateTrailCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListKeysCommand,
  PutKeyPolicyCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { managementCoverage, s3DataScopes } from '../../checks/logging/selectors.js';
import { qualify, readTrails } from '../../checks/logging/trails.js';
import { parsePolicyDocument } from '../../inventory/iam/policy-document.js';
import { regionOfTrailArn, toEventSelectors, toTrail, uniqueTrails } from '../../inventory/logging/trails.js';
import type { EventSelectors, Trail } from '../../inventory/schema/logging.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, PlanContext, Planner, Step } from '../types.js';
import { notCollected } from './iam-common.js';
import {
  accessLogBucketName,
  bucketLine,
  ensureAccessLogging,
  ensureBucket,
  ensureBucketBlock,
  ensureBucketPolicy,
  homeRegion,
  mergeStatements,
  missingStatements,
  orNone,
  readPolicy,
  retryWhile,
  s3In,
  sameJson,
} from './security-common.js';
import {
  accessLogBucketStatements,
  cloudTrailBucketStatements,
  cloudTrailKeyStatements,
  cloudTrailLogsPolicy,
  cloudTrailLogsTrust,
  trailArnOf,
} from './security-policies.js';

export const TRAIL_STEPS = {
  accessLogBucket: 'cloudtrail:access-log-bucket',
  bucket: 'cloudtrail:bucket',
  key: 'cloudtrail:kms-key',
  logs: 'cloudtrail:cloudwatch-logs',
  trail: 'cloudtrail:trail',
  logging: 'cloudtrail:logging',
} as const;

type CloudTrailSpec = Exclude<BaselineSpec['cloudtrail'], false>;

const BUCKET_ACTIONS = ['s3:ListBucket', 's3:CreateBucket', 's3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock', 's3:GetBucketPolicy', 's3:PutBucketPolicy'];
const TRAIL_BUCKET_ACTIONS = [...BUCKET_ACTIONS, 's3:GetBucketLogging', 's3:PutBucketLogging'];
const KEY_ACTIONS = ['kms:DescribeKey', 'kms:ListKeys', 'kms:CreateKey', 'kms:CreateAlias', 'kms:GetKeyPolicy', 'kms:PutKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:EnableKeyRotation'];
const LOGS_ACTIONS = ['logs:DescribeLogGroups', 'logs:CreateLogGroup', 'iam:GetRole', 'iam:CreateRole', 'iam:GetRolePolicy', 'iam:PutRolePolicy'];
const READ_TRAILS = ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'];
const TRAIL_ACTIONS = [...READ_TRAILS, 'cloudtrail:CreateTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors', 'kms:DescribeKey', 'iam:GetRole', 'iam:PassRole'];
const LOGGING_ACTIONS = ['cloudtrail:GetTrailStatus', 'cloudtrail:StartLogging'];

/** Codes CloudTrail answers while a new role or key policy is not visible to it yet. */
const NOT_YET_VISIBLE = ['InvalidCloudWatchLogsRoleArnException', 'InsufficientEncryptionPolicyException', 'InsufficientS3BucketPolicyException'];

const KEY_DESCRIPTION = 'rampart: encrypts CloudTrail log files';
const ROLE_POLICY = 'cloudtrail-cloudwatch-logs';

export const DATA_EVENTS_COST =
  'S3 data events for all buckets are billed per event ($0.10 per 100,000): busy buckets can cost more than the rest of the baseline';

/** The key's alias, the role's name: derived from the trail, so a later run finds them. */
export const keyAliasOf = (trail: string): string => `alias/cloudtrail/${trail}`;
export const logsRoleOf = (trail: string): string => `CloudTrailRoleForCloudWatchLogs_${trail}`.slice(0, 64);

export interface TrailTarget {
  /** adopt: an existing qualifying trail is the account's trail. create: rampart's own (new, or one of its own to finish). */
  mode: 'adopt' | 'create';
  name: string;
  arn: string;
  homeRegion: string;
  /** The trail as collected; null when it does not exist yet (or the trails could not be read). */
  trail: Trail | null;
  /** Changed from this account (an organization trail of the management account is not). */
  owned: boolean;
  bucket: string | null;
  /** The bucket's region, where the KMS key must be too. */
  bucketRegion: string;
  /** The trails could not be read: every step looks again before it creates anything. */
  uncertain: boolean;
}

const ownerOf = (arn: string): string => arn.split(':')[4] ?? '';

/** Which trail is the account's, as the plan sees it; null when the spec leaves CloudTrail alone. */
export function trailTarget(ctx: PlanContext): TrailTarget | null {
  const spec = ctx.spec.cloudtrail;
  if (spec === false) return null;
  const { id: account, partition } = ctx.snapshot.account;
  const bucketOfSnapshot = (name: string | null) => (name ? ctx.snapshot.logging?.buckets?.[name] : undefined);
  const read = readTrails(ctx.snapshot);
  if (read.ok) {
    const qualifying = qualify(read.trails).qualifying.map((a) => a.trail);
    const rank = (t: Trail) => (ownerOf(t.arn) === account ? 0 : 2) + (t.name === spec.name ? 0 : 1);
    const adopt = [...qualifying].sort((a, b) => rank(a) - rank(b))[0];
    if (adopt) {
      return {
        mode: 'adopt',
        name: adopt.name,
        arn: adopt.arn,
        homeRegion: adopt.homeRegion,
        trail: adopt,
        owned: ownerOf(adopt.arn) === account,
        bucket: adopt.s3BucketName,
        bucketRegion: bucketOfSnapshot(adopt.s3BucketName)?.region ?? adopt.homeRegion,
        uncertain: false,
      };
    }
  }
  const ours = read.ok ? read.trails.find((t) => t.name === spec.name && ownerOf(t.arn) === account && !t.isOrganizationTrail) : undefined;
  const home = ours?.homeRegion ?? homeRegion(ctx);
  return {
    mode: 'create',
    name: spec.name,
    arn: ours?.arn ?? trailArnOf(partition, home, account, spec.name),
    homeRegion: home,
    trail: ours ?? null,
    owned: true,
    bucket: spec.bucket ?? `rampart-cloudtrail-${account}`,
    bucketRegion: home,
    uncertain: !read.ok,
  };
}

/** The log group the trail delivers to once the plan is applied: its own, or the spec's in its home region; null when none will. */
export function plannedLogGroup(ctx: PlanContext, target: TrailTarget): { name: string; region: string; arn: string } | null {
  const spec = ctx.spec.cloudtrail;
  const existing = target.trail?.cloudWatchLogsLogGroupArn;
  const m = existing ? /^arn:[^:]+:logs:([^:]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(existing) : null;
  if (m && m[2] === ctx.snapshot.account.id) return { region: m[1]!, name: m[3]!, arn: existing!.replace(/:\*$/, '') };
  if (spec === false || !spec.cloudWatchLogs || !target.owned) return null;
  const arn = `arn:${ctx.snapshot.account.partition}:logs:${target.homeRegion}:${ctx.snapshot.account.id}:log-group:${spec.logGroup}`;
  return { name: spec.logGroup, region: target.homeRegion, arn };
}

// ---- reading the trails again at apply time

/** Every trail visible from `region` (its own and every multi-region and organization trail), with status and selectors. */
async function liveTrails(ctx: ApplyContext, region: string): Promise<Trail[]> {
  const listing = ctx.session.client(CloudTrailClient, { region });
  const described = await listing.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
  const out: Trail[] = [];
  for (const t of uniqueTrails(described.trailList ?? [])) {
    const home = regionOfTrailArn(t.TrailARN) ?? t.HomeRegion ?? region;
    const ct = ctx.session.client(CloudTrailClient, { region: home });
    const id = t.TrailARN ?? t.Name ?? '';
    const [status, selectors] = await Promise.all([
      ct.send(new GetTrailStatusCommand({ Name: id })),
      ct.send(new GetEventSelectorsCommand({ TrailName: id })),
    ]);
    out.push(toTrail(t, home, status.IsLogging ?? null, toEventSelectors(selectors)));
  }
  return out;
}

/** A qualifying trail other than `target`'s, found at apply time: the plan's "create" turns into adopting it. */
async function someoneElsesTrail(ctx: ApplyContext, target: TrailTarget): Promise<Trail | undefined> {
  const trails = await liveTrails(ctx, target.homeRegion);
  return qualify(trails.filter((t) => t.arn !== target.arn)).qualifying[0]?.trail;
}

const adoptedInstead = (t: Trail): string =>
  `trail ${t.name} (home ${t.homeRegion}) already qualifies: nothing created, no second trail (run rampart plan again to bring it to the spec)`;

// ---- the buckets

async function runAccessLogBucket(ctx: ApplyContext, target: TrailTarget): Promise<string> {
  if (target.uncertain) {
    const other = await someoneElsesTrail(ctx, target);
    if (other) return adoptedInstead(other);
  }
  const source = target.bucket!;
  const region = target.bucketRegion;
  const { id: account, partition } = ctx.snapshot.account;
  const name = accessLogBucketName(source, account, region);
  const created = (await ensureBucket(ctx, name, region, 'cloudtrail.bucket')) === 'created';
  const s3 = s3In(ctx, region);
  const changes: string[] = [];
  if (await ensureBucketBlock(s3, name)) changes.push('all four public access block settings on');
  if (await ensureBucketPolicy(s3, name, accessLogBucketStatements(partition, name, source, account))) changes.push(`a policy letting S3 deliver the access logs of ${source}`);
  return bucketLine(name, created, changes);
}

async function runTrailBucket(ctx: ApplyContext, target: TrailTarget, policy: boolean): Promise<string> {
  if (target.uncertain) {
    const other = await someoneElsesTrail(ctx, target);
    if (other) return adoptedInstead(other);
  }
  const name = target.bucket!;
  const region = target.bucketRegion;
  const { id: account, partition } = ctx.snapshot.account;
  // An adopted trail's bucket exists (CloudTrail delivers to it); only rampart's own is created.
  const created = target.mode === 'create' && (await ensureBucket(ctx, name, region, 'cloudtrail.bucket')) === 'created';
  const s3 = s3In(ctx, region);
  const changes: string[] = [];
  if (await ensureBucketBlock(s3, name)) changes.push('all four public access block settings on');
  if (policy && (await ensureBucketPolicy(s3, name, cloudTrailBucketStatements(partition, name, account, target.arn)))) changes.push('the CloudTrail bucket policy');
  if (await ensureAccessLogging(s3, name, accessLogBucketName(name, account, region))) changes.push(`server access logging into ${accessLogBucketName(name, account, region)}`);
  return bucketLine(name, created, changes);
}

// ---- the key

async function findKey(kms: KMSClient, alias: string): Promise<KeyMetadata | null> {
  return (await orNone(['NotFoundException'], () => kms.send(new DescribeKeyCommand({ KeyId: alias }))))?.KeyMetadata ?? null;
}

/** A key an earlier run created but did not get to name (killed between CreateKey and CreateAlias). */
async function unnamedKey(kms: KMSClient): Promise<KeyMetadata | null> {
  let Marker: string | undefined;
  do {
    const page = await kms.send(new ListKeysCommand({ Marker, Limit: 100 }));
    for (const k of page.Keys ?? []) {
      const meta = (await kms.send(new DescribeKeyCommand({ KeyId: k.KeyId }))).KeyMetadata;
      if (meta?.KeyManager === 'CUSTOMER' && meta.Description === KEY_DESCRIPTION && meta.KeyState === 'Enabled') return meta;
    }
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker);
  return null;
}

async function readKeyPolicy(kms: KMSClient, keyId: string) {
  return readPolicy((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))).Policy);
}

async function runKey(ctx: ApplyContext, target: TrailTarget): Promise<string> {
  if (target.uncertain) {
    const other = await someoneElsesTrail(ctx, target);
    if (other) return adoptedInstead(other);
  }
  const region = target.bucketRegion;
  const kms = ctx.session.client(KMSClient, { region });
  const { id: account, partition } = ctx.snapshot.account;
  const alias = keyAliasOf(target.name);
  const statements = cloudTrailKeyStatements(partition, account, target.arn);
  const done: string[] = [];
  let key = await findKey(kms, alias);
  if (!key) {
    key = await unnamedKey(kms);
    if (key) {
      await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
      done.push(`named key ${key.KeyId} ${alias}`);
    }
  }
  if (!key) {
    const policy = { Version: '2012-10-17', Id: 'rampart-cloudtrail', Statement: statements };
    key = (await kms.send(new CreateKeyCommand({ Description: KEY_DESCRIPTION, KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Policy: JSON.stringify(policy) }))).KeyMetadata ?? null;
    if (!key?.KeyId) throw new Error('KMS CreateKey returned no key');
    await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    done.push(`created key ${key.KeyId} (${alias}) with the CloudTrail key policy`);
  } else {
    if (key.KeyState !== 'Enabled') throw new Error(`KMS key ${alias} is ${key.KeyState}: enable it (or cancel its deletion) and apply again`);
    const policy = await readKeyPolicy(kms, key.KeyId!);
    if (missingStatements(policy, statements).length) {
      await kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: JSON.stringify(mergeStatements(policy, statements)) }));
      done.push(`key ${alias}: added the CloudTrail statements to its policy`);
    }
  }
  const keyId = key.KeyId!;
  if (!(await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled) {
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    done.push('turned on yearly rotation');
  }
  // Verify: named, enabled, rotating, with the statements CloudTrail needs.
  const after = await findKey(kms, alias);
  if (after?.KeyState !== 'Enabled') throw new Error(`KMS key ${alias} does not read back as enabled`);
  if (!(await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled) throw new Error(`KMS key ${alias} does not read back as rotating`);
  if (missingStatements(await readKeyPolicy(kms, keyId), statements).length) throw new Error(`KMS key ${alias}: the policy does not read back with the CloudTrail statements`);
  return done.length ? done.join('; ') : `KMS key ${alias} (${keyId}) already rotates and lets CloudTrail encrypt`;
}

// ---- the log group and its role

async function logGroupExists(logs: CloudWatchLogsClient, name: string): Promise<boolean> {
  const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 50 }));
  return (out.logGroups ?? []).some((g) => g.logGroupName === name);
}

async function runLogs(ctx: ApplyContext, target: TrailTarget, spec: CloudTrailSpec): Promise<string> {
  if (target.uncertain) {
    const other = await someoneElsesTrail(ctx, target);
    if (other) return adoptedInstead(other);
  }
  const region = target.homeRegion;
  const { id: account, partition } = ctx.snapshot.account;
  const logs = ctx.session.client(CloudWatchLogsClient, { region });
  const iam = ctx.session.client(IAMClient);
  const done: string[] = [];
  if (!(await logGroupExists(logs, spec.logGroup))) {
    await orNone(['ResourceAlreadyExistsException'], () => logs.send(new CreateLogGroupCommand({ logGroupName: spec.logGroup })));
    done.push(`created log group ${spec.logGroup} (${region})`);
  }
  const roleName = logsRoleOf(target.name);
  const role = (await orNone(['NoSuchEntity'], () => iam.send(new GetRoleCommand({ RoleName: roleName }))))?.Role;
  if (!role) {
    await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify(cloudTrailLogsTrust()),
        Description: `rampart: lets CloudTrail deliver trail ${target.name} to CloudWatch Logs`,
      }),
    );
    done.push(`created role ${roleName}`);
  } else {
    const trust = readPolicy(role.AssumeRolePolicyDocument);
    const trusted = trust?.Statement.some((s) => s['Effect'] === 'Allow' && JSON.stringify(s['Principal'] ?? '').includes('cloudtrail.amazonaws.com'));
    if (!trusted) throw new Error(`role ${roleName} exists and does not trust cloudtrail.amazonaws.com: rampart does not change a role it did not create; rename or fix it`);
  }
  const wanted = cloudTrailLogsPolicy(partition, region, account, spec.logGroup);
  const readRolePolicy = async () =>
    (await orNone(['NoSuchEntity'], () => iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: ROLE_POLICY }))))?.PolicyDocument;
  const current = await readRolePolicy();
  if (!current || !sameJson(parsePolicyDocument(current), wanted)) {
    await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: ROLE_POLICY, PolicyDocument: JSON.stringify(wanted) }));
    done.push(`gave it ${ROLE_POLICY} (logs:CreateLogStream and logs:PutLogEvents on the group)`);
  }
  if (!(await logGroupExists(logs, spec.logGroup))) throw new Error(`log group ${spec.logGroup} does not read back in ${region}`);
  const after = await readRolePolicy();
  if (!after || !sameJson(parsePolicyDocument(after), wanted)) throw new Error(`role ${roleName}: ${ROLE_POLICY} does not read back`);
  return done.length ? done.join('; ') : `log group ${spec.logGroup} (${region}) and role ${roleName} already in place`;
}

// ---- the trail

/** Management events read and write, and S3 object events read and write for all buckets: what the checks ask. */
function selectorsAsWanted(selectors: EventSelectors | null): boolean {
  if (!selectors) return false;
  const m = managementCoverage(selectors);
  const all = s3DataScopes(selectors).filter((s) => s.allBuckets);
  return m.read && m.write && m.exclusions.length === 0 && all.some((s) => s.read) && all.some((s) => s.write);
}

const wantedSelectors = (partition: string) => [
  { ReadWriteType: 'All' as const, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: [`arn:${partition}:s3`] }] },
];

interface Destinations {
  keyArn: string | null;
  logGroupArn: string | null;
  roleArn: string | null;
}

/** The key and the log group with its role, as the earlier steps left them. */
async function destinations(ctx: ApplyContext, target: TrailTarget, spec: CloudTrailSpec, want: { kms: boolean; logs: boolean }): Promise<Destinations> {
  const { id: account, partition } = ctx.snapshot.account;
  let keyArn: string | null = null;
  if (want.kms) {
    const key = await findKey(ctx.session.client(KMSClient, { region: target.bucketRegion }), keyAliasOf(target.name));
    if (!key?.Arn) throw new Error(`KMS key ${keyAliasOf(target.name)} is missing in ${target.bucketRegion}: step ${TRAIL_STEPS.key} has to run first`);
    keyArn = key.Arn;
  }
  let logGroupArn: string | null = null;
  let roleArn: string | null = null;
  if (want.logs) {
    const role = (await orNone(['NoSuchEntity'], () => ctx.session.client(IAMClient).send(new GetRoleCommand({ RoleName: logsRoleOf(target.name) }))))?.Role;
    if (!role?.Arn) throw new Error(`role ${logsRoleOf(target.name)} is missing: step ${TRAIL_STEPS.logs} has to run first`);
    roleArn = role.Arn;
    logGroupArn = `arn:${partition}:logs:${target.homeRegion}:${account}:log-group:${spec.logGroup}:*`;
  }
  return { keyArn, logGroupArn, roleArn };
}

const sameGroup = (a: string | null, b: string | null): boolean => (a ?? '').replace(/:\*$/, '') === (b ?? '').replace(/:\*$/, '');

/** What UpdateTrail must change for rampart's own trail to be as the spec says. */
function ownTrailChanges(t: Trail, bucket: string, d: Destinations): { input: Partial<UpdateTrailCommandInput>; what: string[] } {
  const input: Partial<UpdateTrailCommandInput> = {};
  const what: string[] = [];
  if (t.s3BucketName !== bucket) {
    input.S3BucketName = bucket;
    what.push(`bucket ${bucket}`);
  }
  if (!t.isMultiRegion) {
    input.IsMultiRegionTrail = true;
    input.IncludeGlobalServiceEvents = true;
    what.push('multi-region');
  }
  if (!t.logFileValidation) {
    input.EnableLogFileValidation = true;
    what.push('log file validation');
  }
  if (d.keyArn && t.kmsKeyId !== d.keyArn) {
    input.KmsKeyId = d.keyArn;
    what.push('SSE-KMS');
  }
  if (d.logGroupArn && (!sameGroup(t.cloudWatchLogsLogGroupArn, d.logGroupArn) || t.cloudWatchLogsRoleArn !== d.roleArn)) {
    input.CloudWatchLogsLogGroupArn = d.logGroupArn;
    input.CloudWatchLogsRoleArn = d.roleArn!;
    what.push('CloudWatch Logs delivery');
  }
  return { input, what };
}

/** What an adopted trail lacks of what the spec asks (nothing it has is changed). */
function adoptedTrailChanges(t: Trail, d: Destinations): { input: Partial<UpdateTrailCommandInput>; what: string[] } {
  const input: Partial<UpdateTrailCommandInput> = {};
  const what: string[] = [];
  if (!t.logFileValidation) {
    input.EnableLogFileValidation = true;
    what.push('log file validation');
  }
  if (d.keyArn && !t.kmsKeyId) {
    input.KmsKeyId = d.keyArn;
    what.push('SSE-KMS');
  }
  if (d.logGroupArn && !t.cloudWatchLogsLogGroupArn) {
    input.CloudWatchLogsLogGroupArn = d.logGroupArn;
    input.CloudWatchLogsRoleArn = d.roleArn!;
    what.push('CloudWatch Logs delivery');
  }
  return { input, what };
}

async function runTrail(ctx: ApplyContext, target: TrailTarget, spec: CloudTrailSpec): Promise<string> {
  const home = target.homeRegion;
  const ct = ctx.session.client(CloudTrailClient, { region: home });
  const live = await liveTrails(ctx, home);
  const current = live.find((t) => t.arn === target.arn);
  const partition = ctx.snapshot.account.partition;

  if (target.mode === 'adopt') {
    if (!current) throw new Error(`trail ${target.name} (home ${home}) is gone since the plan: run rampart plan again`);
    const d = await destinations(ctx, target, spec, { kms: spec.kms && !current.kmsKeyId, logs: spec.cloudWatchLogs && !current.cloudWatchLogsLogGroupArn });
    const { input, what } = adoptedTrailChanges(current, d);
    if (!what.length) return `trail ${target.name} (home ${home}) is the account's trail and already has what the spec asks`;
    await retryWhile(NOT_YET_VISIBLE, () => ct.send(new UpdateTrailCommand({ Name: target.arn, ...input })));
    const after = (await liveTrails(ctx, home)).find((t) => t.arn === target.arn);
    if (!after || adoptedTrailChanges(after, d).what.length) throw new Error(`trail ${target.name} does not read back with ${what.join(', ')}`);
    return `adopted trail ${target.name} (home ${home}), no second trail: added ${what.join(', ')}`;
  }

  if (!current) {
    const other = qualify(live).qualifying[0]?.trail;
    if (other) return adoptedInstead(other);
  }
  const d = await destinations(ctx, target, spec, { kms: spec.kms, logs: spec.cloudWatchLogs });
  const bucket = target.bucket!;
  const done: string[] = [];
  if (!current) {
    await retryWhile(NOT_YET_VISIBLE, () =>
      ct.send(
        new CreateTrailCommand({
          Name: target.name,
          S3BucketName: bucket,
          IsMultiRegionTrail: true,
          IncludeGlobalServiceEvents: true,
          EnableLogFileValidation: true,
          ...(d.keyArn ? { KmsKeyId: d.keyArn } : {}),
          ...(d.logGroupArn ? { CloudWatchLogsLogGroupArn: d.logGroupArn, CloudWatchLogsRoleArn: d.roleArn! } : {}),
        }),
      ),
    );
    done.push(`created multi-region trail ${target.name} (home ${home}) with log file validation${d.keyArn ? ', SSE-KMS' : ''}${d.logGroupArn ? ', CloudWatch Logs delivery' : ''}`);
  } else {
    const { input, what } = ownTrailChanges(current, bucket, d);
    if (what.length) {
      await retryWhile(NOT_YET_VISIBLE, () => ct.send(new UpdateTrailCommand({ Name: target.arn, ...input })));
      done.push(`trail ${target.name}: ${what.join(', ')}`);
    }
  }
  if (!current || !selectorsAsWanted(current.eventSelectors)) {
    await ct.send(new PutEventSelectorsCommand({ TrailName: target.arn, EventSelectors: wantedSelectors(partition) }));
    done.push('records read and write management events and S3 object events of all buckets');
  }
  const after = (await liveTrails(ctx, home)).find((t) => t.arn === target.arn);
  if (!after) throw new Error(`trail ${target.name} does not read back`);
  const still = ownTrailChanges(after, bucket, d).what;
  if (still.length || !selectorsAsWanted(after.eventSelectors)) throw new Error(`trail ${target.name} does not read back as the spec says (${still.join(', ') || 'event selectors'})`);
  return done.length ? done.join('; ') : `trail ${target.name} (home ${home}) already as the spec says`;
}

async function runStartLogging(ctx: ApplyContext, target: TrailTarget): Promise<string> {
  const ct = ctx.session.client(CloudTrailClient, { region: target.homeRegion });
  const logging = async () => (await ct.send(new GetTrailStatusCommand({ Name: target.arn }))).IsLogging === true;
  if (await logging()) return `trail ${target.name} is logging`;
  await ct.send(new StartLoggingCommand({ Name: target.arn }));
  if (!(await logging())) throw new Error(`trail ${target.name} does not read back as logging`);
  return `started logging on trail ${target.name}`;
}

// ---- the plan

const describeTrail = (spec: CloudTrailSpec, target: TrailTarget, logGroup: string | null): string =>
  [
    `multi-region trail ${target.name} in ${target.homeRegion} into bucket ${target.bucket}`,
    'log file validation',
    ...(spec.kms ? [`SSE-KMS with ${keyAliasOf(target.name)}`] : []),
    ...(logGroup ? [`CloudWatch Logs group ${logGroup}`] : []),
    'read and write management events',
    `S3 object events of all buckets (${DATA_EVENTS_COST})`,
  ].join(', ');

function planCreate(ctx: PlanContext, spec: CloudTrailSpec, target: TrailTarget): Step[] {
  const { id: account, partition } = ctx.snapshot.account;
  const ours = target.trail;
  const bucket = target.bucket!;
  const logBucket = accessLogBucketName(bucket, account, target.bucketRegion);
  const unknown = target.uncertain ? `; ${notCollected('the trails')}, and creates nothing if a qualifying trail exists` : '';
  const facts = ctx.snapshot.logging?.buckets?.[bucket];
  const steps: Step[] = [];
  // Without the trails, each step reads them first (it creates nothing beside a qualifying trail).
  const reads = target.uncertain ? READ_TRAILS : [];

  const accessLogBase = { id: TRAIL_STEPS.accessLogBucket, title: `Access-log bucket ${logBucket}`, actions: [...reads, ...BUCKET_ACTIONS] };
  if (facts?.accessLogging) steps.push({ ...accessLogBase, kind: 'noop', detail: `bucket ${bucket} already logs access to s3://${facts.accessLogging.targetBucket}/${facts.accessLogging.targetPrefix}` });
  else {
    steps.push({
      ...accessLogBase,
      kind: 'create',
      detail: `bucket ${logBucket} (${target.bucketRegion}) for the server access logs of ${bucket}: public access block on, a policy for logging.s3.amazonaws.com${unknown}`,
      run: (apply) => runAccessLogBucket(apply, target),
    });
  }

  const bucketBase = { id: TRAIL_STEPS.bucket, title: `CloudTrail bucket ${bucket}`, actions: [...reads, ...TRAIL_BUCKET_ACTIONS], dependsOn: [TRAIL_STEPS.accessLogBucket] };
  const run = (apply: ApplyContext) => runTrailBucket(apply, target, true);
  if (!facts) {
    steps.push({ ...bucketBase, kind: 'create', detail: `bucket ${bucket} (${target.bucketRegion}) with all four public access block settings, the CloudTrail bucket policy (this trail only, HTTPS only) and server access logging into ${logBucket}${unknown}`, run });
  } else {
    const missing: string[] = [];
    const block = facts.publicAccessBlock;
    if (!block || !block.blockPublicAcls || !block.ignorePublicAcls || !block.blockPublicPolicy || !block.restrictPublicBuckets) missing.push('public access block');
    const policy = facts.policy === undefined ? undefined : readPolicy(facts.policy === null ? null : JSON.stringify(facts.policy));
    if (policy === undefined || missingStatements(policy, cloudTrailBucketStatements(partition, bucket, account, target.arn)).length) missing.push('CloudTrail bucket policy');
    if (!facts.accessLogging) missing.push(`access logging into ${logBucket}`);
    steps.push(missing.length ? { ...bucketBase, kind: 'update', detail: `bucket ${bucket}: ${missing.join(', ')}`, run } : { ...bucketBase, kind: 'noop', detail: `bucket ${bucket} is private, has the CloudTrail policy and logs access` });
  }

  const deps: string[] = [TRAIL_STEPS.bucket];
  if (spec.kms) {
    const base = { id: TRAIL_STEPS.key, title: `KMS key ${keyAliasOf(target.name)}`, actions: [...reads, ...KEY_ACTIONS] };
    const key = ours?.kmsKeyId ? (ctx.snapshot.regional[target.bucketRegion]?.kmsKeys ?? []).find((k) => k.arn === ours.kmsKeyId) : undefined;
    if (ours?.kmsKeyId && key?.rotationEnabled !== false) steps.push({ ...base, kind: 'noop', detail: `trail ${target.name} encrypts with key ${ours.kmsKeyId}` });
    else if (ours?.kmsKeyId) steps.push({ ...base, kind: 'update', detail: `key ${ours.kmsKeyId}: turn on yearly rotation`, run: (apply) => runKey(apply, target) });
    else {
      steps.push({
        ...base,
        kind: 'create',
        detail: `customer managed key ${keyAliasOf(target.name)} in ${target.bucketRegion} with yearly rotation and the key policy that lets CloudTrail encrypt this trail's logs (about $1 a month)${unknown}`,
        run: (apply) => runKey(apply, target),
      });
    }
    deps.push(TRAIL_STEPS.key);
  }
  const logGroup = spec.cloudWatchLogs ? spec.logGroup : null;
  if (spec.cloudWatchLogs) {
    const base = { id: TRAIL_STEPS.logs, title: `CloudWatch Logs group ${spec.logGroup} and CloudTrail's role`, actions: [...reads, ...LOGS_ACTIONS] };
    if (ours?.cloudWatchLogsLogGroupArn) steps.push({ ...base, kind: 'noop', detail: `trail ${target.name} delivers to ${ours.cloudWatchLogsLogGroupArn}` });
    else {
      steps.push({
        ...base,
        kind: 'create',
        detail: `log group ${spec.logGroup} in ${target.homeRegion} and role ${logsRoleOf(target.name)} that CloudTrail assumes to write to it (CloudWatch Logs ingestion is billed per GB)${unknown}`,
        run: (apply) => runLogs(apply, target, spec),
      });
    }
    deps.push(TRAIL_STEPS.logs);
  }

  const trailBase = { id: TRAIL_STEPS.trail, title: `CloudTrail trail ${target.name}`, actions: TRAIL_ACTIONS, dependsOn: deps };
  const runIt = (apply: ApplyContext) => runTrail(apply, target, spec);
  if (!ours) steps.push({ ...trailBase, kind: 'create', detail: `${describeTrail(spec, target, logGroup)}${unknown}`, run: runIt });
  else {
    const wanted: string[] = [];
    if (ours.s3BucketName !== bucket) wanted.push(`bucket ${bucket}`);
    if (!ours.isMultiRegion) wanted.push('multi-region');
    if (!ours.logFileValidation) wanted.push('log file validation');
    if (spec.kms && !ours.kmsKeyId) wanted.push('SSE-KMS');
    if (spec.cloudWatchLogs && !ours.cloudWatchLogsLogGroupArn) wanted.push('CloudWatch Logs delivery');
    if (!selectorsAsWanted(ours.eventSelectors)) wanted.push(`read and write management events and S3 object events of all buckets (${DATA_EVENTS_COST})`);
    steps.push(wanted.length ? { ...trailBase, kind: 'update', detail: `rampart's trail ${target.name}: ${wanted.join(', ')}`, run: runIt } : { ...trailBase, kind: 'noop', detail: `trail ${target.name} is as the spec says` });
  }

  const loggingBase = { id: TRAIL_STEPS.logging, title: `Start logging on trail ${target.name}`, actions: LOGGING_ACTIONS, dependsOn: [TRAIL_STEPS.trail] };
  if (ours?.isLogging === true) steps.push({ ...loggingBase, kind: 'noop', detail: `trail ${target.name} is logging` });
  else steps.push({ ...loggingBase, kind: ours ? 'update' : 'create', detail: `start logging on trail ${target.name} (a new trail records nothing until then)`, run: (apply) => runStartLogging(apply, target) });
  return steps;
}

function planAdopt(ctx: PlanContext, spec: CloudTrailSpec, target: TrailTarget): Step[] {
  const t = target.trail!;
  const label = `${t.isOrganizationTrail ? 'organization trail' : 'trail'} ${t.name} (home ${t.homeRegion})`;
  const lacks = [
    ...(t.logFileValidation ? [] : ['log file validation']),
    ...(spec.kms && !t.kmsKeyId ? ['SSE-KMS'] : []),
    ...(spec.cloudWatchLogs && !t.cloudWatchLogsLogGroupArn ? [`CloudWatch Logs delivery (group ${spec.logGroup})`] : []),
  ];
  const trailBase = { id: TRAIL_STEPS.trail, title: `CloudTrail trail ${t.name} (adopted)`, actions: TRAIL_ACTIONS };
  if (!target.owned) {
    if (!lacks.length) return [{ ...trailBase, kind: 'noop', detail: `${label} of account ${ownerOf(t.arn)} qualifies: adopted, no second trail` }];
    return [
      {
        ...trailBase,
        kind: 'manual',
        detail: `${label} belongs to account ${ownerOf(t.arn)} (the organization's management account) and lacks ${lacks.join(', ')}: change it there; no second trail is created here`,
        actions: [],
        manual: {
          console: [
            `Sign in to account ${ownerOf(t.arn)} (the organization's management account)`,
            `CloudTrail (${t.homeRegion}) > Trails > ${t.name} > Edit: turn on ${lacks.join(', ')}; Save changes`,
          ],
          verify: 'rampart audit --check cloudtrail-log-validation --check cloudtrail-kms --check cloudtrail-cloudwatch-logs',
        },
      },
    ];
  }

  const { id: account } = ctx.snapshot.account;
  const steps: Step[] = [];
  const deps: string[] = [];
  const facts = target.bucket ? ctx.snapshot.logging?.buckets?.[target.bucket] : undefined;
  if (target.bucket && facts) {
    const logBucket = accessLogBucketName(target.bucket, account, target.bucketRegion);
    const block = facts.publicAccessBlock;
    const needsBlock = !block || !block.blockPublicAcls || !block.ignorePublicAcls || !block.blockPublicPolicy || !block.restrictPublicBuckets;
    const needsLogging = facts.accessLogging === null;
    const bucketBase = { id: TRAIL_STEPS.bucket, title: `CloudTrail bucket ${target.bucket}`, actions: TRAIL_BUCKET_ACTIONS };
    if (needsLogging) {
      steps.push({
        id: TRAIL_STEPS.accessLogBucket,
        title: `Access-log bucket ${logBucket}`,
        actions: BUCKET_ACTIONS,
        kind: 'create',
        detail: `bucket ${logBucket} (${target.bucketRegion}) for the server access logs of ${target.bucket}: public access block on, a policy for logging.s3.amazonaws.com`,
        run: (apply) => runAccessLogBucket(apply, target),
      });
    }
    const what = [...(needsBlock ? ['all four public access block settings'] : []), ...(needsLogging ? [`server access logging into ${logBucket}`] : [])];
    steps.push(
      what.length
        ? { ...bucketBase, kind: 'update', detail: `bucket ${target.bucket} of ${label}: ${what.join(', ')} (its policy is left as it is)`, dependsOn: needsLogging ? [TRAIL_STEPS.accessLogBucket] : [], run: (apply) => runTrailBucket(apply, target, false) }
        : { ...bucketBase, kind: 'noop', detail: `bucket ${target.bucket} of ${label} has the public access block and logs access` },
    );
  }
  if (spec.kms && !t.kmsKeyId) {
    steps.push({
      id: TRAIL_STEPS.key,
      title: `KMS key ${keyAliasOf(t.name)}`,
      actions: KEY_ACTIONS,
      kind: 'create',
      detail: `customer managed key ${keyAliasOf(t.name)} in ${target.bucketRegion} (the bucket's region) with yearly rotation and the key policy that lets CloudTrail encrypt ${label}'s logs (about $1 a month)`,
      run: (apply) => runKey(apply, target),
    });
    deps.push(TRAIL_STEPS.key);
  }
  if (spec.cloudWatchLogs && !t.cloudWatchLogsLogGroupArn) {
    steps.push({
      id: TRAIL_STEPS.logs,
      title: `CloudWatch Logs group ${spec.logGroup} and CloudTrail's role`,
      actions: LOGS_ACTIONS,
      kind: 'create',
      detail: `log group ${spec.logGroup} in ${t.homeRegion} and role ${logsRoleOf(t.name)} that CloudTrail assumes to write to it (CloudWatch Logs ingestion is billed per GB)`,
      run: (apply) => runLogs(apply, target, spec),
    });
    deps.push(TRAIL_STEPS.logs);
  }
  steps.push(
    lacks.length
      ? { ...trailBase, kind: 'update', detail: `adopt ${label} (it qualifies: no second trail) and add ${lacks.join(', ')}; its event selectors stay as they are`, dependsOn: deps, run: (apply) => runTrail(apply, target, spec) }
      : { ...trailBase, kind: 'noop', detail: `${label} qualifies and has what the spec asks: adopted, no second trail` },
  );
  return steps;
}

export const trailPlanner: Planner = {
  id: 'cloudtrail',
  plan(ctx) {
    const spec = ctx.spec.cloudtrail;
    const target = trailTarget(ctx);
    if (spec === false || !target) return [];
    return target.mode === 'adopt' ? planAdopt(ctx, spec, target) : planCreate(ctx, spec, target);
  },
};
