// CloudTrail's writes: CreateTrail, UpdateTrail, PutEventSelectors, StartLogging, StopLogging, GetTrail. A trail is
// changed only in its home region (InvalidHomeRegionException elsewhere), as CloudTrail requires. Before it accepts a
// destination CloudTrail checks it can write there, and so does the emulator: the bucket must exist and its policy
// let cloudtrail.amazonaws.com PutObject; a KMS key (in the bucket's region) must let it GenerateDataKey*; a
// CloudWatch Logs group must exist in the home region, with a role that trusts cloudtrail.amazonaws.com and may
// PutLogEvents. A new trail does not log until StartLogging.
import { ApiError } from '../errors.js';
import { factsOf } from '../scenario-regional.js';
import type { JsonHandler, RequestContext } from '../service.js';
import type { TrailState } from '../world-logging.js';
import { findKey } from './kms.js';
import { keyPolicyOf } from './kms-writes.js';
import { grantsService } from './policy-grants.js';
import { regionOf } from './region-facts.js';

const SERVICE = 'cloudtrail.amazonaws.com';
const TRAIL_NAME = /^[A-Za-z0-9][\w.-]{2,127}$/;
const DATA_RESOURCE_TYPES = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'];

export interface TrailReads {
  findTrail(ctx: RequestContext, nameOrArn: unknown, member: string): TrailState;
  describe(t: TrailState, partition: string): Record<string, unknown>;
}

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function checkBucket(ctx: RequestContext, name: string): void {
  const bucket = ctx.world.logging.buckets.find((b) => b.name === name);
  if (!bucket) throw new ApiError('S3BucketDoesNotExistException', `S3 bucket ${name} does not exist.`, 400);
  // Another account's bucket: its policy cannot be read from here; CloudTrail finds out on the first delivery.
  if (bucket.owner === ctx.world.account.id && !grantsService(bucket.policy, SERVICE, 's3:PutObject')) {
    throw new ApiError('InsufficientS3BucketPolicyException', `Incorrect S3 bucket policy is detected for bucket: ${name}`, 400);
  }
}

/** The key's ARN, after checking it exists in the bucket's region and lets CloudTrail encrypt. */
function checkKey(ctx: RequestContext, keyId: string, bucketName: string): string {
  const bucketRegion = ctx.world.logging.buckets.find((b) => b.name === bucketName)?.region ?? regionOf(ctx);
  const region = keyId.startsWith('arn:') ? (keyId.split(':')[3] ?? bucketRegion) : bucketRegion;
  let arn: string;
  try {
    arn = findKey({ ...ctx, region }, keyId).arn;
  } catch {
    throw new ApiError('KmsKeyNotFoundException', `KMS key ${keyId} not found in ${region}.`, 400);
  }
  if (region !== bucketRegion) throw new ApiError('KmsException', `KMS key ${arn} must be in the region of bucket ${bucketName} (${bucketRegion}).`, 400);
  if (!grantsService(keyPolicyOf(ctx.world, arn), SERVICE, 'kms:GenerateDataKey')) {
    throw new ApiError('InsufficientEncryptionPolicyException', 'Insufficient permissions to access S3 bucket or KMS key.', 400);
  }
  return arn;
}

/** The group ARN as CloudTrail keeps it (with `:*`), after checking the group and the role. */
function checkCloudWatchLogs(ctx: RequestContext, groupArn: string, roleArn: string | undefined): string {
  const m = /^arn:[^:]+:logs:([^:]+):(\d{12}):log-group:(.+?)(:\*)?$/.exec(groupArn);
  if (!m) throw new ApiError('InvalidCloudWatchLogsLogGroupArnException', `${groupArn} is not a valid log group ARN.`, 400);
  const [, region, account, name] = m;
  const facts = factsOf(ctx.world.regional, region!);
  const exists = (facts.logGroups ?? []).some((g) => g.name === name) || (facts.metricFilters ?? []).some((f) => f.logGroup === name);
  if (region !== regionOf(ctx) || account !== ctx.world.account.id || !exists) {
    throw new ApiError('InvalidCloudWatchLogsLogGroupArnException', `The log group ${groupArn} does not exist in the trail's home region.`, 400);
  }
  const role = roleArn ? ctx.world.roles.find((r) => r.arn === roleArn) : undefined;
  const permitted = role?.inlinePolicies.some((p) => /logs:(\*|PutLogEvents)/.test(p.document)) ?? false;
  if (!role || !grantsService(role.trustPolicy, SERVICE, 'sts:AssumeRole') || !permitted) {
    throw new ApiError('InvalidCloudWatchLogsRoleArnException', 'Access denied. Verify in IAM that the role has adequate permissions.', 400);
  }
  return `arn:${ctx.world.account.partition}:logs:${region}:${account}:log-group:${name}:*`;
}

