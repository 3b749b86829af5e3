// KMS, Config, GuardDuty, Security Hub, Access Analyzer and Organizations through the real SDK clients:
// each region answers with its own facts (`*` for all, a region's own entry over it), pages, errors.
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  paginateDescribeConfigRules,
} from '@aws-sdk/client-config-service';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Fault, type Scenario } from './index.js';
import { NOW, config, rejection } from './test-helpers.js';

const ACCOUNT = '111111111111';
const KEY = 'AKIAREGIONAL00000001';
const ROTATED = '11111111-2222-4333-a444-555555555555';

const SCENARIO: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'none' },
  users: [{ name: 'auditor', created: '-9d', accessKeys: [{ id: KEY, secret: 'CANARY-regional-secret', created: '-9d' }] }],
  organization: { id: 'o-abcd123456', managementAccountId: '999999999999' },
  regional: {
    '*': {
      configRecorders: [{ recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES' }],
      configRules: ['root-access-key-check', 'cloudtrail-enabled', { name: 'my-custom', owner: 'CUSTOM_LAMBDA', sourceIdentifier: 'arn:aws:lambda:x' }],
      accessAnalyzers: [{ name: 'account-analyzer' }],
      guardDutyDetectors: [{}],
      securityHub: {},
    },
    'us-east-1': {
      kmsKeys: [
        { id: ROTATED, description: 'trail key', rotation: true },
        { description: 'no rotation' },
        { manager: 'AWS', description: 'Default key for S3' },
        { spec: 'RSA_2048', description: 'signing' },
        { state: 'PendingDeletion' },
      ],
      deliveryChannels: [{ bucket: 'config-bucket', prefix: 'config' }],
    },
    'eu-west-1': {
      configRecorders: [{ name: 'legacy', allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::EC2::Instance'], recording: false }],
      accessAnalyzers: [
        { name: 'org', type: 'ORGANIZATION' },
        { name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'DISABLED' },
      ],
      guardDutyDetectors: [{ id: '0123456789abcdef0123456789abcdef', status: 'DISABLED' }],
      securityHub: null,
    },
    'ap-south-1': { configRecorders: [], configRules: [], guardDutyDetectors: [], accessAnalyzers: [] },
  },
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(scenario: Scenario = SCENARIO, faults: Fault[] = []) {
  emulator = await startEmulator({ scenario, now: NOW, faults });
  const cfg = (region: string) => ({ ...config(emulator?.endpoint ?? '', KEY), region });
  return {
    emulator,
    kms: (region: string) => new KMSClient(cfg(region)),
    configService: (region: string) => new ConfigServiceClient(cfg(region)),
    guardduty: (region: string) => new GuardDutyClient(cfg(region)),
    securityhub: (region: string) => new SecurityHubClient(cfg(region)),
    analyzer: (region: string) => new AccessAnalyzerClient(cfg(region)),
    organizations: new OrganizationsClient(cfg('us-east-1')),
  };
}

describe('KMS', () => {
  it("lists a region's keys a page at a time", async () => {
    const { kms } = await start();
    const first = await kms('us-east-1').send(new ListKeysCommand({ Limit: 2 }));
    expect(first.Keys).toHaveLength(2);
    expect(first.Keys?.[0]).toEqual({ KeyId: ROTATED, KeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${ROTATED}` });
    expect(first.Truncated).toBe(true);
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms('us-east-1'), pageSize: 2 }, {})) ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    // Ids are derived, so they are the same on every run.
    expect(ids[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await kms('eu-west-1').send(new ListKeysCommand({}))).Keys).toEqual([]);
    const bad = await rejection(kms('us-east-1').send(new ListKeysCommand({ Marker: 'garbage' })));
    expect(bad.name).toBe('InvalidMarkerException');
  });

  it('describes a key by id or ARN, and says whether it rotates', async () => {
    const { kms } = await start();
    const keys = (await kms('us-east-1').send(new ListKeysCommand({}))).Keys ?? [];
    const describe = async (id: string) => (await kms('us-east-1').send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata;

    expect(await describe(keys[0]?.KeyArn ?? '')).toMatchObject({
      KeyId: ROTATED,
      AWSAccountId: ACCOUNT,
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyState: 'Enabled',
      Enabled: true,
      KeyUsage: 'ENCRYPT_DECRYPT',
      Description: 'trail key',
    });
    expect((await describe(keys[0]?.KeyId ?? ''))?.CreationDate).toBeInstanceOf(Date);
    expect(await describe(keys[2]?.KeyId ?? '')).toMatchObject({ KeyManager: 'AWS' });
    expect(await describe(keys[4]?.KeyId ?? '')).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false });

    const rotation = async (id: string) => (await kms('us-east-1').send(new GetKeyRotationStatusCommand({ KeyId: id }))).KeyRotationEnabled;
    expect(await rotation(ROTATED)).toBe(true);
    expect(await rotation(keys[1]?.KeyId ?? '')).toBe(false);
    expect(await rotation(keys[2]?.KeyId ?? '')).toBe(true);
    const asymmetric = await rejection(kms('us-east-1').send(new GetKeyRotationStatusCommand({ KeyId: keys[3]?.KeyId ?? '' })));
    expect(asymmetric.name).toBe('UnsupportedOperationException');
    // The key lives in us-east-1 only.
    const elsewhere = await rejection(kms('eu-west-1').send(new DescribeKeyCommand({ KeyId: ROTATED })));
    expect(elsewhere.name).toBe('NotFoundException');
  });
});

describe('Config', () => {
  it('gives recorders and their status, the wildcard region facts unless a region has its own', async () => {
    const { configService } = await start();
    const recorders = await configService('us-east-1').send(new DescribeConfigurationRecordersCommand({}));
    expect(recorders.ConfigurationRecorders).toEqual([
      expect.objectContaining({
        name: 'default',
        roleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
        recordingGroup: expect.objectContaining({
          allSupported: true,
          includeGlobalResourceTypes: true,
          recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
        }),
      }),
    ]);
    const status = await configService('us-east-1').send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(status.ConfigurationRecordersStatus?.[0]).toMatchObject({ name: 'default', recording: true, lastStatus: 'SUCCESS' });
    expect(status.ConfigurationRecordersStatus?.[0]?.lastStartTime).toBeInstanceOf(Date);

    const eu = await configService('eu-west-1').send(new DescribeConfigurationRecordersCommand({}));
    expect(eu.ConfigurationRecorders?.[0]).toMatchObject({ name: 'legacy', recordingGroup: { allSupported: false, resourceTypes: ['AWS::EC2::Instance'] } });
    expect(eu.ConfigurationRecorders?.[0]?.recordingGroup?.recordingStrategy).toBeUndefined();
    const euStatus = await configService('eu-west-1').send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(euStatus.ConfigurationRecordersStatus?.[0]).toMatchObject({ name: 'legacy', recording: false });

    expect((await configService('ap-south-1').send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders).toEqual([]);
    const missing = await rejection(configService('us-east-1').send(new DescribeConfigurationRecordersCommand({ ConfigurationRecorderNames: ['nope'] })));
    expect(missing.name).toBe('NoSuchConfigurationRecorderException');
  });

  it('gives the rules with their managed identifiers, 25 a page', async () => {
    const rules = Array.from({ length: 30 }, (_, i) => `rule-${i}`);
    const { configService } = await start({ ...SCENARIO, regional: { 'us-east-1': { configRules: ['iam-password-policy', ...rules] } } });
    const first = await configService('us-east-1').send(new DescribeConfigRulesCommand({}));
    expect(first.ConfigRules).toHaveLength(25);
    expect(first.NextToken).toBeTruthy();
    expect(first.ConfigRules?.[0]).toMatchObject({
      ConfigRuleName: 'iam-password-policy',
      Source: { Owner: 'AWS', SourceIdentifier: 'IAM_PASSWORD_POLICY' },
      ConfigRuleState: 'ACTIVE',
    });
    expect(first.ConfigRules?.[0]?.ConfigRuleArn).toMatch(new RegExp(`^arn:aws:config:us-east-1:${ACCOUNT}:config-rule/config-rule-[0-9a-f]{6}$`));
    const all: string[] = [];
    for await (const page of paginateDescribeConfigRules({ client: configService('us-east-1') }, {})) all.push(...(page.ConfigRules ?? []).map((r) => r.ConfigRuleName ?? ''));
    expect(all).toHaveLength(31);
    const named = await configService('us-east-1').send(new DescribeConfigRulesCommand({ ConfigRuleNames: ['rule-3'] }));
    expect(named.ConfigRules?.map((r) => r.ConfigRuleName)).toEqual(['rule-3']);
  });

  it('gives the seed rules of the wildcard, and the delivery channels', async () => {
    const { configService } = await start();
    const rules = (await configService('eu-west-1').send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [];
    expect(rules.map((r) => [r.ConfigRuleName, r.Source?.Owner, r.Source?.SourceIdentifier])).toEqual([
      ['root-access-key-check', 'AWS', 'IAM_ROOT_ACCESS_KEY_CHECK'],
      ['cloudtrail-enabled', 'AWS', 'CLOUD_TRAIL_ENABLED'],
      ['my-custom', 'CUSTOM_LAMBDA', 'arn:aws:lambda:x'],
    ]);
    const channels = await configService('us-east-1').send(new DescribeDeliveryChannelsCommand({}));
    expect(channels.DeliveryChannels).toEqual([
      { name: 'default', s3BucketName: 'config-bucket', s3KeyPrefix: 'config', configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } },
    ]);
  });
});

describe('GuardDuty', () => {
  it('lists the detector of each region and tells its status', async () => {
    const { guardduty } = await start();
    const east = await guardduty('us-east-1').send(new ListDetectorsCommand({}));
    expect(east.DetectorIds).toHaveLength(1);
    expect(east.DetectorIds?.[0]).toMatch(/^[0-9a-f]{32}$/);
    const detector = await guardduty('us-east-1').send(new GetDetectorCommand({ DetectorId: east.DetectorIds?.[0] ?? '' }));
    expect(detector).toMatchObject({ Status: 'ENABLED', FindingPublishingFrequency: 'SIX_HOURS' });
    expect(detector.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const eu = await guardduty('eu-west-1').send(new ListDetectorsCommand({}));
    expect(eu.DetectorIds).toEqual(['0123456789abcdef0123456789abcdef']);
    expect((await guardduty('eu-west-1').send(new GetDetectorCommand({ DetectorId: '0123456789abcdef0123456789abcdef' }))).Status).toBe('DISABLED');
    expect((await guardduty('ap-south-1').send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
    // The us-east-1 detector is not eu-west-1's.
    const foreign = await rejection(guardduty('eu-west-1').send(new GetDetectorCommand({ DetectorId: east.DetectorIds?.[0] ?? '' })));
    expect(foreign.name).toBe('BadRequestException');
  });

  it('can be refused in one region only', async () => {
    const { guardduty, emulator } = await start(SCENARIO, [{ operation: 'guardduty:*', kind: 'AccessDenied', region: 'eu-west-1' }]);
    const denied = await rejection(guardduty('eu-west-1').send(new ListDetectorsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    expect((await guardduty('us-east-1').send(new ListDetectorsCommand({}))).DetectorIds).toHaveLength(1);
    expect(emulator.calls()).toEqual({ 'guardduty:ListDetectors': 2 });
  });
});

describe('Security Hub DescribeHub', () => {
  it('gives the hub where it is on, InvalidAccessException (401) where it is not', async () => {
    const { securityhub } = await start();
    const hub = await securityhub('us-east-1').send(new DescribeHubCommand({}));
    expect(hub).toMatchObject({ HubArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default`, AutoEnableControls: true });
    expect(hub.SubscribedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const off = await rejection(securityhub('eu-west-1').send(new DescribeHubCommand({})));
    expect(off.name).toBe('InvalidAccessException');
    expect(off.message).toBe(`Account ${ACCOUNT} is not subscribed to AWS Security Hub`);
    expect(off.$metadata?.httpStatusCode).toBe(401);
  });
});

describe('Access Analyzer ListAnalyzers', () => {
  it("gives a region's analyzers, filtered by type", async () => {
    const { analyzer } = await start();
    const east = await analyzer('us-east-1').send(new ListAnalyzersCommand({}));
    expect(east.analyzers).toEqual([
      expect.objectContaining({
        arn: `arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/account-analyzer`,
        name: 'account-analyzer',
        type: 'ACCOUNT',
        status: 'ACTIVE',
      }),
    ]);
    expect(east.analyzers?.[0]?.createdAt).toBeInstanceOf(Date);
    const eu = await analyzer('eu-west-1').send(new ListAnalyzersCommand({ type: 'ORGANIZATION' }));
    expect(eu.analyzers?.map((a) => a.name)).toEqual(['org']);
    expect((await analyzer('ap-south-1').send(new ListAnalyzersCommand({}))).analyzers).toEqual([]);
  });
});

describe('Organizations DescribeOrganization', () => {
  it('gives the organization, or AWSOrganizationsNotInUseException when there is none', async () => {
    const { organizations } = await start();
    const out = await organizations.send(new DescribeOrganizationCommand({}));
    expect(out.Organization).toEqual({
      Id: 'o-abcd123456',
      Arn: 'arn:aws:organizations::999999999999:organization/o-abcd123456',
      FeatureSet: 'ALL',
      MasterAccountArn: 'arn:aws:organizations::999999999999:account/o-abcd123456/999999999999',
      MasterAccountId: '999999999999',
      MasterAccountEmail: 'aws-management@example.com',
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    });
    await emulator?.close();
    const alone = await start({ ...SCENARIO, organization: null });
    const error = await rejection(alone.organizations.send(new DescribeOrganizationCommand({})));
    expect(error.name).toBe('AWSOrganizationsNotInUseException');
  });
});
