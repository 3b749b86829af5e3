// The trails, their buckets and the S3 account block, collected by collectSnapshot through the real SDK clients
// against the emulator (configured by environment variables only).
import { describe, expect, it } from 'vitest';
import { canaries, useEmulatedEnvironment } from '../../../test/aws-emulator/emulated-env.js';
import type { Fault, Scenario } from '../../../test/aws-emulator/index.js';
import { CLEAN_ACCOUNT, CLEAN_CI_KEY, LEAKY_ADMIN_KEY, readScenario, scenarioPath } from '../../../test/aws-emulator/test-helpers.js';
import { createSession } from '../../aws/session.js';
import { collectSnapshot, type CollectOptions } from '../collect.js';
import { snapshotSchema } from '../snapshot.js';
import { uniqueTrails } from './trails.js';

const CLEAN = readScenario('clean-account');
const LEAKY = readScenario('leaky-account');
const FAST: CollectOptions = { credentialReport: { delayMs: 1, maxDelayMs: 5 } };
const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

const { emulate } = useEmulatedEnvironment();

async function collect(options: CollectOptions = {}) {
  const session = createSession();
  try {
    return await collectSnapshot(session, { ...FAST, ...options });
  } finally {
    session.close();
  }
}

const loggingErrors = <E extends { service: string }>(errors: E[]) => errors.filter((e) => ['cloudtrail', 's3', 's3control'].includes(e.service));

/** The clean account with more trails: a multi-region one homed in eu-west-1, an inherited organization trail. */
function withTrails(extra: Partial<Scenario>): Scenario {
  return {
    ...CLEAN,
    trails: [
      ...(CLEAN.trails ?? []),
      { name: 'eu-multi', homeRegion: 'eu-west-1', multiRegion: true, bucket: 'clean-co-eu-logs' },
      { name: 'us-single', homeRegion: 'us-east-1', bucket: 'clean-co-cloudtrail-logs' },
      { name: 'org-trail', homeRegion: 'us-east-2', multiRegion: true, organization: true, account: '999999999999', bucket: 'org-log-archive' },
    ],
    buckets: [
      ...(CLEAN.buckets ?? []),
      { name: 'clean-co-eu-logs', region: 'eu-west-1', aclGrants: [{ grantee: 'AllUsers', permission: 'READ' }] },
      { name: 'org-log-archive', region: 'us-east-2', owner: '999999999999' },
    ],
    ...extra,
  };
}

