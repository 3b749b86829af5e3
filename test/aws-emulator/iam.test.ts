import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListMFADevicesCommand,
  ListServerCertificatesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Scenario } from './index.js';
import { CREDENTIAL_REPORT_COLUMNS } from './services/iam/credential-report.js';
import { largeScenario } from './scenarios/generate.js';
import { CLEAN, LEAKY, NOW, clients, daysAgo, rejection } from './test-helpers.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(scenario: Scenario | string, accessKeyId?: string) {
  emulator = await startEmulator({ scenario, now: NOW });
  return clients(emulator.endpoint, accessKeyId);
}

async function reportRows(iam: IAMClient): Promise<Record<string, string>[]> {
  const report = await iam.send(new GetCredentialReportCommand({}));
  const [header, ...lines] = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8').split('\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

describe('GetAccountAuthorizationDetails', () => {
  it('returns users, groups, roles and policies with URL-encoded documents', async () => {
    const { iam } = await start(LEAKY);
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(out.IsTruncated).toBe(false);

    const admin = out.UserDetailList?.find((u) => u.UserName === 'dev-admin');
    expect(admin).toMatchObject({
      Path: '/',
      Arn: 'arn:aws:iam::123456789012:user/dev-admin',
      CreateDate: daysAgo(400),
      GroupList: ['developers'],
      AttachedManagedPolicies: [
        { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        { PolicyName: 'AWSCloudShellFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess' },
      ],
      Tags: [{ Key: 'owner', Value: 'anurag' }],
    });
    expect(admin?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const inline = admin?.UserPolicyList?.[0];
    expect(inline?.PolicyName).toBe('sessions-table');
    expect(inline?.PolicyDocument).toMatch(/^%7B/);
    expect(JSON.parse(decodeURIComponent(inline?.PolicyDocument ?? ''))).toMatchObject({
      Statement: [{ Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/user-session-prod' }],
    });

    expect(out.GroupDetailList).toEqual([
      expect.objectContaining({
        GroupName: 'developers',
        AttachedManagedPolicies: [{ PolicyName: 'FullAccessJustInCase', PolicyArn: 'arn:aws:iam::123456789012:policy/FullAccessJustInCase' }],
      }),
    ]);

    const role = out.RoleDetailList?.[0];
    expect(role).toMatchObject({ RoleName: 'ec2-s3-reader', RoleLastUsed: { LastUsedDate: daysAgo(5), Region: 'us-east-1' } });
    expect(JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? ''))).toMatchObject({
      Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }],
    });

    // Customer policies, and only the AWS managed policies something is attached to.
    const names = out.Policies?.map((p) => p.PolicyName).sort();
    expect(names).toEqual(['AWSCloudShellFullAccess', 'AdministratorAccess', 'AmazonS3ReadOnlyAccess', 'FullAccessJustInCase']);
    const star = out.Policies?.find((p) => p.PolicyName === 'FullAccessJustInCase');
    expect(star).toMatchObject({ DefaultVersionId: 'v2', AttachmentCount: 1, IsAttachable: true });
    expect(star?.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v1', false],
      ['v2', true],
    ]);
    const defaultDoc = star?.PolicyVersionList?.find((v) => v.IsDefaultVersion)?.Document ?? '';
    expect(JSON.parse(decodeURIComponent(defaultDoc))).toMatchObject({ Statement: [{ Action: '*', Resource: '*' }] });
    const admins = out.Policies?.find((p) => p.PolicyName === 'AdministratorAccess');
    expect(admins?.Arn).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(JSON.parse(decodeURIComponent(admins?.PolicyVersionList?.[0]?.Document ?? ''))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('gives a never-used role an empty RoleLastUsed and honours Filter', async () => {
    const { iam } = await start({
      account: { id: '111111111111' },
      root: { mfa: 'none' },
      roles: [{ name: 'idle', created: '-10d', trustPolicy: '{"Version":"2012-10-17","Statement":[]}' }],
      users: [{ name: 'u', created: '-1d', permissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    });
    const roles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    expect(roles.UserDetailList).toEqual([]);
    expect(roles.RoleDetailList?.[0]?.RoleLastUsed?.LastUsedDate).toBeUndefined();
    // A string document goes out exactly as written.
    expect(decodeURIComponent(roles.RoleDetailList?.[0]?.AssumeRolePolicyDocument ?? '')).toBe('{"Version":"2012-10-17","Statement":[]}');

    const rest = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'AWSManagedPolicy'] }));
    expect(rest.UserDetailList?.[0]?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    expect(rest.Policies?.map((p) => [p.PolicyName, p.PermissionsBoundaryUsageCount])).toEqual([['ReadOnlyAccess', 1]]);
  });

  it('paginates with a small MaxItems and yields every entity exactly once', async () => {
    const scenario = largeScenario({ users: 23, roles: 7, policies: 11, groups: 4 });
    const { iam } = await start(scenario);
    const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 4, Marker: marker }));
      const size = (page.UserDetailList?.length ?? 0) + (page.GroupDetailList?.length ?? 0) + (page.RoleDetailList?.length ?? 0) + (page.Policies?.length ?? 0);
      expect(size).toBeLessThanOrEqual(4);
      pages.push(page);
      marker = page.IsTruncated ? page.Marker : undefined;
      if (page.IsTruncated) expect(page.Marker).toBeTruthy();
    } while (marker);
    const users = pages.flatMap((p) => p.UserDetailList?.map((u) => u.UserName) ?? []);
    const groups = pages.flatMap((p) => p.GroupDetailList?.map((g) => g.GroupName) ?? []);
    const roles = pages.flatMap((p) => p.RoleDetailList?.map((r) => r.RoleName) ?? []);
    const policies = pages.flatMap((p) => p.Policies?.filter((x) => !x.Arn?.includes(':aws:policy/')).map((x) => x.PolicyName) ?? []);
    expect(users).toHaveLength(23);
    expect(new Set(users).size).toBe(23);
    expect(new Set(groups).size).toBe(4);
    expect(groups).toHaveLength(4);
    expect(new Set(roles).size).toBe(7);
    expect(roles).toHaveLength(7);
    expect(new Set(policies).size).toBe(11);
    expect(policies).toHaveLength(11);
    expect(emulator?.calls()['iam:GetAccountAuthorizationDetails']).toBe(pages.length);
  });

  it('defaults MaxItems to 100', async () => {
    const { iam } = await start(largeScenario({ users: 150, roles: 0, policies: 0, groups: 0 }));
    const first = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(first.UserDetailList).toHaveLength(100);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: first.Marker }));
    expect(second.UserDetailList).toHaveLength(50);
  });

  it('rejects a bad MaxItems or Marker with ValidationError', async () => {
    const { iam } = await start(LEAKY);
    expect((await rejection(iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 0 })))).name).toBe('ValidationError');
    expect((await rejection(iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: 'bogus' })))).name).toBe('ValidationError');
  });
});