/** Applies the settings a CreateTrail or UpdateTrail request gives, checking each destination it names. */
function applySettings(ctx: RequestContext, trail: TrailState, input: Readonly<Record<string, unknown>>): void {
  const bucket = text(input['S3BucketName']);
  if (bucket !== undefined) {
    checkBucket(ctx, bucket);
    trail.bucket = bucket;
  }
  if (input['S3KeyPrefix'] !== undefined) trail.prefix = text(input['S3KeyPrefix']) || undefined;
  const multi = bool(input['IsMultiRegionTrail']);
  if (multi !== undefined) trail.multiRegion = multi;
  const global = bool(input['IncludeGlobalServiceEvents']);
  if (global !== undefined) trail.includeGlobalServiceEvents = global;
  if (trail.multiRegion && !trail.includeGlobalServiceEvents) {
    throw new ApiError('InvalidParameterCombinationException', 'Multi-Region trail must include global service events.', 400);
  }
  const validation = bool(input['EnableLogFileValidation']);
  if (validation !== undefined) trail.logFileValidation = validation;
  const key = text(input['KmsKeyId']);
  if (key !== undefined) trail.kmsKeyId = key === '' ? undefined : checkKey(ctx, key, trail.bucket);
  const group = text(input['CloudWatchLogsLogGroupArn']);
  const role = text(input['CloudWatchLogsRoleArn']);
  if (group === '') {
    trail.cloudWatchLogsLogGroupArn = undefined;
    trail.roleArn = undefined;
  } else if (group !== undefined || role !== undefined) {
    const g = group ?? trail.cloudWatchLogsLogGroupArn;
    if (!g) throw new ApiError('InvalidCloudWatchLogsLogGroupArnException', 'A role needs a log group.', 400);
    trail.cloudWatchLogsLogGroupArn = checkCloudWatchLogs(ctx, g, role ?? trail.roleArn);
    trail.roleArn = role ?? trail.roleArn;
  }
}

function inHomeRegion(ctx: RequestContext, trail: TrailState): TrailState {
  if (trail.homeRegion !== regionOf(ctx)) {
    throw new ApiError('InvalidHomeRegionException', `This operation must be called from the trail's home region (${trail.homeRegion}).`, 400);
  }
  if (trail.account !== ctx.world.account.id) throw new ApiError('NotOrganizationMasterAccountException', 'Only the management account can change an organization trail.', 400);
  return trail;
}

function basicSelectors(value: unknown): NonNullable<TrailState['eventSelectors']> {
  if (!Array.isArray(value) || value.length === 0 || value.length > 5) throw new ApiError('InvalidEventSelectorsException', 'A trail has 1 to 5 event selectors.', 400);
  return (value as Record<string, unknown>[]).map((s) => {
    const readWriteType = (s['ReadWriteType'] ?? 'All') as 'All' | 'ReadOnly' | 'WriteOnly';
    if (!['All', 'ReadOnly', 'WriteOnly'].includes(readWriteType)) throw new ApiError('InvalidEventSelectorsException', `Invalid ReadWriteType ${String(readWriteType)}.`, 400);
    const dataResources = (Array.isArray(s['DataResources']) ? (s['DataResources'] as Record<string, unknown>[]) : []).map((d) => {
      const type = text(d['Type']) ?? '';
      const values = Array.isArray(d['Values']) ? (d['Values'] as unknown[]).map(String) : [];
      if (!DATA_RESOURCE_TYPES.includes(type)) throw new ApiError('InvalidEventSelectorsException', `Invalid data resource type ${type}.`, 400);
      if (type === 'AWS::S3::Object' && values.some((v) => !/^arn:[^:]+:s3(:::.*)?$/.test(v))) {
        throw new ApiError('InvalidEventSelectorsException', 'S3 data resource values are arn:aws:s3 or arn:aws:s3:::bucket/prefix.', 400);
      }
      return { type, values };
    });
    return {
      readWriteType,
      includeManagementEvents: bool(s['IncludeManagementEvents']) ?? true,
      dataResources,
      excludeManagementEventSources: Array.isArray(s['ExcludeManagementEventSources']) ? (s['ExcludeManagementEventSources'] as unknown[]).map(String) : [],
    };
  });
}

