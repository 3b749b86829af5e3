// CloudTrail and S3 (trail buckets) through the real SDK clients: shapes, shadow trails, per-region answers, errors.
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Fault, type Scenario } from './index.js';
import { NOW, config, rejection } from './test-helpers.js';
import { canonicalUserId } from './world-logging.js';

const ACCOUNT = '111111111111';
const MANAGEMENT = '999999999999';
const KEY = 'AKIALOGGING000000001';

const SCENARIO: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'none' },
  users: [{ name: 'auditor', created: '-9d', accessKeys: [{ id: KEY, secret: 'CANARY-logging-secret', created: '-9d' }] }],
  s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
  trails: [
    {
      name: 'main',
      homeRegion: 'us-east-1',
      multiRegion: true,
      bucket: 'main-trail-logs',
      prefix: 'ct',
      kmsKeyId: '0a1b2c3d-1111-4222-a333-444455556666',
      logFileValidation: true,
      cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:CloudTrail/DefaultLogGroup:*`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`,
      advancedEventSelectors: [
        { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
        {
          name: 'S3 data events',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    },
    {
      name: 'west-only',
      homeRegion: 'us-west-2',
      bucket: 'eu-logs',
      logging: false,
      eventSelectors: [{ readWriteType: 'WriteOnly', dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }],
    },
    { name: 'plain', homeRegion: 'eu-west-1', bucket: 'eu-logs' },
    { name: 'org-trail', homeRegion: 'eu-west-1', multiRegion: true, organization: true, account: MANAGEMENT, bucket: 'org-archive' },
  ],
  buckets: [
    {
      name: 'main-trail-logs',
      region: 'us-east-1',
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' },
        ],
      },
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      logging: { targetBucket: 'access-logs', targetPrefix: 'main-trail-logs/' },
    },
    { name: 'eu-logs', region: 'eu-west-1', aclGrants: [{ grantee: 'AllUsers', permission: 'READ' }] },
    { name: 'org-archive', region: 'eu-west-1', owner: MANAGEMENT },
  ],
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(faults: Fault[] = []) {
  emulator = await startEmulator({ scenario: SCENARIO, now: NOW, faults });
  const endpoint = emulator.endpoint;
  return {
    emulator,
    cloudtrail: (region: string) => new CloudTrailClient({ ...config(endpoint, KEY), region }),
    s3: (region: string) => new S3Client({ ...config(endpoint, KEY), region }),
    s3control: new S3ControlClient({ ...config(endpoint, KEY), endpointProvider: () => ({ url: new URL(endpoint) }) }),
  };
}

const arnOf = (name: string, region: string, account = ACCOUNT) => `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;

describe('CloudTrail DescribeTrails', () => {
  it("shows a region's own trails and the shadows of multi-region and organization trails", async () => {
    const { cloudtrail } = await start();
    const names = async (region: string, includeShadowTrails?: boolean) =>
      ((await cloudtrail(region).send(new DescribeTrailsCommand({ includeShadowTrails }))).trailList ?? []).map((t) => t.Name).sort();

    expect(await names('us-east-1')).toEqual(['main', 'org-trail']);
    expect(await names('us-west-2')).toEqual(['main', 'org-trail', 'west-only']);
    expect(await names('eu-west-1')).toEqual(['main', 'org-trail', 'plain']);
    expect(await names('us-west-2', false)).toEqual(['west-only']);
    // An organization trail belongs to the management account: a member never sees it as its own.
    expect(await names('eu-west-1', false)).toEqual(['plain']);
  });

  it('gives every field of a trail', async () => {
    const { cloudtrail } = await start();
    const out = await cloudtrail('ap-southeast-1').send(new DescribeTrailsCommand({ trailNameList: [arnOf('main', 'us-east-1')] }));
    expect(out.trailList).toEqual([
      {
        Name: 'main',
        S3BucketName: 'main-trail-logs',
        S3KeyPrefix: 'ct',
        IncludeGlobalServiceEvents: true,
        IsMultiRegionTrail: true,
        HomeRegion: 'us-east-1',
        TrailARN: arnOf('main', 'us-east-1'),
        LogFileValidationEnabled: true,
        CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:CloudTrail/DefaultLogGroup:*`,
        CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`,
        KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-1111-4222-a333-444455556666`,
        HasCustomEventSelectors: true,
        HasInsightSelectors: false,
        IsOrganizationTrail: false,
      },
    ]);
    const org = await cloudtrail('us-east-1').send(new DescribeTrailsCommand({ trailNameList: ['org-trail'] }));
    expect(org.trailList?.[0]).toMatchObject({ IsOrganizationTrail: true, TrailARN: arnOf('org-trail', 'eu-west-1', MANAGEMENT) });
  });
});

