// AWS Config (seed 003; CIS 4.3): in every region of the plan a recorder of all supported resource types that is
// recording, delivering to an S3 bucket; and seed 003's six managed rules.
//
// Decisions:
// - AWS allows one recorder and one delivery channel per region: an existing one is adopted. It is changed only to
//   record more (all supported types; global resource types in the home region when no region records them) and to
//   start it; its name and role stay.
// - Global resource types (IAM) are recorded in one region, the home region (the first of spec.regions, else
//   us-east-1), unless a recorder elsewhere already records them; recording them twice is billed twice.
// - New recorders use the service-linked role AWSServiceRoleForConfig (created once, if missing) and deliver to one
//   bucket, `config.bucket` or `rampart-config-<account>`, in the home region, with the policy AWS documents
//   (this account only, HTTPS only) and all four public access block settings.
// - Rules, as config-rules judges them: the two S3 rules in every region (buckets are judged in their own region),
//   the four account-wide ones (root keys, console MFA, password policy, CloudTrail) once, in the region recording
//   global resources, unless some region has them. Rule evaluations are billed per evaluation.
import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  PutConfigRuleCommand,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
  type ConfigRule as AwsConfigRule,
  type ConfigurationRecorder,
} from '@aws-sdk/client-config-service';
import { CreateServiceLinkedRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { SEED_RULES } from '../../checks/logging/config-rules.js';
import type { ConfigRecorder, ConfigRule } from '../../inventory/schema/regional.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, PlanContext, Planner, Step } from '../types.js';
import { notCollected } from './iam-common.js';
import { bucketLine, ensureBucket, ensureBucketBlock, ensureBucketPolicy, homeRegion, orNone, s3In } from './security-common.js';
import { configBucketStatements } from './security-policies.js';

type ConfigSpec = Exclude<BaselineSpec['config'], false>;
type SeedRule = (typeof SEED_RULES)[number];

export const CONFIG_STEPS = {
  role: 'config:service-linked-role',
  bucket: 'config:bucket',
  recorder: (region: string) => `config:recorder:${region}`,
  rules: (region: string) => `config:rules:${region}`,
} as const;

const CONFIG_ROLE = 'AWSServiceRoleForConfig';
const ROLE_ACTIONS = ['iam:GetRole', 'iam:CreateServiceLinkedRole'];
const BUCKET_ACTIONS = ['s3:ListBucket', 's3:CreateBucket', 's3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock', 's3:GetBucketPolicy', 's3:PutBucketPolicy'];
const RECORDER_ACTIONS = [
  'config:DescribeConfigurationRecorders',
  'config:DescribeConfigurationRecorderStatus',
  'config:DescribeDeliveryChannels',
  'config:PutConfigurationRecorder',
  'config:PutDeliveryChannel',
  'config:StartConfigurationRecorder',
  'iam:PassRole',
];
const RULE_ACTIONS = ['config:DescribeConfigRules', 'config:PutConfigRule'];

export const configBucketOf = (ctx: PlanContext, spec: ConfigSpec): string => spec.bucket ?? `rampart-config-${ctx.snapshot.account.id}`;
const configRoleArn = (ctx: PlanContext): string => `arn:${ctx.snapshot.account.partition}:iam::${ctx.snapshot.account.id}:role/aws-service-role/config.amazonaws.com/${CONFIG_ROLE}`;

const recordsAll = (r: Pick<ConfigRecorder, 'allSupported' | 'recordingStrategy'>): boolean => r.allSupported || r.recordingStrategy === 'ALL_SUPPORTED_RESOURCE_TYPES';

/** The rule is there (not being deleted), by identifier or by the seed's name: as config-rules reads it. */
const hasRule = (rules: readonly ConfigRule[], seed: SeedRule): boolean =>
  rules.some((r) => !(r.state ?? '').startsWith('DELETING') && (r.sourceIdentifier === seed.identifier || r.name.toLowerCase() === seed.name));

/** Where global resource types are (or will be) recorded: a region of the plan already recording them, else the home region. */
function globalRegion(ctx: PlanContext): string {
  const recording = ctx.regions.find((r) => (ctx.snapshot.regional[r]?.configRecorders ?? []).some((c) => c.includeGlobalResourceTypes && recordsAll(c)));
  return recording ?? homeRegion(ctx);
}

interface RecorderPlan {
  region: string;
  /** What must change; [] when the region is done. */
  changes: string[];
  /** A recorder exists (adopted). */
  existing: ConfigRecorder | null;
  /** Nothing could be read: apply decides. */
  unknown: boolean;
  /** It may need a delivery channel: the bucket step is needed. */
  mayNeedChannel: boolean;
}

function planRecorder(ctx: PlanContext, region: string, global: string): RecorderPlan {
  const recorders = ctx.snapshot.regional[region]?.configRecorders;
  if (!recorders) return { region, changes: ['read the recorder again and set it up as needed'], existing: null, unknown: true, mayNeedChannel: true };
  const existing = recorders[0] ?? null;
  if (!existing) {
    const what = `recorder of all supported resource types${region === global ? ' and global resource types (IAM)' : ''}, delivery channel, start recording`;
    return { region, changes: [what], existing: null, unknown: false, mayNeedChannel: true };
  }
  const changes: string[] = [];
  if (!recordsAll(existing)) changes.push('record all supported resource types');
  if (region === global && !existing.includeGlobalResourceTypes) changes.push('record global resource types (IAM) here');
  if (existing.recording !== true) changes.push('start recording (with a delivery channel if it has none)');
  return { region, changes, existing, unknown: false, mayNeedChannel: existing.recording !== true };
}

// ---- apply

async function runRole(ctx: ApplyContext): Promise<string> {
  const iam = ctx.session.client(IAMClient);
  const read = () => orNone(['NoSuchEntity'], () => iam.send(new GetRoleCommand({ RoleName: CONFIG_ROLE })));
  if (await read()) return `service-linked role ${CONFIG_ROLE} exists`;
  await orNone(['InvalidInput'], () => iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'config.amazonaws.com' })));
  if (!(await read())) throw new Error(`service-linked role ${CONFIG_ROLE} does not read back`);
  return `created service-linked role ${CONFIG_ROLE}`;
}