function advancedSelectors(value: unknown): NonNullable<TrailState['advancedEventSelectors']> {
  if (!Array.isArray(value) || value.length === 0) throw new ApiError('InvalidEventSelectorsException', 'Advanced event selectors must not be empty.', 400);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
  return (value as Record<string, unknown>[]).map((s) => {
    const fields = Array.isArray(s['FieldSelectors']) ? (s['FieldSelectors'] as Record<string, unknown>[]) : [];
    if (!fields.some((f) => f['Field'] === 'eventCategory')) throw new ApiError('InvalidEventSelectorsException', 'Each advanced event selector needs an eventCategory field.', 400);
    return {
      ...(text(s['Name']) ? { name: text(s['Name']) } : {}),
      fieldSelectors: fields.map((f) => ({
        field: String(f['Field']),
        equals: list(f['Equals']),
        notEquals: list(f['NotEquals']),
        startsWith: list(f['StartsWith']),
        notStartsWith: list(f['NotStartsWith']),
        endsWith: list(f['EndsWith']),
        notEndsWith: list(f['NotEndsWith']),
      })),
    };
  });
}

export function cloudtrailWriteOperations(reads: TrailReads): Record<string, JsonHandler> {
  const partition = (ctx: RequestContext) => ctx.world.account.partition;
  return {
    CreateTrail(input, ctx) {
      const name = text(input['Name']) ?? '';
      if (!TRAIL_NAME.test(name)) throw new ApiError('InvalidTrailNameException', `Trail name ${name} is not valid.`, 400);
      const region = regionOf(ctx);
      const account = ctx.world.account.id;
      if (ctx.world.logging.trails.some((t) => t.name === name && t.homeRegion === region && t.account === account)) {
        throw new ApiError('TrailAlreadyExistsException', `Trail ${name} already exists for customer: ${account}`, 400);
      }
      if (!text(input['S3BucketName'])) throw new ApiError('InvalidS3BucketNameException', 'S3BucketName is required.', 400);
      if (input['IsOrganizationTrail'] === true && ctx.world.logging.organization?.managementAccountId !== account) {
        throw new ApiError('NotOrganizationMasterAccountException', 'Only the management account of an organization can create an organization trail.', 400);
      }
      const trail: TrailState = {
        name,
        arn: `arn:${partition(ctx)}:cloudtrail:${region}:${account}:trail/${name}`,
        account,
        homeRegion: region,
        multiRegion: false,
        organization: input['IsOrganizationTrail'] === true,
        bucket: '',
        logFileValidation: false,
        includeGlobalServiceEvents: true,
        logging: false,
      };
      applySettings(ctx, trail, input);
      ctx.world.logging.trails.push(trail);
      const { HasCustomEventSelectors: _s, HasInsightSelectors: _i, ...shape } = reads.describe(trail, partition(ctx));
      return shape;
    },

    UpdateTrail(input, ctx) {
      const trail = inHomeRegion(ctx, reads.findTrail(ctx, input['Name'], 'Name'));
      // Checked on a copy: a refused destination leaves the trail as it was.
      const next: TrailState = { ...trail };
      applySettings(ctx, next, input);
      Object.assign(trail, next);
      const { HasCustomEventSelectors: _s, HasInsightSelectors: _i, ...shape } = reads.describe(trail, partition(ctx));
      return shape;
    },

    GetTrail(input, ctx) {
      return { Trail: reads.describe(reads.findTrail(ctx, input['Name'], 'Name'), partition(ctx)) };
    },

    PutEventSelectors(input, ctx) {
      const trail = inHomeRegion(ctx, reads.findTrail(ctx, input['TrailName'], 'TrailName'));
      const basic = input['EventSelectors'];
      const advanced = input['AdvancedEventSelectors'];
      if ((basic === undefined) === (advanced === undefined)) {
        throw new ApiError('InvalidParameterCombinationException', 'Specify either EventSelectors or AdvancedEventSelectors, not both.', 400);
      }
      if (basic !== undefined) {
        trail.eventSelectors = basicSelectors(basic);
        trail.advancedEventSelectors = undefined;
      } else {
        trail.advancedEventSelectors = advancedSelectors(advanced);
        trail.eventSelectors = undefined;
      }
      const answer = reads.describe(trail, partition(ctx));
      return { TrailARN: answer['TrailARN'], ...(basic !== undefined ? { EventSelectors: basic } : { AdvancedEventSelectors: advanced }) };
    },

    StartLogging(input, ctx) {
      inHomeRegion(ctx, reads.findTrail(ctx, input['Name'], 'Name')).logging = true;
      return {};
    },

    StopLogging(input, ctx) {
      inHomeRegion(ctx, reads.findTrail(ctx, input['Name'], 'Name')).logging = false;
      return {};
    },
  };
}