describe('credential report', () => {
  it('is STARTED, then COMPLETE; GetCredentialReport before any generation is ReportNotPresent', async () => {
    const { iam } = await start(LEAKY);
    const early = await rejection(iam.send(new GetCredentialReportCommand({})));
    expect(early.name).toBe('CredentialReportNotPresentException');
    expect(early.$metadata?.httpStatusCode).toBe(410);
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    expect(report.GeneratedTime).toEqual(NOW);
  });

  it('answers ReportInProgress while not ready, as many times as the scenario says', async () => {
    const { iam } = await start({ account: { id: '111111111111' }, root: { mfa: 'none' }, credentialReport: { notReadyPolls: 3 } });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('INPROGRESS');
    const pending = await rejection(iam.send(new GetCredentialReportCommand({})));
    expect(pending.name).toBe('CredentialReportNotReadyException');
    expect(pending.$metadata?.httpStatusCode).toBe(404);
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
  });

  it('can be ready at once (notReadyPolls 0) or already exist (preGenerated)', async () => {
    const { iam } = await start({ account: { id: '111111111111' }, root: { mfa: 'none' }, credentialReport: { notReadyPolls: 0 } });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    await emulator?.close();
    const second = await start({ account: { id: '111111111111' }, root: { mfa: 'none' }, credentialReport: { preGenerated: true } });
    expect((await second.iam.send(new GetCredentialReportCommand({}))).ReportFormat).toBe('text/csv');
  });

  it("has AWS's columns and placeholders", async () => {
    const { iam } = await start(LEAKY);
    await iam.send(new GenerateCredentialReportCommand({}));
    const report = await iam.send(new GetCredentialReportCommand({}));
    const text = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8');
    expect(text.split('\n')[0]).toBe(CREDENTIAL_REPORT_COLUMNS.join(','));
    expect(CREDENTIAL_REPORT_COLUMNS).toHaveLength(22);

    const rows = await reportRows(iam);
    const root = rows.find((r) => r['user'] === '<root_account>');
    expect(root).toMatchObject({
      arn: 'arn:aws:iam::123456789012:root',
      user_creation_time: '2024-04-06T12:00:00+00:00',
      password_enabled: 'not_supported',
      password_last_used: '2026-06-13T12:00:00+00:00',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2024-07-15T12:00:00+00:00',
      access_key_1_last_used_date: '2026-06-12T12:00:00+00:00',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 's3',
      access_key_2_active: 'false',
      access_key_2_last_rotated: 'N/A',
      access_key_2_last_used_date: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
    });
    expect(rows.find((r) => r['user'] === 'dev-admin')).toMatchObject({
      password_enabled: 'true',
      password_last_used: '2026-06-14T12:00:00+00:00',
      password_last_changed: '2025-05-11T12:00:00+00:00',
      password_next_rotation: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2025-10-28T12:00:00+00:00',
      access_key_1_last_used_region: 'ap-southeast-1',
      access_key_1_last_used_service: 'ec2',
    });
    expect(rows.find((r) => r['user'] === 'deploy-bot')).toMatchObject({
      user_creation_time: '2026-01-16T12:00:00+00:00',
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-01-16T12:00:00+00:00',
      access_key_1_last_used_date: 'N/A',
      access_key_1_last_used_region: 'N/A',
      access_key_1_last_used_service: 'N/A',
    });
  });

  it('says no_information for a password never used and computes the next rotation from MaxPasswordAge', async () => {
    const { iam } = await start({
      account: { id: '111111111111' },
      root: { mfa: 'virtual' },
      passwordPolicy: { maxPasswordAge: 90 },
      users: [{ name: 'new', created: '-10d', password: { value: 'CANARY-pw-x', created: '-10d' }, mfa: [{ type: 'hardware' }] }],
      credentialReport: { notReadyPolls: 0 },
    });
    await iam.send(new GenerateCredentialReportCommand({}));
    const rows = await reportRows(iam);
    expect(rows.find((r) => r['user'] === '<root_account>')).toMatchObject({ password_last_used: 'no_information', mfa_active: 'true' });
    expect(rows.find((r) => r['user'] === 'new')).toMatchObject({
      password_last_used: 'no_information',
      password_next_rotation: '2026-09-03T12:00:00+00:00',
      mfa_active: 'true',
    });
  });

  it('omits the root row under quirks.noRootRow', async () => {
    const { iam } = await start({ account: { id: '111111111111' }, root: { mfa: 'none' }, users: [{ name: 'a', created: '-1d' }], quirks: { noRootRow: true }, credentialReport: { notReadyPolls: 0 } });
    await iam.send(new GenerateCredentialReportCommand({}));
    expect((await reportRows(iam)).map((r) => r['user'])).toEqual(['a']);
  });
});