async function runBucket(ctx: ApplyContext, name: string, region: string): Promise<string> {
  const { id: account, partition } = ctx.snapshot.account;
  const created = (await ensureBucket(ctx, name, region, 'config.bucket')) === 'created';
  const s3 = s3In(ctx, region);
  const changes: string[] = [];
  if (await ensureBucketBlock(s3, name)) changes.push('all four public access block settings on');
  if (await ensureBucketPolicy(s3, name, configBucketStatements(partition, name, account))) changes.push('the AWS Config bucket policy');
  return bucketLine(name, created, changes);
}

interface LiveRecorder {
  recorder: ConfigurationRecorder | undefined;
  recording: boolean;
  channels: number;
}

async function readRecorder(config: ConfigServiceClient): Promise<LiveRecorder> {
  const recorder = (await config.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders?.[0];
  const status = recorder ? (await config.send(new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: [recorder.name!] }))).ConfigurationRecordersStatus?.[0] : undefined;
  const channels = (await config.send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels?.length ?? 0;
  return { recorder, recording: status?.recording === true, channels };
}

const liveRecordsAll = (r: ConfigurationRecorder | undefined): boolean =>
  !!r && (r.recordingGroup?.allSupported === true || r.recordingGroup?.recordingStrategy?.useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES');

async function runRecorder(ctx: ApplyContext, region: string, global: boolean, bucket: string): Promise<string> {
  const config = ctx.session.client(ConfigServiceClient, { region });
  const done: string[] = [];
  let live = await readRecorder(config);
  const wantGlobal = global || live.recorder?.recordingGroup?.includeGlobalResourceTypes === true;
  if (!live.recorder || !liveRecordsAll(live.recorder) || (global && !live.recorder.recordingGroup?.includeGlobalResourceTypes)) {
    const name = live.recorder?.name ?? 'default';
    await config.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: {
          name,
          roleARN: live.recorder?.roleARN ?? configRoleArn(ctx),
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: wantGlobal, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } },
        },
      }),
    );
    done.push(live.recorder ? `recorder ${name} records all supported resource types${wantGlobal ? ' and global ones' : ''}` : `created recorder ${name}${wantGlobal ? ' (with global resource types)' : ''}`);
    live = await readRecorder(config);
  }
  if (!live.recording) {
    if (live.channels === 0) {
      await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: bucket, configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } } }));
      done.push(`delivery channel to s3://${bucket}`);
    }
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: live.recorder!.name }));
    done.push('started recording');
  }
  const after = await readRecorder(config);
  if (!after.recording || !liveRecordsAll(after.recorder) || (global && !after.recorder?.recordingGroup?.includeGlobalResourceTypes)) {
    throw new Error(`AWS Config in ${region} does not read back recording all supported resource types`);
  }
  return done.length ? `${region}: ${done.join(', ')}` : `${region}: recorder ${after.recorder!.name} already records everything`;
}

