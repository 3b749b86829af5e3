// The identity and account planners' run() against the emulator, through the real SDK clients: the first day of a
// brand-new account as root, then the same steps again (nothing to write), then the audit on a fresh snapshot. And
// the lockout guard, and the console password that exists only in its 0600 file.
import { describe, expect, it, vi } from 'vitest';
import { applyHarness, collect, secretsIn } from '../../../test/fixtures/apply-context.js';
import { useEmulatedEnvironment } from '../../../test/aws-emulator/emulated-env.js';
import type { Scenario } from '../../../test/aws-emulator/index.js';
import { scenarioPath, startRecorder } from '../../../test/aws-emulator/test-helpers.js';
import { allChecks } from '../../checks/index.js';
import { runChecks } from '../../checks/run.js';
import { DEFAULT_CHECK_OPTIONS } from '../../checks/types.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { Planner } from '../types.js';
import { accountAliasPlanner } from './account-alias.js';
import { adminGroupPlanner } from './admin-group.js';
import { adminUsersPlanner } from './admin-users.js';
import { alternateContactsPlanner } from './alternate-contacts.js';
import { forceMfaPlanner } from './force-mfa.js';
import { passwordPolicyPlanner } from './password-policy.js';
import { s3PublicAccessBlockPlanner } from './s3-public-access-block.js';
import { supportRolePlanner } from './support-role.js';

const env = useEmulatedEnvironment();

const ROOT_SESSION = 'ASIAROOTSESSION00001';
const IDENTITY: Planner[] = [
  passwordPolicyPlanner,
  adminGroupPlanner,
  forceMfaPlanner,
  adminUsersPlanner,
  accountAliasPlanner,
  alternateContactsPlanner,
  supportRolePlanner,
  s3PublicAccessBlockPlanner,
];
const contact = (name: string) => ({ name, title: 'Team', email: `${name.toLowerCase()}@acme.example`, phone: '+1-555-0100' });
const SPEC = {
  admins: { users: ['alice'] },
  accountAlias: 'acme-first-day',
  alternateContacts: { security: contact('Security'), billing: contact('Billing'), operations: contact('Operations') },
};

/** The results of these checks on the snapshot, as [id, status] (one per resource). */
function statuses(snapshot: AccountSnapshot, ids: string[]): [string, string][] {
  const checks = allChecks.filter((c) => ids.includes(c.id));
  expect(checks.map((c) => c.id).sort()).toEqual([...ids].sort());
  return runChecks(snapshot, checks, { ...DEFAULT_CHECK_OPTIONS, now: new Date() }).map((r) => [r.checkId, r.status]);
}

describe('the first day of an empty account, as root', () => {
  it('creates everything, a second run writes nothing, and the audit passes', async () => {
    const h = await applyHarness(env, scenarioPath('empty-account'), ROOT_SESSION, SPEC);
    const { ctx, steps } = await h.plan(...IDENTITY);
    expect(steps.map((s) => [s.id, s.kind, s.refused ?? null])).toEqual([
      ['password-policy', 'create', null],
      ['admin-group', 'create', null],
      ['force-mfa', 'create', null],
      ['admin-user:alice', 'create', null],
      ['account-alias', 'create', null],
      ['alternate-contact:security', 'create', null],
      ['alternate-contact:billing', 'create', null],
      ['alternate-contact:operations', 'create', null],
      ['support-role', 'create', null],
      ['s3-public-access-block', 'create', null],
    ]);

    h.emulator.resetCalls();
    const lines = await h.runAll(ctx, steps);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('password policy set: 14+ characters, requires symbols, numbers, uppercase, lowercase, expires after 90 days, remembers 24, users may change it');
    expect(lines[2]).toBe('created policy ForceMFA, attached it to group admins: without an MFA session its members can only change their password and enrol MFA');
    expect(lines[3]).toMatch(/^created user alice, added alice to group admins, console password written to .*alice-console-password \(to be changed at first sign-in at https:\/\/acme-first-day\.signin\.aws\.amazon\.com\/console\)$/);
    expect(lines[4]).toBe('alias set to acme-first-day: sign in at https://acme-first-day.signin.aws.amazon.com/console');
    expect(h.writes()).toEqual({
      'account:PutAlternateContact': 3,
      'iam:AddUserToGroup': 1,
      'iam:AttachGroupPolicy': 2,
      'iam:AttachRolePolicy': 1,
      'iam:CreateAccountAlias': 1,
      'iam:CreateGroup': 1,
      'iam:CreateLoginProfile': 1,
      'iam:CreatePolicy': 1,
      'iam:CreateRole': 1,
      'iam:CreateUser': 1,
      'iam:UpdateAccountPasswordPolicy': 1,
      's3control:PutPublicAccessBlock': 1,
    });

    // The same steps again, as a killed apply's re-run would: they read, find it done, and write nothing.
    h.emulator.resetCalls();
    const again = await h.runAll(ctx, steps);
    expect(h.writes()).toEqual({});
    expect(again[3]).toBe('user alice is in group admins and has a console password');
    expect(secretsIn(h.secretsDir)).toHaveLength(1);

    // A fresh plan has nothing to do.
    const { steps: replanned } = await h.plan(...IDENTITY);
    expect(replanned.map((s) => s.kind)).toEqual(Array(10).fill('noop'));

    const after = await collect();
    const ids = [
      'password-policy-exists',
      'password-min-length',
      'password-complexity',
      'password-max-age',
      'password-reuse',
      'password-allow-change',
      'admin-user-exists',
      'mfa-enforced',
      'account-contacts',
      'support-role',
      's3-account-public-access-block',
    ];
    expect(statuses(after, ids)).toEqual(expect.arrayContaining(ids.map((id) => [id, 'PASS'])));
    expect(statuses(after, ids).filter(([, status]) => status !== 'PASS')).toEqual([]);
    expect(after.account.alias).toBe('acme-first-day');
    const alice = after.iam.credentialReport?.rows.find((r) => r.user === 'alice');
    expect(alice?.passwordEnabled).toBe(true);
  });
});