describe('CloudTrail GetTrailStatus and GetEventSelectors', () => {
  it('find a trail by name in its home region and by ARN anywhere', async () => {
    const { cloudtrail } = await start();
    const status = await cloudtrail('us-east-1').send(new GetTrailStatusCommand({ Name: 'main' }));
    expect(status.IsLogging).toBe(true);
    expect(status.LatestDeliveryTime).toBeInstanceOf(Date);
    expect(status.StartLoggingTime?.getTime()).toBeLessThan(NOW.getTime());

    const shadow = await cloudtrail('eu-west-1').send(new GetTrailStatusCommand({ Name: arnOf('main', 'us-east-1') }));
    expect(shadow.IsLogging).toBe(true);
    const stopped = await cloudtrail('us-west-2').send(new GetTrailStatusCommand({ Name: 'west-only' }));
    expect(stopped.IsLogging).toBe(false);
    expect(stopped.StopLoggingTime).toBeInstanceOf(Date);

    const byName = await rejection(cloudtrail('eu-west-1').send(new GetTrailStatusCommand({ Name: 'main' })));
    expect(byName.name).toBe('TrailNotFoundException');
    const badArn = await rejection(cloudtrail('us-east-1').send(new GetTrailStatusCommand({ Name: 'arn:aws:cloudtrail:nowhere' })));
    expect(badArn.name).toBe('CloudTrailARNInvalidException');
    // A single-region trail has no shadow: another region does not know it, even by ARN.
    const noShadow = await rejection(cloudtrail('us-east-1').send(new GetTrailStatusCommand({ Name: arnOf('plain', 'eu-west-1') })));
    expect(noShadow.name).toBe('TrailNotFoundException');
  });

  it('give advanced selectors, basic ones, or the default of all management events', async () => {
    const { cloudtrail } = await start();
    const advanced = await cloudtrail('us-east-1').send(new GetEventSelectorsCommand({ TrailName: 'main' }));
    expect(advanced.TrailARN).toBe(arnOf('main', 'us-east-1'));
    expect(advanced.EventSelectors).toBeUndefined();
    expect(advanced.AdvancedEventSelectors?.[1]).toEqual({
      Name: 'S3 data events',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
      ],
    });

    const basic = await cloudtrail('us-west-2').send(new GetEventSelectorsCommand({ TrailName: 'west-only' }));
    expect(basic.EventSelectors).toEqual([
      { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }], ExcludeManagementEventSources: [] },
    ]);
    expect(basic.AdvancedEventSelectors).toBeUndefined();

    const fallback = await cloudtrail('eu-west-1').send(new GetEventSelectorsCommand({ TrailName: 'plain' }));
    expect(fallback.EventSelectors).toEqual([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }]);
  });

  it('can be refused in one region only', async () => {
    const { cloudtrail, emulator } = await start([{ operation: 'cloudtrail:GetTrailStatus', kind: 'AccessDenied', region: 'us-west-2' }]);
    const denied = await rejection(cloudtrail('us-west-2').send(new GetTrailStatusCommand({ Name: 'west-only' })));
    expect(denied.name).toBe('AccessDeniedException');
    expect((await cloudtrail('us-east-1').send(new GetTrailStatusCommand({ Name: 'main' }))).IsLogging).toBe(true);
    expect(emulator.calls()).toEqual({ 'cloudtrail:GetTrailStatus': 2 });
  });
});