describe('GetAccountSummary', () => {
  it("reports root's MFA and keys and the counts", async () => {
    const { iam } = await start(LEAKY);
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({
      Users: 2,
      Groups: 1,
      Roles: 1,
      Policies: 1,
      AccountMFAEnabled: 0,
      AccountAccessKeysPresent: 1,
      AccountSigningCertificatesPresent: 0,
      MFADevices: 0,
      MFADevicesInUse: 0,
      ServerCertificates: 1,
    });
    await emulator?.close();
    const clean = await start(CLEAN, 'AKIACLEANCI000000001');
    const summary = (await clean.iam.send(new GetAccountSummaryCommand({}))).SummaryMap;
    expect(summary).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, MFADevices: 2, MFADevicesInUse: 2 });
  });

  it('omits the root entries under quirks.lieAboutRoot', async () => {
    const { iam } = await start({ account: { id: '111111111111' }, root: { mfa: 'virtual' }, quirks: { lieAboutRoot: true } });
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).not.toHaveProperty('AccountMFAEnabled');
    expect(SummaryMap).not.toHaveProperty('AccountAccessKeysPresent');
    expect(SummaryMap).toHaveProperty('Users', 0);
  });
});

describe('account settings', () => {
  it('answers NoSuchEntity (404) when there is no password policy', async () => {
    const { iam } = await start(LEAKY);
    const error = await rejection(iam.send(new GetAccountPasswordPolicyCommand({})));
    expect(error.name).toBe('NoSuchEntityException');
    expect(error.Code ?? (error as { Error?: { Code?: string } }).Error?.Code).toBe('NoSuchEntity');
    expect(error.$metadata?.httpStatusCode).toBe(404);
    expect(error.$metadata?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the password policy', async () => {
    const { iam } = await start(CLEAN, 'AKIACLEANCI000000001');
    const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    });
  });

  it('lists the alias and the server certificates', async () => {
    const { iam } = await start(LEAKY);
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['my-side-project']);
    const certs = await iam.send(new ListServerCertificatesCommand({}));
    expect(certs.ServerCertificateMetadataList).toEqual([
      expect.objectContaining({
        ServerCertificateName: 'old-site-cert',
        Arn: 'arn:aws:iam::123456789012:server-certificate/old-site-cert',
        Expiration: daysAgo(65),
        UploadDate: daysAgo(430),
      }),
    ]);
  });
});

