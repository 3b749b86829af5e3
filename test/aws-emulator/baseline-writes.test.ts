// The write operations apply makes for logging, monitoring, Config and exposure, through the real SDK clients: each
// changes the world so that the next read (and a collect) sees it, in its own region only; and the checks AWS makes
// before it accepts a destination (a bucket policy, a key policy, a role) are made here too, so a planner that forgets
// one fails in tests as it would against AWS.
import { AccessAnalyzerClient, CreateAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient, CreateTrailCommand, DescribeTrailsCommand, GetTrailStatusCommand, PutEventSelectorsCommand, StartLoggingCommand, UpdateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeMetricFiltersCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  PutConfigRuleCommand,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { DescribeRuleCommand, EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateDetectorCommand, GetDetectorCommand, GuardDutyClient, UpdateDetectorCommand } from '@aws-sdk/client-guardduty';
import { CreateRoleCommand, CreateServiceLinkedRoleCommand, GetRolePolicyCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, EnableKeyRotationCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
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
} from '@aws-sdk/client-s3';
import { DescribeHubCommand, EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateTopicCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Scenario } from './index.js';
import { NOW, config, rejection } from './test-helpers.js';

const ACCOUNT = '333333333333';
const KEY = 'AKIAWRITER0000000001';
const SCENARIO: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'none' },
  users: [{ name: 'ops', created: '-9d', accessKeys: [{ id: KEY, secret: 'CANARY-writer-secret', created: '-9d' }] }],
  buckets: [{ name: 'someone-elses', owner: '999999999999' }],
  regional: { '*': { guardDutyDetectors: [], kmsKeys: [{ description: 'shared by every region' }] } },
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(scenario: Scenario = SCENARIO): Promise<Emulator> {
  emulator = await startEmulator({ scenario, now: NOW });
  return emulator;
}
const cfg = (emu: Emulator, region = 'us-east-1') => ({ ...config(emu.endpoint, KEY), region });
const s3 = (emu: Emulator, region = 'us-east-1') => new S3Client({ ...cfg(emu, region), forcePathStyle: true });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const bucketPolicy = (bucket: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/*` }] });

describe('S3', () => {
  it('creates a bucket in the region signed for, with the public access block on, and changes its policy, block and logging', async () => {
    const emu = await start();
    const eu = s3(emu, 'eu-west-1');
    await eu.send(new CreateBucketCommand({ Bucket: 'acme-logs', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    await eu.send(new CreateBucketCommand({ Bucket: 'acme-access', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    expect((await eu.send(new HeadBucketCommand({ Bucket: 'acme-logs' }))).BucketRegion).toBe('eu-west-1');
    expect((await eu.send(new GetPublicAccessBlockCommand({ Bucket: 'acme-logs' }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect((await rejection(eu.send(new CreateBucketCommand({ Bucket: 'acme-logs', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })))).name).toBe('BucketAlreadyOwnedByYou');
    expect((await rejection(s3(emu).send(new CreateBucketCommand({ Bucket: 'someone-elses' })))).name).toBe('BucketAlreadyExists');
    expect((await rejection(s3(emu).send(new CreateBucketCommand({ Bucket: 'acme-x', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })))).name).toBe('IllegalLocationConstraintException');
    expect((await rejection(s3(emu).send(new HeadBucketCommand({ Bucket: 'nope' })))).name).toBe('NotFound');

    const publicPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-logs/*' }] });
    expect((await rejection(eu.send(new PutBucketPolicyCommand({ Bucket: 'acme-logs', Policy: publicPolicy })))).name).toBe('AccessDenied');
    await eu.send(new PutBucketPolicyCommand({ Bucket: 'acme-logs', Policy: bucketPolicy('acme-logs') }));
    expect((await eu.send(new GetBucketPolicyCommand({ Bucket: 'acme-logs' }))).Policy).toBe(bucketPolicy('acme-logs'));
    await eu.send(new PutPublicAccessBlockCommand({ Bucket: 'acme-logs', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false } }));
    expect((await eu.send(new GetPublicAccessBlockCommand({ Bucket: 'acme-logs' }))).PublicAccessBlockConfiguration?.IgnorePublicAcls).toBe(false);

    await eu.send(new PutBucketLoggingCommand({ Bucket: 'acme-logs', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'acme-access', TargetPrefix: 'acme-logs/' } } }));
    expect((await eu.send(new GetBucketLoggingCommand({ Bucket: 'acme-logs' }))).LoggingEnabled).toEqual({ TargetBucket: 'acme-access', TargetPrefix: 'acme-logs/' });
    await s3(emu).send(new CreateBucketCommand({ Bucket: 'acme-us' }));
    expect((await rejection(eu.send(new PutBucketLoggingCommand({ Bucket: 'acme-logs', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'acme-us', TargetPrefix: '' } } })))).name).toBe('CrossLocationLoggingProhibitted');
    expect((await rejection(eu.send(new PutBucketLoggingCommand({ Bucket: 'acme-logs', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'missing', TargetPrefix: '' } } })))).name).toBe('InvalidTargetBucketForLogging');
    expect(emu.calls()).toMatchObject({ 's3:CreateBucket': 6, 's3:HeadBucket': 2, 's3:PutBucketPolicy': 2, 's3:PutPublicAccessBlock': 1, 's3:PutBucketLogging': 3 });
  });
});

describe('KMS', () => {
  it('creates a key in its region only, names it, rotates it, and refuses a policy that would lock the account out', async () => {
    const emu = await start();
    const kms = new KMSClient(cfg(emu));
    const created = (await kms.send(new CreateKeyCommand({ Description: 'trail key' }))).KeyMetadata!;
    expect(created).toMatchObject({ KeyManager: 'CUSTOMER', KeyState: 'Enabled', Description: 'trail key' });
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/cloudtrail/main', TargetKeyId: created.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/cloudtrail/main' }))).KeyMetadata?.Arn).toBe(created.Arn);
    expect((await rejection(kms.send(new CreateAliasCommand({ AliasName: 'alias/cloudtrail/main', TargetKeyId: created.KeyId })))).name).toBe('AlreadyExistsException');
    await kms.send(new EnableKeyRotationCommand({ KeyId: created.KeyId }));
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: created.Arn }))).KeyRotationEnabled).toBe(true);
    const lockout = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*' }] });
    expect((await rejection(kms.send(new PutKeyPolicyCommand({ KeyId: created.KeyId, PolicyName: 'default', Policy: lockout })))).name).toBe('MalformedPolicyDocumentException');

    // The `*` key keeps its id in each region, and the new key is in us-east-1 only.
    expect((await kms.send(new ListKeysCommand({}))).Keys).toHaveLength(2);
    const eu = new KMSClient(cfg(emu, 'eu-west-1'));
    expect((await eu.send(new ListKeysCommand({}))).Keys).toHaveLength(1);
    expect((await rejection(eu.send(new DescribeKeyCommand({ KeyId: 'alias/cloudtrail/main' })))).name).toBe('NotFoundException');
  });
});

describe('CloudTrail', () => {
  async function destinations(emu: Emulator) {
    await s3(emu).send(new CreateBucketCommand({ Bucket: 'trail-bucket' }));
    const logs = new CloudWatchLogsClient(cfg(emu));
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'trail/main' }));
    const iam = new IAMClient(cfg(emu));
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'ct-logs', AssumeRolePolicyDocument: TRUST }))).Role!;
    return { iam, role };
  }

  it('accepts a trail only where it can write, and logs only once started', async () => {
    const emu = await start();
    const { iam, role } = await destinations(emu);
    const ct = new CloudTrailClient(cfg(emu));
    expect((await rejection(ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'missing' })))).name).toBe('S3BucketDoesNotExistException');
    expect((await rejection(ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-bucket' })))).name).toBe('InsufficientS3BucketPolicyException');
    await s3(emu).send(new PutBucketPolicyCommand({ Bucket: 'trail-bucket', Policy: bucketPolicy('trail-bucket') }));
    await ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-bucket', IsMultiRegionTrail: true, EnableLogFileValidation: true }));
    expect((await rejection(ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-bucket' })))).name).toBe('TrailAlreadyExistsException');
    expect((await ct.send(new GetTrailStatusCommand({ Name: 'main' }))).IsLogging).toBe(false);
    await ct.send(new StartLoggingCommand({ Name: 'main' }));
    expect((await ct.send(new GetTrailStatusCommand({ Name: 'main' }))).IsLogging).toBe(true);

    // A key whose policy does not let CloudTrail encrypt, a role without a policy: refused, and the trail is unchanged.
    const kms = new KMSClient(cfg(emu));
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    expect((await rejection(ct.send(new UpdateTrailCommand({ Name: 'main', KmsKeyId: key.Arn })))).name).toBe('InsufficientEncryptionPolicyException');
    const logGroup = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail/main:*`;
    expect((await rejection(ct.send(new UpdateTrailCommand({ Name: 'main', CloudWatchLogsLogGroupArn: logGroup, CloudWatchLogsRoleArn: role.Arn })))).name).toBe('InvalidCloudWatchLogsRoleArnException');
    await iam.send(new PutRolePolicyCommand({ RoleName: 'ct-logs', PolicyName: 'logs', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }] }) }));
    expect((await iam.send(new GetRolePolicyCommand({ RoleName: 'ct-logs', PolicyName: 'logs' }))).PolicyName).toBe('logs');
    await ct.send(new UpdateTrailCommand({ Name: 'main', CloudWatchLogsLogGroupArn: logGroup, CloudWatchLogsRoleArn: role.Arn }));
    const policy = { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*' },
    ] };
    await kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: JSON.stringify(policy) }));
    await ct.send(new UpdateTrailCommand({ Name: 'main', KmsKeyId: key.KeyId }));
    await ct.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] }));

    const [trail] = (await ct.send(new DescribeTrailsCommand({}))).trailList!;
    expect(trail).toMatchObject({ Name: 'main', IsMultiRegionTrail: true, LogFileValidationEnabled: true, KmsKeyId: key.Arn, CloudWatchLogsLogGroupArn: logGroup, CloudWatchLogsRoleArn: role.Arn, HasCustomEventSelectors: true });
    // A multi-region trail is seen from every region, and changed only from its home.
    const eu = new CloudTrailClient(cfg(emu, 'eu-west-1'));
    expect((await eu.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.Name)).toEqual(['main']);
    expect((await rejection(eu.send(new StartLoggingCommand({ Name: trail!.TrailARN })))).name).toBe('InvalidHomeRegionException');
  });
});

describe('CloudWatch Logs, SNS, EventBridge', () => {
  it('keeps log groups and filters, topic policies and rules per region', async () => {
    const emu = await start();
    const logs = new CloudWatchLogsClient(cfg(emu));
    expect((await rejection(logs.send(new PutMetricFilterCommand({ logGroupName: 'nope', filterName: 'f', filterPattern: '{ $.x = 1 }', metricTransformations: [{ metricName: 'm', metricNamespace: 'n', metricValue: '1' }] })))).name).toBe('ResourceNotFoundException');
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'g' }));
    expect((await rejection(logs.send(new CreateLogGroupCommand({ logGroupName: 'g' })))).name).toBe('ResourceAlreadyExistsException');
    for (const pattern of ['{ $.a = 1 }', '{ $.a = 2 }']) {
      await logs.send(new PutMetricFilterCommand({ logGroupName: 'g', filterName: 'f', filterPattern: pattern, metricTransformations: [{ metricName: 'm', metricNamespace: 'n', metricValue: '1' }] }));
    }
    expect((await logs.send(new DescribeMetricFiltersCommand({ logGroupName: 'g' }))).metricFilters?.map((f) => f.filterPattern)).toEqual(['{ $.a = 2 }']);

    const sns = new SNSClient(cfg(emu));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'sec' }));
    expect((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes?.['Policy']).toContain('__default_statement_ID');
    const policy = JSON.stringify({ Version: '2008-10-17', Statement: [{ Sid: 'events', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: TopicArn }] });
    await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'Policy', AttributeValue: policy }));
    expect((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes?.['Policy']).toBe(policy);
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'a@b.example' }));
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions?.[0]?.SubscriptionArn).toBe('PendingConfirmation');
    expect(emu.confirmSubscriptions()).toBe(1);
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions?.[0]?.SubscriptionArn).toMatch(/^arn:aws:sns:us-east-1:333333333333:sec:/);

    const events = new EventBridgeClient(cfg(emu));
    const pattern = JSON.stringify({ 'detail-type': ['AWS Console Sign In via CloudTrail'] });
    expect((await events.send(new PutRuleCommand({ Name: 'root', EventPattern: pattern }))).RuleArn).toBe(`arn:aws:events:us-east-1:${ACCOUNT}:rule/root`);
    expect((await rejection(events.send(new PutRuleCommand({ Name: 'bad', EventPattern: '{not json' })))).name).toBe('InvalidEventPatternException');
    expect((await rejection(events.send(new PutTargetsCommand({ Rule: 'missing', Targets: [{ Id: 't', Arn: TopicArn }] })))).name).toBe('ResourceNotFoundException');
    await events.send(new PutTargetsCommand({ Rule: 'root', Targets: [{ Id: 't', Arn: TopicArn }] }));
    expect(await events.send(new DescribeRuleCommand({ Name: 'root' }))).toMatchObject({ Name: 'root', State: 'ENABLED', EventPattern: pattern });
    expect((await events.send(new ListTargetsByRuleCommand({ Rule: 'root' }))).Targets).toEqual([{ Id: 't', Arn: TopicArn }]);
    expect((await new EventBridgeClient(cfg(emu, 'eu-west-1')).send(new ListRulesCommand({}))).Rules).toEqual([]);
    expect(emu.calls()).toMatchObject({ 'events:PutRule': 2, 'events:PutTargets': 2, 'events:DescribeRule': 1 });
  });
});

describe('Config, GuardDuty, Access Analyzer', () => {
  it('needs a role for a new recorder, a recorder for a channel and a rule, a channel to record', async () => {
    const emu = await start();
    const config = new ConfigServiceClient(cfg(emu));
    const roleARN = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
    const recorder = { name: 'default', roleARN, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } };
    expect((await rejection(config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: recorder })))).name).toBe('InvalidRoleException');
    await new IAMClient(cfg(emu)).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'config.amazonaws.com' }));
    expect((await rejection(config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'b' } })))).name).toBe('NoAvailableConfigurationRecorderException');
    await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: recorder }));
    expect((await rejection(config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { ...recorder, name: 'second' } })))).name).toBe('MaxNumberOfConfigurationRecordersExceededException');
    expect((await rejection(config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' })))).name).toBe('NoAvailableDeliveryChannelException');
    await s3(emu).send(new CreateBucketCommand({ Bucket: 'config-bucket' }));
    expect((await rejection(config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-bucket' } })))).name).toBe('InsufficientDeliveryPolicyException');
    await s3(emu).send(
      new PutBucketPolicyCommand({
        Bucket: 'config-bucket',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::config-bucket/*' }] }),
      }),
    );
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-bucket' } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    expect((await config.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus?.[0]).toMatchObject({ recording: true, lastStatus: 'SUCCESS' });
    await config.send(new PutConfigRuleCommand({ ConfigRule: { ConfigRuleName: 'root-access-key-check', Source: { Owner: 'AWS', SourceIdentifier: 'IAM_ROOT_ACCESS_KEY_CHECK' } } }));
    expect((await config.send(new DescribeConfigRulesCommand({}))).ConfigRules?.map((r) => [r.ConfigRuleName, r.Source?.SourceIdentifier])).toEqual([['root-access-key-check', 'IAM_ROOT_ACCESS_KEY_CHECK']]);
    // Another region is untouched.
    expect((await rejection(new ConfigServiceClient(cfg(emu, 'eu-west-1')).send(new PutConfigRuleCommand({ ConfigRule: { ConfigRuleName: 'x', Source: { Owner: 'AWS', SourceIdentifier: 'X' } } })))).name).toBe('NoAvailableConfigurationRecorderException');
  });

  it('allows one GuardDuty detector and one account analyzer per region', async () => {
    const emu = await start();
    const gd = new GuardDutyClient(cfg(emu));
    const { DetectorId } = await gd.send(new CreateDetectorCommand({ Enable: false }));
    expect((await gd.send(new GetDetectorCommand({ DetectorId }))).Status).toBe('DISABLED');
    expect((await rejection(gd.send(new CreateDetectorCommand({ Enable: true })))).name).toBe('BadRequestException');
    await gd.send(new UpdateDetectorCommand({ DetectorId, Enable: true }));
    expect((await gd.send(new GetDetectorCommand({ DetectorId }))).Status).toBe('ENABLED');
    expect((await new GuardDutyClient(cfg(emu, 'eu-west-1')).send(new CreateDetectorCommand({ Enable: true }))).DetectorId).not.toBe(DetectorId);

    const aa = new AccessAnalyzerClient(cfg(emu));
    expect((await aa.send(new CreateAnalyzerCommand({ analyzerName: 'external', type: 'ACCOUNT' }))).arn).toBe(`arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/external`);
    expect((await aa.send(new ListAnalyzersCommand({}))).analyzers?.map((a) => [a.name, a.type, a.status])).toEqual([['external', 'ACCOUNT', 'ACTIVE']]);
    expect((await rejection(aa.send(new CreateAnalyzerCommand({ analyzerName: 'external', type: 'ACCOUNT' })))).name).toBe('ConflictException');
    expect((await rejection(aa.send(new CreateAnalyzerCommand({ analyzerName: 'second', type: 'ACCOUNT' })))).name).toBe('ServiceQuotaExceededException');
  });

  it('enables Security Hub once per region; DescribeHub then answers there only', async () => {
    const emu = await start();
    const hub = new SecurityHubClient(cfg(emu));
    expect((await rejection(hub.send(new DescribeHubCommand({})))).name).toBe('InvalidAccessException');
    await hub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: true }));
    expect(await hub.send(new DescribeHubCommand({}))).toMatchObject({ HubArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default`, SubscribedAt: NOW.toISOString(), AutoEnableControls: true });
    expect((await rejection(hub.send(new EnableSecurityHubCommand({})))).name).toBe('ResourceConflictException');
    expect((await rejection(new SecurityHubClient(cfg(emu, 'eu-west-1')).send(new DescribeHubCommand({})))).name).toBe('InvalidAccessException');
    expect(emu.calls()).toMatchObject({ 'securityhub:EnableSecurityHub': 2, 'securityhub:DescribeHub': 3 });
  });

  it('starts every emulator from the scenario, not from what another one wrote', async () => {
    const first = await start();
    await new GuardDutyClient(cfg(first)).send(new CreateDetectorCommand({ Enable: true }));
    await first.close();
    const second = await start();
    const { ListDetectorsCommand } = await import('@aws-sdk/client-guardduty');
    expect((await new GuardDutyClient(cfg(second)).send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
  });
});
