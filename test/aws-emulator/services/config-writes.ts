// AWS Config's writes: PutConfigurationRecorder, PutDeliveryChannel, StartConfigurationRecorder,
// StopConfigurationRecorder, PutConfigRule. AWS allows one recorder and one delivery channel per region; a delivery
// channel and a rule need a recorder first, recording needs a delivery channel, and the channel's bucket must exist
// and let config.amazonaws.com PutObject. A new recorder is not recording until it is started.
import { ApiError } from '../errors.js';
import type { ConfigRecorderFacts, ConfigRuleFacts } from '../scenario-regional.js';
import type { JsonHandler, RequestContext } from '../service.js';
import { grantsService } from './policy-grants.js';
import { factsHere, ownFacts } from './region-facts.js';

const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function needRecorder(ctx: RequestContext): void {
  if ((factsHere(ctx).configRecorders ?? []).length === 0) {
    throw new ApiError('NoAvailableConfigurationRecorderException', 'Configuration recorder is not available to put delivery channel.', 400);
  }
}

export const CONFIG_WRITE_OPERATIONS: Readonly<Record<string, JsonHandler>> = {
  PutConfigurationRecorder(input, ctx) {
    const recorder = record(input['ConfigurationRecorder']);
    const name = text(recorder['name']) ?? 'default';
    const roleArn = text(recorder['roleARN']);
    const recorders = ownFacts(ctx, 'configRecorders');
    const existing = recorders.find((r) => r.name === name);
    // A scenario's recorder has the role DescribeConfigurationRecorders shows; a new one needs a role that exists.
    if (!roleArn || (!existing && !ctx.world.roles.some((r) => r.arn === roleArn))) throw new ApiError('InvalidRoleException', `The role ${roleArn ?? '(null)'} cannot be assumed by AWS Config.`, 400);
    const group = record(recorder['recordingGroup']);
    const allSupported = group['allSupported'] !== false;
    const includeGlobal = group['includeGlobalResourceTypes'] === true;
    if (includeGlobal && !allSupported) throw new ApiError('InvalidRecordingGroupException', 'includeGlobalResourceTypes needs allSupported.', 400);
    const strategy = text(record(group['recordingStrategy'])['useOnly']) as ConfigRecorderFacts['recordingStrategy'];
    const other = recorders.find((r) => r.name !== name);
    if (other) {
      throw new ApiError('MaxNumberOfConfigurationRecordersExceededException', `Failed to put configuration recorder '${name}' because the maximum number of configuration recorders: 1 is reached.`, 400);
    }
    const next: ConfigRecorderFacts = {
      name,
      allSupported,
      includeGlobalResourceTypes: includeGlobal,
      recordingStrategy: strategy ?? (allSupported ? 'ALL_SUPPORTED_RESOURCE_TYPES' : 'INCLUSION_BY_RESOURCE_TYPES'),
      resourceTypes: Array.isArray(group['resourceTypes']) ? (group['resourceTypes'] as unknown[]).map(String) : [],
      recording: existing?.recording ?? false,
      lastStatus: existing?.lastStatus ?? 'PENDING',
    };
    if (existing) Object.assign(existing, next);
    else recorders.push(next);
    return {};
  },

  PutDeliveryChannel(input, ctx) {
    needRecorder(ctx);
    const channel = record(input['DeliveryChannel']);
    const name = text(channel['name']) ?? 'default';
    const bucketName = text(channel['s3BucketName']);
    if (!bucketName) throw new ApiError('NoSuchBucketException', 'Cannot find an S3 bucket with an empty bucket name.', 400);
    const bucket = ctx.world.logging.buckets.find((b) => b.name === bucketName);
    if (!bucket) throw new ApiError('NoSuchBucketException', `Cannot find a S3 bucket with name ${bucketName}.`, 400);
    if (bucket.owner === ctx.world.account.id && !grantsService(bucket.policy, 'config.amazonaws.com', 's3:PutObject')) {
      throw new ApiError('InsufficientDeliveryPolicyException', `Insufficient delivery policy to s3 bucket: ${bucketName}, unable to write to bucket, provided s3 key prefix is 'null'.`, 400);
    }
    const channels = ownFacts(ctx, 'deliveryChannels');
    if (channels.some((c) => c.name !== name)) {
      throw new ApiError('MaxNumberOfDeliveryChannelsExceededException', `Failed to put delivery channel '${name}' because the maximum number of delivery channels: 1 is reached.`, 400);
    }
    const next = { name, bucket: bucketName, prefix: text(channel['s3KeyPrefix']), snsTopicArn: text(channel['snsTopicARN']) };
    const at = channels.findIndex((c) => c.name === name);
    if (at >= 0) channels.splice(at, 1, next);
    else channels.push(next);
    return {};
  },

  StartConfigurationRecorder(input, ctx) {
    const name = text(input['ConfigurationRecorderName']);
    const recorder = ownFacts(ctx, 'configRecorders').find((r) => r.name === name);
    if (!recorder) throw new ApiError('NoSuchConfigurationRecorderException', `Cannot find configuration recorder with the specified name '${name ?? ''}'.`, 400);
    if ((factsHere(ctx).deliveryChannels ?? []).length === 0) {
      throw new ApiError('NoAvailableDeliveryChannelException', 'Delivery channel is not available to start configuration recorder.', 400);
    }
    recorder.recording = true;
    recorder.lastStatus = 'SUCCESS';
    return {};
  },

  StopConfigurationRecorder(input, ctx) {
    const name = text(input['ConfigurationRecorderName']);
    const recorder = ownFacts(ctx, 'configRecorders').find((r) => r.name === name);
    if (!recorder) throw new ApiError('NoSuchConfigurationRecorderException', `Cannot find configuration recorder with the specified name '${name ?? ''}'.`, 400);
    recorder.recording = false;
    return {};
  },

  PutConfigRule(input, ctx) {
    needRecorder(ctx);
    const rule = record(input['ConfigRule']);
    const name = text(rule['ConfigRuleName']);
    if (!name) throw new ApiError('InvalidParameterValueException', 'ConfigRuleName is required.', 400);
    const source = record(rule['Source']);
    const owner = text(source['Owner']);
    if (owner !== 'AWS' && owner !== 'CUSTOM_LAMBDA' && owner !== 'CUSTOM_POLICY') throw new ApiError('InvalidParameterValueException', 'Source.Owner must be AWS, CUSTOM_LAMBDA or CUSTOM_POLICY.', 400);
    const identifier = text(source['SourceIdentifier']);
    if (owner === 'AWS' && !identifier) throw new ApiError('InvalidParameterValueException', 'An AWS managed rule needs a SourceIdentifier.', 400);
    const rules = ownFacts(ctx, 'configRules');
    const next: ConfigRuleFacts = { name, sourceIdentifier: identifier, owner, state: 'ACTIVE' };
    const at = rules.findIndex((r) => (typeof r === 'string' ? r : r.name) === name);
    if (at >= 0) rules.splice(at, 1, next);
    else rules.push(next);
    return {};
  },
};