describe('MFA devices', () => {
  it("lists root's virtual device with root's ARN", async () => {
    const { iam } = await start({
      account: { id: '111111111111' },
      root: { mfa: 'virtual', mfaEnabled: '-30d' },
      users: [{ name: 'alice', created: '-40d', mfa: [{ type: 'virtual' }, { type: 'hardware', serial: 'GAHT00000001' }] }],
    });
    const { VirtualMFADevices } = await iam.send(new ListVirtualMFADevicesCommand({}));
    expect(VirtualMFADevices).toEqual([
      expect.objectContaining({
        SerialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device',
        User: expect.objectContaining({ Arn: 'arn:aws:iam::111111111111:root', UserId: '111111111111' }),
        EnableDate: daysAgo(30),
      }),
      expect.objectContaining({ SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', User: expect.objectContaining({ UserName: 'alice' }) }),
    ]);
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))).VirtualMFADevices).toEqual([]);
    const mine = await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }));
    expect(mine.MFADevices?.map((d) => d.SerialNumber)).toEqual(['arn:aws:iam::111111111111:mfa/alice', 'GAHT00000001']);
  });

  it('does not list a hardware root device as virtual', async () => {
    const { iam } = await start(CLEAN, 'AKIACLEANCI000000001');
    const { VirtualMFADevices } = await iam.send(new ListVirtualMFADevicesCommand({}));
    expect(VirtualMFADevices?.map((d) => d.SerialNumber)).toEqual(['arn:aws:iam::210987654321:mfa/admin']);
  });
});

describe('users and keys', () => {
  it('lists users with paging, and access keys without secrets', async () => {
    const { iam } = await start(LEAKY);
    const first = await iam.send(new ListUsersCommand({ MaxItems: 1 }));
    expect(first.Users?.map((u) => u.UserName)).toEqual(['dev-admin']);
    expect(first.Users?.[0]?.PasswordLastUsed).toEqual(daysAgo(1));
    const second = await iam.send(new ListUsersCommand({ MaxItems: 1, Marker: first.Marker }));
    expect(second.Users?.map((u) => u.UserName)).toEqual(['deploy-bot']);
    expect(second.IsTruncated).toBe(false);

    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'deploy-bot' }));
    expect(keys.AccessKeyMetadata).toEqual([{ UserName: 'deploy-bot', AccessKeyId: 'AKIADEPLOYBOT0000001', Status: 'Active', CreateDate: daysAgo(150) }]);
    // Without UserName: the caller's own keys.
    const own = await iam.send(new ListAccessKeysCommand({}));
    expect(own.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual(['AKIADEVADMIN00000001']);

    expect((await rejection(iam.send(new ListAccessKeysCommand({ UserName: 'nobody' })))).name).toBe('NoSuchEntityException');
  });

  it('tells when a key was last used, N/A when never', async () => {
    const { iam } = await start(LEAKY);
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIADEVADMIN00000001' }));
    expect(used).toMatchObject({ UserName: 'dev-admin', AccessKeyLastUsed: { LastUsedDate: daysAgo(1), Region: 'ap-southeast-1', ServiceName: 'ec2' } });
    const never = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIADEPLOYBOT0000001' }));
    expect(never.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
  });
});