async function readRules(config: ConfigServiceClient): Promise<ConfigRule[]> {
  const all: AwsConfigRule[] = [];
  let NextToken: string | undefined;
  do {
    const out = await config.send(new DescribeConfigRulesCommand({ NextToken }));
    all.push(...(out.ConfigRules ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return all.map((r) => ({ name: r.ConfigRuleName ?? '', sourceIdentifier: r.Source?.SourceIdentifier ?? null, owner: r.Source?.Owner ?? '', state: r.ConfigRuleState ?? null }));
}

async function runRules(ctx: ApplyContext, region: string, wanted: readonly SeedRule[]): Promise<string> {
  const config = ctx.session.client(ConfigServiceClient, { region });
  const present = await readRules(config);
  const todo = wanted.filter((s) => !hasRule(present, s));
  for (const rule of todo) {
    await config.send(new PutConfigRuleCommand({ ConfigRule: { ConfigRuleName: rule.name, Source: { Owner: 'AWS', SourceIdentifier: rule.identifier } } }));
  }
  const after = await readRules(config);
  const still = wanted.filter((s) => !hasRule(after, s));
  if (still.length) throw new Error(`Config rules ${still.map((s) => s.name).join(', ')} do not read back in ${region}`);
  return todo.length ? `${region}: added ${todo.map((s) => s.name).join(', ')}` : `${region}: the rules are there`;
}

// ---- the plan

export const configPlanner: Planner = {
  id: 'config',
  plan(ctx) {
    const spec = ctx.spec.config;
    if (spec === false) return [];
    const home = homeRegion(ctx);
    const global = globalRegion(ctx);
    const bucket = configBucketOf(ctx, spec);
    const recorders = ctx.regions.map((r) => planRecorder(ctx, r, global));
    const steps: Step[] = [];

    const needsNew = recorders.some((p) => p.unknown || !p.existing);
    const roleKnown = ctx.snapshot.iam.roles?.some((r) => r.name === CONFIG_ROLE);
    const roleBase = { id: CONFIG_STEPS.role, title: `Service-linked role ${CONFIG_ROLE}`, actions: ROLE_ACTIONS };
    if (needsNew) {
      if (roleKnown) steps.push({ ...roleBase, kind: 'noop', detail: `role ${CONFIG_ROLE} exists` });
      else {
        const unknown = ctx.snapshot.iam.roles === undefined ? `; ${notCollected('the IAM roles')}` : '';
        steps.push({ ...roleBase, kind: 'create', detail: `the role AWS Config records with (iam create-service-linked-role for config.amazonaws.com)${unknown}`, run: runRole });
      }
    }
    if (recorders.some((p) => p.mayNeedChannel)) {
      steps.push({
        id: CONFIG_STEPS.bucket,
        title: `AWS Config bucket ${bucket}`,
        actions: BUCKET_ACTIONS,
        kind: 'create',
        detail: `bucket ${bucket} (${home}) for the configuration history, with the AWS Config bucket policy (this account only, HTTPS only) and all four public access block settings; apply keeps it if it exists`,
        run: (apply) => runBucket(apply, bucket, home),
      });
    }
    for (const p of recorders) {
      const base = { id: CONFIG_STEPS.recorder(p.region), title: `AWS Config recorder in ${p.region}`, actions: RECORDER_ACTIONS, dependsOn: [CONFIG_STEPS.role, CONFIG_STEPS.bucket] };
      const run = (apply: ApplyContext) => runRecorder(apply, p.region, p.region === global, bucket);
      if (p.unknown) steps.push({ ...base, kind: 'update', detail: notCollected(`the AWS Config recorder in ${p.region}`), run });
      else if (!p.existing) steps.push({ ...base, kind: 'create', detail: `${p.changes.join('; ')} into s3://${bucket} (AWS Config bills per configuration item recorded)`, run });
      else if (p.changes.length) steps.push({ ...base, kind: 'update', detail: `adopt recorder ${p.existing.name} (one per region): ${p.changes.join('; ')}`, run });
      else steps.push({ ...base, kind: 'noop', detail: `recorder ${p.existing.name} records all supported resource types and is recording${p.existing.includeGlobalResourceTypes ? ' (global resource types too)' : ''}` });
    }

    if (spec.rules) {
      const accountWide = SEED_RULES.filter((s) => !s.regional);
      const regional = SEED_RULES.filter((s) => s.regional);
      // Account-wide rules already somewhere (in a region of the plan or any collected region) are not added again.
      const everywhere = Object.values(ctx.snapshot.regional).flatMap((f) => f.configRules ?? []);
      const owed = accountWide.filter((s) => !hasRule(everywhere, s));
      for (const region of ctx.regions) {
        const wanted = [...regional, ...(region === global ? owed : [])];
        const base = { id: CONFIG_STEPS.rules(region), title: `AWS Config rules of seed 003 in ${region}`, actions: RULE_ACTIONS, dependsOn: [CONFIG_STEPS.recorder(region)] };
        const run = (apply: ApplyContext) => runRules(apply, region, wanted);
        const rules = ctx.snapshot.regional[region]?.configRules;
        if (!rules) {
          steps.push({ ...base, kind: 'update', detail: `${wanted.map((s) => s.name).join(', ')}; ${notCollected(`the Config rules in ${region}`)}`, run });
          continue;
        }
        const missing = wanted.filter((s) => !hasRule(rules, s));
        if (!missing.length) steps.push({ ...base, kind: 'noop', detail: `${region} has ${wanted.map((s) => s.name).join(', ')}` });
        else {
          const where = region === global && owed.length ? ' (the account-wide ones once, in the region recording global resources)' : '';
          steps.push({ ...base, kind: missing.length === wanted.length ? 'create' : 'update', detail: `AWS managed rules ${missing.map((s) => s.name).join(', ')}${where}; each evaluation is billed`, run });
        }
      }
    }
    return steps;
  },
};
