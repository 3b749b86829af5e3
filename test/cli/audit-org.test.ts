// `rampart audit --org` against an emulated organization of 50 accounts, and `--profile a --profile b`.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { canaries, useEmulatedEnvironment } from '../aws-emulator/emulated-env.js';
import type { OrganizationOptions, Scenario } from '../aws-emulator/index.js';
import { CLEAN_ACCOUNT, CLEAN_CI_KEY, readScenario } from '../aws-emulator/test-helpers.js';
import { auditOutputSchema } from '../../src/report/audit-output.js';
import { runCli } from './io.js';

const LEAKY_MEMBER = '388888888888';
const LOCKED_MEMBER = '399999999999';
const SUSPENDED_MEMBER = '377777777777';
const management: Scenario = {
  ...readScenario('clean-account'),
  organization: { id: 'o-exampleorg1', managementAccountId: CLEAN_ACCOUNT, managementAccountEmail: 'root@clean.example', featureSet: 'ALL' },
};
const leaky = readScenario('leaky-account');
const organization: OrganizationOptions = {
  members: [
    ...Array.from({ length: 46 }, (_, i) => ({ id: String(300000000000 + i), name: `workload-${i}` })),
    { id: LEAKY_MEMBER, name: 'side-project', scenario: leaky },
    { id: LOCKED_MEMBER, name: 'locked', roles: [] },
    { id: SUSPENDED_MEMBER, name: 'closed', status: 'SUSPENDED' },
  ],
  policies: [
    { name: 'FullAWSAccess', awsManaged: true, content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, targets: ['root'] },
    { name: 'deny-leave', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }, targets: ['root'] },
    {
      name: 'deny-root',
      content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } } }] },
      targets: ['ou-exam-workloads'],
    },
  ],
  delegatedAdministrators: [{ accountId: '300000000001', servicePrincipal: 'guardduty.amazonaws.com' }],
};
const REGIONS = ['--regions', 'us-east-1,eu-west-1'];
// 50 accounts through the real SDK and the emulator in one process: identity and root only, to keep it quick.
const QUICK = ['--check', 'root,identity', ...REGIONS];
const SLOW = 120_000;