describe('the console password', () => {
  it('is only in its 0600 file: in no line a step returns and in no response of the emulator', async () => {
    const h = await applyHarness(env, scenarioPath('empty-account'), ROOT_SESSION, { admins: { users: ['alice'] } });
    const recorder = await startRecorder(h.emulator.endpoint);
    try {
      vi.stubEnv('AWS_ENDPOINT_URL', recorder.endpoint);
      const { ctx, steps } = await h.plan(passwordPolicyPlanner, adminGroupPlanner, forceMfaPlanner, adminUsersPlanner);
      const lines = await h.runAll(ctx, steps);
      await h.runAll(ctx, steps);
      await collect();

      const [secret, ...others] = secretsIn(h.secretsDir);
      expect(others).toEqual([]);
      expect(secret).toMatchObject({ name: 'alice-console-password', mode: 0o600 });
      const password = secret!.content;
      expect(password.length).toBeGreaterThanOrEqual(20);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);

      const texts = [...lines, ...steps.map((s) => `${s.title} ${s.detail}`), ...recorder.responses.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`)];
      expect(recorder.responses.some((r) => r.body.includes('<CreateLoginProfileResult>'))).toBe(true);
      for (const text of texts) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(encodeURIComponent(password));
      }
    } finally {
      await recorder.close();
    }
  });
});

const ALICE_KEY = 'AKIAALICEDAILY000001';
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
/** alice administers the account through group admins, with a long-term access key. */
const dailyAdmin = (inGroup: boolean, groupPolicies: string[] = [ADMIN_POLICY]): Scenario => ({
  account: { id: '456789012345' },
  root: { mfa: 'virtual' },
  policies: [
    {
      name: 'ForceMFA',
      created: '-5d',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', NotAction: ['iam:EnableMFADevice', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }],
      },
    },
  ],
  groups: [{ name: 'admins', created: '-10d', attachedPolicies: groupPolicies }],
  users: [
    {
      name: 'alice',
      created: '-10d',
      groups: inGroup ? ['admins'] : [],
      attachedPolicies: inGroup ? [] : [ADMIN_POLICY],
      accessKeys: [{ id: ALICE_KEY, secret: 'CANARY-alice-key-secret', created: '-10d' }],
    },
  ],
});

describe('the lockout guard', () => {
  it('refuses force-MFA for a caller in the admin group with a long-term key, and run() refuses too, writing nothing', async () => {
    const h = await applyHarness(env, dailyAdmin(true), ALICE_KEY, { admins: { users: ['alice'] }, forceMfa: { policyName: 'RampartForceMFA' } });
    const { ctx, steps } = await h.plan(forceMfaPlanner);
    const [step] = steps;
    expect(ctx.caller).toMatchObject({ userName: 'alice', longTermKeys: true, isRoot: false });
    expect(step?.refused).toMatch(/^would lock you out: you are IAM user alice in group admins, signing with an access key that has no MFA session/);
    h.emulator.resetCalls();
    await expect(step!.run!(ctx)).rejects.toThrow(/would lock you out/);
    expect(h.writes()).toEqual({});
  });

  it('does not add the caller to a group that already forces MFA', async () => {
    const forced = dailyAdmin(false, [ADMIN_POLICY, 'arn:aws:iam::456789012345:policy/ForceMFA']);
    const h = await applyHarness(env, forced, ALICE_KEY, { admins: { users: ['alice'] } });
    const { ctx, steps } = await h.plan(adminUsersPlanner);
    expect(steps[0]?.refused).toMatch(/would lock you out/);
    h.emulator.resetCalls();
    await expect(steps[0]!.run!(ctx)).rejects.toThrow(/would lock you out/);
    expect(h.writes()).toEqual({});
  });
});