describe('S3 bucket configuration', () => {
  it("reads a bucket's location from any region, the rest only in the bucket's own", async () => {
    const { s3 } = await start();
    expect((await s3('eu-west-1').send(new GetBucketLocationCommand({ Bucket: 'main-trail-logs' }))).LocationConstraint).toBeUndefined();
    expect((await s3('us-east-1').send(new GetBucketLocationCommand({ Bucket: 'eu-logs' }))).LocationConstraint).toBe('eu-west-1');
    const moved = await rejection(s3('us-east-1').send(new GetBucketAclCommand({ Bucket: 'eu-logs' })));
    expect(moved.name).toBe('PermanentRedirect');
    expect(moved.$metadata?.httpStatusCode).toBe(301);
  });

  it('gives the policy as the JSON text stored, or NoSuchBucketPolicy', async () => {
    const { s3 } = await start();
    const out = await s3('us-east-1').send(new GetBucketPolicyCommand({ Bucket: 'main-trail-logs' }));
    expect(JSON.parse(out.Policy ?? '')).toMatchObject({ Statement: [{ Sid: 'AWSCloudTrailWrite' }] });
    const none = await rejection(s3('eu-west-1').send(new GetBucketPolicyCommand({ Bucket: 'eu-logs' })));
    expect(none.name).toBe('NoSuchBucketPolicy');
    expect(none.$metadata?.httpStatusCode).toBe(404);
  });

  it('gives the ACL with typed grantees', async () => {
    const { s3 } = await start();
    const out = await s3('eu-west-1').send(new GetBucketAclCommand({ Bucket: 'eu-logs' }));
    const owner = canonicalUserId(ACCOUNT);
    expect(out.Owner).toEqual({ ID: owner });
    expect(out.Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ID: owner }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
    ]);
  });

  it('gives the public access block or NoSuchPublicAccessBlockConfiguration, and the access logging', async () => {
    const { s3 } = await start();
    const block = await s3('us-east-1').send(new GetPublicAccessBlockCommand({ Bucket: 'main-trail-logs' }));
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const none = await rejection(s3('eu-west-1').send(new GetPublicAccessBlockCommand({ Bucket: 'eu-logs' })));
    expect(none.name).toBe('NoSuchPublicAccessBlockConfiguration');
    expect(none.$metadata?.httpStatusCode).toBe(404);

    const logging = await s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'main-trail-logs' }));
    expect(logging.LoggingEnabled).toEqual({ TargetBucket: 'access-logs', TargetPrefix: 'main-trail-logs/' });
    expect((await s3('eu-west-1').send(new GetBucketLoggingCommand({ Bucket: 'eu-logs' }))).LoggingEnabled).toBeUndefined();
  });

  it("answers AccessDenied for another account's bucket and NoSuchBucket for none", async () => {
    const { s3 } = await start();
    for (const send of [
      () => s3('eu-west-1').send(new GetBucketLocationCommand({ Bucket: 'org-archive' })),
      () => s3('eu-west-1').send(new GetBucketPolicyCommand({ Bucket: 'org-archive' })),
    ]) {
      const error = await rejection(send());
      expect(error.name).toBe('AccessDenied');
      expect(error.$metadata?.httpStatusCode).toBe(403);
    }
    const missing = await rejection(s3('us-east-1').send(new GetBucketAclCommand({ Bucket: 'no-such-bucket' })));
    expect(missing.name).toBe('NoSuchBucket');
  });

  it('leaves S3 Control its own routes: the account block and the bucket block are told apart', async () => {
    const { s3, s3control, emulator } = await start();
    const account = await s3control.send(new GetAccountPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    expect(account.PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
    await rejection(s3('eu-west-1').send(new GetPublicAccessBlockCommand({ Bucket: 'eu-logs' })));
    expect(emulator.calls()).toEqual({ 's3:GetPublicAccessBlock': 1, 's3control:GetPublicAccessBlock': 1 });
  });
});