describe('rampart audit --org', () => {
  const aws = useEmulatedEnvironment();

  it('audits every account of a 50-account organization into one report, naming the one it could not enter', async () => {
    await aws.emulate(management, CLEAN_CI_KEY, { organization });
    const run = await runCli(['audit', '--org', ...QUICK]);
    expect(run.code).toBe(1);
    const rows = run.stdout.split('\nAccounts\n')[1]!.split('\n\n')[0]!.split('\n').slice(1);
    expect(rows).toHaveLength(50);
    expect(run.stdout).toMatch(/^rampart audit: organization o-exampleorg1, 50 accounts: 48 audited, 1 could not be audited, 1 skipped/);
    expect(rows.find((r) => r.includes(LOCKED_MEMBER))).toMatch(/NOT AUDITED: cannot get credentials: .*not authorized to perform: sts:AssumeRole/);
    expect(rows.find((r) => r.includes(SUSPENDED_MEMBER))).toMatch(/skipped: account is SUSPENDED/);
    // organization guard rails: leaving is denied everywhere, root only in one OU, regions not at all
    expect(run.stdout).toMatch(/PASS +medium +org-scp-deny-leave: .*deny-leave, on the root/);
    expect(run.stdout).toMatch(/FAIL +medium +org-scp-deny-root: .*only where attached \(ou-exam-workloads\)/);
    expect(run.stdout).toMatch(/FAIL +low +org-scp-region-deny/);
    expect(run.stdout).toMatch(/UNKNOWN +high +org-trail: the management account's trails were not collected/);
    expect(run.stdout).toContain('delegated administrators: 300000000001 (workload-1: guardduty.amazonaws.com)');
    // the empty members all lack root MFA: the worst finding, across 47 accounts
    expect(run.stdout).toMatch(/Worst findings across accounts\n +critical root-mfa: 47 accounts/);
    for (const secret of canaries(leaky)) expect(run.stdout + run.stderr).not.toContain(secret);
  }, SLOW);

  it('prints one JSON document whose per-account audits are the single-account contract', async () => {
    await aws.emulate(management, CLEAN_CI_KEY, { organization });
    const run = await runCli(['audit', '--org', ...QUICK, '--format', 'json', '--accounts-at-once', '16']);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ kind: 'rampart-org-audit', schemaVersion: 1 });
    expect(doc.accounts).toHaveLength(50);
    const audited = doc.accounts.filter((a: { status: string }) => a.status === 'audited');
    expect(audited).toHaveLength(48);
    for (const a of audited) expect(auditOutputSchema.parse(a.audit).account.id).toBe(a.account.id);
    const side = audited.find((a: { account: { id: string } }) => a.account.id === LEAKY_MEMBER);
    expect(side.audit.results.find((r: { checkId: string }) => r.checkId === 'admin-access-keys').status).toBe('FAIL');
    expect(doc.organization.findings.map((f: { id: string }) => f.id)).toEqual(['org-scp-deny-leave', 'org-scp-deny-root', 'org-scp-region-deny', 'org-trail']);
  }, SLOW);

  it('assumes the role once per member account, whatever number of clients and regions its audit uses', async () => {
    // The emulator's clock is today's here: sessions it hands out must not look expired to the SDK (that refetches them).
    const emu = await aws.emulate(management, CLEAN_CI_KEY, { now: new Date(), organization: { members: [{ id: '300000000001', name: 'one' }, { id: '300000000002', name: 'two' }] } });
    const run = await runCli(['audit', '--org', ...REGIONS, '--format', 'json']);
    expect(JSON.parse(run.stdout).accounts.map((a: { status: string }) => a.status)).toEqual(['audited', 'audited', 'audited']);
    expect(emu.calls()['sts:AssumeRole']).toBe(2);
  }, SLOW);

  it("judges the organization trail from the management account's trails", async () => {
    const trails = [{ name: 'org-trail', multiRegion: true, organization: true, bucket: 'clean-co-cloudtrail-logs', logFileValidation: true }];
    await aws.emulate({ ...management, trails }, CLEAN_CI_KEY, { organization: { members: [{ id: '300000000001', name: 'one' }] } });
    const run = await runCli(['audit', '--org', '--check', 'root,logging', ...REGIONS, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.organization.findings.find((f: { id: string }) => f.id === 'org-trail')).toMatchObject({ status: 'PASS', message: 'organization trail org-trail logs every account in every region' });
    expect(doc.accounts.map((a: { status: string }) => a.status)).toEqual(['audited', 'audited']);
  }, SLOW);

  it('says so, exit 3, when the caller is not in an organization or cannot list it', async () => {
    await aws.emulate(readScenario('clean-account'), CLEAN_CI_KEY);
    const run = await runCli(['audit', '--org', ...QUICK]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('rampart: --org: this account is not in an organization\n');
  });

  it('audits a list of profiles, one of them a role in another account (seed 003: general + production)', async () => {
    await aws.emulate(management, CLEAN_CI_KEY, { organization });
    writeFileSync(join(aws.awsDir, 'credentials'), `[general]\naws_access_key_id = ${CLEAN_CI_KEY}\naws_secret_access_key = not-a-canary\n`);
    writeFileSync(
      join(aws.awsDir, 'config'),
      `[profile general]\nregion = us-east-1\n[profile production]\nrole_arn = arn:aws:iam::${LEAKY_MEMBER}:role/OrganizationAccountAccessRole\nsource_profile = general\nregion = us-east-1\n`,
    );
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete process.env[name];
    const run = await runCli(['audit', '--profile', 'general', '--profile', 'production', ...QUICK]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/2 accounts: 2 audited/);
    expect(run.stdout).toMatch(new RegExp(`${CLEAN_ACCOUNT} +general`));
    expect(run.stdout).toMatch(new RegExp(`${LEAKY_MEMBER} +production`));
    expect(run.stdout).not.toContain('Organization\n');
  });

  it('refuses --org with a snapshot or with several profiles', async () => {
    expect((await runCli(['audit', '--org', '--snapshot', 'examples/leaky-account.json'])).code).toBe(2);
    const both = await runCli(['audit', '--org', '--profile', 'a', '--profile', 'b']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--org takes at most one --profile');
    const html = await runCli(['audit', '--org', '--html', 'org.html']);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('report as text or json, on standard output');
  });
});

describe('rampart audit --org --sso-role', () => {
  const aws = useEmulatedEnvironment();

  it('enters every account through an IAM Identity Center permission set, with the token `aws sso login` cached', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rampart-sso-home-'));
    vi.stubEnv('HOME', home);
    mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    const accessToken = 'sso-access-token-canary-000000000000';
    writeFileSync(
      join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({ accessToken, expiresAt: new Date(Date.now() + 3600_000).toISOString(), region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start' }),
    );
    await aws.start(management, {
      organization: {
        members: [
          { id: '300000000001', name: 'one' },
          { id: '300000000002', name: 'no-access', permissionSets: ['ReadOnly'] },
        ],
        sso: { accessToken, permissionSets: ['SecurityAudit'] },
      },
    }).then((emu) => vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint));
    writeFileSync(
      join(aws.awsDir, 'config'),
      `[profile mgmt]\nsso_session = corp\nsso_account_id = ${CLEAN_ACCOUNT}\nsso_role_name = SecurityAudit\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n`,
    );
    const run = await runCli(['audit', '--org', '--profile', 'mgmt', '--sso-role', 'SecurityAudit', ...QUICK, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.accounts.map((a: { account: { id: string }; status: string }) => [a.account.id, a.status])).toEqual([
      [CLEAN_ACCOUNT, 'audited'],
      ['300000000001', 'audited'],
      ['300000000002', 'failed'],
    ]);
    expect(doc.accounts[2].reason).toMatch(/No access/);
    expect(run.stdout + run.stderr).not.toContain(accessToken);
  }, SLOW);

  it('says what is missing when the profile is not an SSO profile', async () => {
    await aws.emulate(management, CLEAN_CI_KEY, { organization });
    const run = await runCli(['audit', '--org', '--sso-role', 'SecurityAudit', ...QUICK]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("rampart: --sso-role: profile 'default' is not in the AWS config file\n");
  });
});