describe('logging: the clean account', () => {
  it('collects the trail with its status, selectors and bucket, and the account block', async () => {
    const emu = await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY);
    const snapshot = await collect();
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.errors).toEqual([]);

    expect(snapshot.logging?.trails).toEqual([
      {
        name: 'management-events',
        arn: `arn:aws:cloudtrail:us-east-1:${CLEAN_ACCOUNT}:trail/management-events`,
        homeRegion: 'us-east-1',
        isMultiRegion: true,
        isOrganizationTrail: false,
        s3BucketName: 'clean-co-cloudtrail-logs',
        s3KeyPrefix: 'trail',
        kmsKeyId: `arn:aws:kms:us-east-1:${CLEAN_ACCOUNT}:key/5f0c1a2b-3c4d-4e5f-a617-28394a5b6c7d`,
        logFileValidation: true,
        cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${CLEAN_ACCOUNT}:log-group:CloudTrail/DefaultLogGroup:*`,
        cloudWatchLogsRoleArn: `arn:aws:iam::${CLEAN_ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`,
        isLogging: true,
        eventSelectors: {
          basic: [],
          advanced: [
            { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
            {
              name: 'S3 object-level events',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Data'] },
                { field: 'resources.type', equals: ['AWS::S3::Object'] },
              ],
            },
          ],
        },
      },
    ]);

    const bucket = snapshot.logging?.buckets?.['clean-co-cloudtrail-logs'];
    expect(bucket).toMatchObject({
      name: 'clean-co-cloudtrail-logs',
      region: 'us-east-1',
      policy: { Version: '2012-10-17', Statement: expect.arrayContaining([expect.objectContaining({ Sid: 'DenyInsecureTransport' })]) },
      aclGrants: [{ grantee: expect.stringMatching(/^[0-9a-f]{64}$/), permission: 'FULL_CONTROL' }],
      publicAccessBlock: ALL_ON,
      accessLogging: { targetBucket: 'clean-co-access-logs', targetPrefix: 'cloudtrail-logs/' },
    });
    expect(Object.keys(snapshot.logging?.buckets ?? {})).toEqual(['clean-co-cloudtrail-logs']);

    // S3 Control reached through the session's endpoint override (its rules would prefix the host with the account id).
    expect(snapshot.s3AccountPublicAccessBlock).toEqual(ALL_ON);
    expect(emu.calls()).toMatchObject({
      'cloudtrail:DescribeTrails': 1,
      'cloudtrail:GetTrailStatus': 1,
      'cloudtrail:GetEventSelectors': 1,
      's3:GetBucketLocation': 1,
      's3:GetBucketPolicy': 1,
      's3:GetBucketAcl': 1,
      's3:GetPublicAccessBlock': 1,
      's3:GetBucketLogging': 1,
      's3control:GetPublicAccessBlock': 1,
    });
    for (const secret of canaries(CLEAN)) expect(JSON.stringify(snapshot)).not.toContain(secret);
  });
});

describe('logging: the leaky account', () => {
  it('has no trail, so no bucket to read, and no account block', async () => {
    const emu = await emulate(scenarioPath('leaky-account'), LEAKY_ADMIN_KEY);
    const snapshot = await collect();
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.logging).toEqual({ trails: [], buckets: {} });
    expect(snapshot.s3AccountPublicAccessBlock).toBeNull();
    expect(Object.keys(emu.calls()).filter((k) => k.startsWith('s3:'))).toEqual([]);
    for (const secret of canaries(LEAKY)) expect(JSON.stringify(snapshot)).not.toContain(secret);
  });
});

describe('logging: trails', () => {
  it('lists each trail once and asks its status and selectors once, in its home region', async () => {
    const emu = await emulate(withTrails({}), CLEAN_CI_KEY, { faults: [{ operation: 'cloudtrail:GetTrailStatus', kind: 'AccessDenied', region: 'eu-west-1' }] });
    const snapshot = await collect();
    const trails = snapshot.logging?.trails ?? [];
    expect(trails.map((t) => [t.name, t.homeRegion, t.isOrganizationTrail]).sort()).toEqual([
      ['eu-multi', 'eu-west-1', false],
      ['management-events', 'us-east-1', false],
      ['org-trail', 'us-east-2', true],
      ['us-single', 'us-east-1', false],
    ]);
    expect(emu.calls()).toMatchObject({ 'cloudtrail:DescribeTrails': 1, 'cloudtrail:GetTrailStatus': 4, 'cloudtrail:GetEventSelectors': 4 });
    // Denied in eu-west-1 only: the one trail homed there lost its status, nothing else did.
    const byName = Object.fromEntries(trails.map((t) => [t.name, t]));
    expect(byName['eu-multi']).toMatchObject({ isLogging: null, eventSelectors: { basic: [{ readWriteType: 'All', includeManagementEvents: true }] } });
    expect(byName['org-trail']?.isLogging).toBe(true);
    expect(loggingErrors(snapshot.errors).filter((e) => e.service === 'cloudtrail')).toEqual([
      { service: 'cloudtrail', operation: 'GetTrailStatus', code: 'AccessDeniedException', message: expect.any(String), region: 'eu-west-1' },
    ]);
  });

  it('drops a trail listed twice', () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main';
    expect(uniqueTrails([{ Name: 'main', TrailARN: arn }, { Name: 'other' }, { Name: 'main', TrailARN: arn }])).toEqual([
      { Name: 'main', TrailARN: arn },
      { Name: 'other' },
    ]);
  });

  it('keeps the logging section, without trails, when DescribeTrails is refused', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 'cloudtrail:DescribeTrails', kind: 'AccessDenied' }] });
    const snapshot = await collect();
    expect(snapshot.logging).toEqual({});
    expect(snapshot.errors).toEqual([expect.objectContaining({ service: 'cloudtrail', operation: 'DescribeTrails', code: 'AccessDeniedException', region: 'us-east-1' })]);
    expect(snapshot.s3AccountPublicAccessBlock).toEqual(ALL_ON);
    expect(snapshot.iam.users).toHaveLength(2);
  });

  it("gives up on a trail's home region that does not answer, within the deadline", async () => {
    await emulate(withTrails({}), CLEAN_CI_KEY, { hangRegions: ['eu-west-1'] });
    const snapshot = await collect({ callTimeoutMs: 300 });
    const eu = snapshot.logging?.trails?.find((t) => t.name === 'eu-multi');
    expect(eu).toMatchObject({ isLogging: null, eventSelectors: null });
    expect(snapshot.errors.filter((e) => e.region === 'eu-west-1').map((e) => `${e.operation}:${e.code}`).sort()).toEqual(
      expect.arrayContaining(['GetEventSelectors:TimeoutError', 'GetTrailStatus:TimeoutError']),
    );
    expect(snapshot.logging?.trails?.find((t) => t.name === 'management-events')?.isLogging).toBe(true);
  });
});

describe('logging: trail buckets', () => {
  it("reads a bucket in another region there, and records another account's bucket as refused", async () => {
    await emulate(withTrails({}), CLEAN_CI_KEY);
    const snapshot = await collect();
    const buckets = snapshot.logging?.buckets ?? {};
    expect(Object.keys(buckets).sort()).toEqual(['clean-co-cloudtrail-logs', 'clean-co-eu-logs']);
    expect(buckets['clean-co-eu-logs']).toEqual({
      name: 'clean-co-eu-logs',
      region: 'eu-west-1',
      policy: null,
      aclGrants: [
        { grantee: expect.stringMatching(/^[0-9a-f]{64}$/), permission: 'FULL_CONTROL' },
        { grantee: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' },
      ],
      publicAccessBlock: null,
      accessLogging: null,
    });
    // The organization's log archive belongs to another account: every call is refused, each one recorded.
    expect(buckets['org-log-archive']).toBeUndefined();
    expect(loggingErrors(snapshot.errors).map((e) => `${e.service}:${e.operation}:${e.code}`).sort()).toEqual([
      's3:GetBucketAcl:AccessDenied',
      's3:GetBucketLocation:AccessDenied',
      's3:GetBucketLogging:AccessDenied',
      's3:GetBucketPolicy:AccessDenied',
      's3:GetPublicAccessBlock:AccessDenied',
    ]);
    // The trails themselves are all there.
    expect(snapshot.logging?.trails).toHaveLength(4);
  });

  it('keeps what could be read of a bucket when one call is refused', async () => {
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: [{ operation: 's3:GetBucketPolicy', kind: 'AccessDenied' }] });
    const snapshot = await collect();
    const bucket = snapshot.logging?.buckets?.['clean-co-cloudtrail-logs'];
    expect(bucket).toBeDefined();
    expect('policy' in (bucket ?? {})).toBe(false);
    expect(bucket?.publicAccessBlock).toEqual(ALL_ON);
    expect(snapshot.errors).toEqual([expect.objectContaining({ service: 's3', operation: 'GetBucketPolicy', code: 'AccessDenied', region: 'us-east-1' })]);
  });
});

describe('logging: the S3 account public access block', () => {
  it('is null when none is set, and absent with the failure recorded when refused', async () => {
    await emulate({ ...CLEAN, s3PublicAccessBlock: null }, CLEAN_CI_KEY);
    expect((await collect()).s3AccountPublicAccessBlock).toBeNull();

    const refused: Fault[] = [{ operation: 's3control:GetPublicAccessBlock', kind: 'AccessDenied' }];
    await emulate(scenarioPath('clean-account'), CLEAN_CI_KEY, { faults: refused });
    const snapshot = await collect();
    expect('s3AccountPublicAccessBlock' in snapshot).toBe(false);
    expect(snapshot.errors).toEqual([expect.objectContaining({ service: 's3control', operation: 'GetPublicAccessBlock', code: 'AccessDenied' })]);
    // The trail bucket's own block is another call, and is still there.
    expect(snapshot.logging?.buckets?.['clean-co-cloudtrail-logs']?.publicAccessBlock).toEqual(ALL_ON);
  });
});
