// The identity and account planners' plan(): from a snapshot and the spec to create / update / noop / refused.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  ADMIN_ARN,
  PAB_OFF,
  PAB_ON,
  attach,
  awsPolicy,
  contact,
  customerPolicy,
  forceMfaDoc,
  group,
  passwordPolicy,
  report,
  role,
  snapshot,
  user,
  userRow,
  withFailedCall,
} from '../../../test/fixtures/snapshot.js';
import { ADMIN_CALLER, ROOT_CALLER, planContext } from '../../../test/fixtures/steps.js';
import { forcesMfa } from '../../checks/identity/force-mfa.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { specSchema } from '../spec.js';
import type { Caller, Planner, Step } from '../types.js';
import { accountAliasPlanner } from './account-alias.js';
import { adminGroupPlanner } from './admin-group.js';
import { adminUsersPlanner, generatePassword } from './admin-users.js';
import { alternateContactsPlanner } from './alternate-contacts.js';
import { forceMfaDocument, forceMfaPlanner } from './force-mfa.js';
import { mergePasswordPolicy, passwordPolicyPlanner } from './password-policy.js';
import { s3PublicAccessBlockPlanner } from './s3-public-access-block.js';
import { supportRolePlanner } from './support-role.js';

const spec = (over: Record<string, unknown> = {}) => specSchema.parse({ admins: { users: ['alice'] }, ...over });
const plan = (planner: Planner, s: AccountSnapshot, over: Record<string, unknown> = {}, caller: Caller = ADMIN_CALLER): Step[] =>
  planner.plan(planContext({ snapshot: s, spec: spec(over), caller }));
const only = (steps: Step[]): Step => {
  expect(steps).toHaveLength(1);
  return steps[0]!;
};
const kinds = (steps: Step[]) => steps.map((s) => [s.id, s.kind, s.refused ?? null]);

const ADMINISTRATOR = awsPolicy('AdministratorAccess', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const FORCE_MFA = customerPolicy('ForceMFA', forceMfaDoc);
/** alice with long-term keys, as the caller. */
const ALICE_WITH_KEYS: Caller = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, isRoot: false, userName: 'alice', longTermKeys: true };

describe('password-policy', () => {
  it('creates the whole policy where there is none, and is allowed as root', () => {
    const step = only(plan(passwordPolicyPlanner, snapshot({ iam: { passwordPolicy: null } }), {}, ROOT_CALLER));
    expect(step).toMatchObject({ id: 'password-policy', kind: 'create', rootAllowed: true, actions: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy'] });
    expect(step.detail).toContain('14+ characters');
    expect(step.run).toBeTypeOf('function');
  });

  it('is a noop when the policy is the spec or stricter', () => {
    expect(only(plan(passwordPolicyPlanner, snapshot({ iam: { passwordPolicy: passwordPolicy() } }))).kind).toBe('noop');
    const stricter = passwordPolicy({ minimumLength: 20, maxPasswordAge: 30, hardExpiry: true });
    const step = only(plan(passwordPolicyPlanner, snapshot({ iam: { passwordPolicy: stricter } })));
    expect(step).toMatchObject({ kind: 'noop' });
    expect(step.run).toBeUndefined();
  });

  it('updates what is weaker and keeps what is stricter', () => {
    const current = passwordPolicy({ minimumLength: 20, requireSymbols: false, passwordReusePrevention: 5, maxPasswordAge: null, hardExpiry: true });
    const step = only(plan(passwordPolicyPlanner, snapshot({ iam: { passwordPolicy: current } })));
    expect(step.kind).toBe('update');
    expect(step.detail).toContain('require symbols');
    expect(step.detail).toContain('remember 24 passwords (now 5)');
    expect(step.detail).toContain('expire after 90 days (now never)');
    expect(step.detail).not.toContain('minimum length');
    expect(mergePasswordPolicy(current, spec().passwordPolicy as Exclude<ReturnType<typeof spec>['passwordPolicy'], false>)).toEqual({
      ...passwordPolicy(),
      minimumLength: 20,
      hardExpiry: true,
    });
  });

  it('plans an update when the policy could not be read, and nothing when the section is off', () => {
    const unread = withFailedCall(snapshot(), { service: 'iam', operation: 'GetAccountPasswordPolicy' });
    delete (unread.iam as Partial<AccountSnapshot['iam']>).passwordPolicy;
    expect(only(plan(passwordPolicyPlanner, unread)).kind).toBe('update');
    expect(plan(passwordPolicyPlanner, snapshot(), { passwordPolicy: false })).toEqual([]);
  });
});

describe('admin-group', () => {
  it('creates the group with AdministratorAccess (or IAMFullAccess), as root too', () => {
    const step = only(plan(adminGroupPlanner, snapshot(), {}, ROOT_CALLER));
    expect(step).toMatchObject({ id: 'admin-group', kind: 'create', rootAllowed: true });
    expect(step.detail).toContain('AdministratorAccess');
    expect(only(plan(adminGroupPlanner, snapshot(), { admins: { group: 'iam-admin', policy: 'IAMFullAccess' } })).detail).toContain('group iam-admin');
  });

  it('attaches the policy to an existing group, and is a noop once it has it', () => {
    expect(only(plan(adminGroupPlanner, snapshot({ iam: { groups: [group('admins')] } }))).kind).toBe('update');
    const ready = snapshot({ iam: { groups: [group('admins', { attachedPolicies: [attach(ADMINISTRATOR)] })], policies: [ADMINISTRATOR] } });
    expect(only(plan(adminGroupPlanner, ready))).toMatchObject({ kind: 'noop', detail: 'group admins exists with AdministratorAccess' });
    // AdministratorAccess covers the IAMFullAccess variant.
    expect(only(plan(adminGroupPlanner, ready, { admins: { policy: 'IAMFullAccess' } })).kind).toBe('noop');
  });

  it('plans nothing when the admin section is off', () => {
    expect(plan(adminGroupPlanner, snapshot(), { admins: false })).toEqual([]);
  });
});

describe('force-mfa', () => {
  it('creates the policy and attaches it to the admin group after the group exists', () => {
    const step = only(plan(forceMfaPlanner, snapshot(), {}, ROOT_CALLER));
    expect(step).toMatchObject({ id: 'force-mfa', kind: 'create', rootAllowed: true, dependsOn: ['admin-group'] });
    expect(step.refused).toBeUndefined();
    expect(step.detail).toContain('create policy ForceMFA and attach it to group admins');
  });

  it('creates a policy that rampart itself judges to force MFA, letting a new user change the initial password', () => {
    const doc = forceMfaDocument('aws');
    expect(forcesMfa(doc)).toBe(true);
    const deny = (doc['Statement'] as Record<string, unknown>[]).find((s) => s['Effect'] === 'Deny')!;
    expect(deny['NotAction']).toEqual(expect.arrayContaining(['iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'iam:EnableMFADevice', 'sts:GetSessionToken']));
    expect(deny['Condition']).toEqual({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } });
  });

  it('attaches an existing force-MFA policy, and is a noop once the group has it or another force-MFA policy', () => {
    const existing = snapshot({ iam: { policies: [FORCE_MFA], groups: [group('admins')] } });
    expect(only(plan(forceMfaPlanner, existing))).toMatchObject({ kind: 'update', detail: expect.stringContaining('attach the existing policy ForceMFA') });
    const attached = snapshot({ iam: { policies: [FORCE_MFA], groups: [group('admins', { attachedPolicies: [attach(FORCE_MFA)] })] } });
    expect(only(plan(forceMfaPlanner, attached)).kind).toBe('noop');
    const theirs = customerPolicy('RequireMFA', forceMfaDoc);
    const other = snapshot({ iam: { policies: [theirs], groups: [group('admins', { attachedPolicies: [attach(theirs)] })] } });
    expect(only(plan(forceMfaPlanner, other))).toMatchObject({ kind: 'noop', detail: 'group admins already forces MFA through RequireMFA' });
  });

  it('refuses to change a policy of that name that does not force MFA', () => {
    const impostor = customerPolicy('ForceMFA', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const step = only(plan(forceMfaPlanner, snapshot({ iam: { policies: [impostor] } })));
    expect(step.refused).toMatch(/does not deny actions without MFA/);
  });

  describe('the lockout guard', () => {
    const aliceInAdmins = snapshot({ iam: { users: [user('alice', { groups: ['admins'] })], groups: [group('admins')] } });

    it('refuses when the caller is an IAM user in the group signing with long-term keys', () => {
      const step = only(plan(forceMfaPlanner, aliceInAdmins, { admins: { users: [] } }, ALICE_WITH_KEYS));
      expect(step.kind).toBe('create');
      expect(step.refused).toMatch(/^would lock you out: .*no MFA session; enrol MFA and use `rampart creds mfa` \/ `aws sts get-session-token`, or run as another admin$/);
    });

    it('refuses when the caller is one of the spec admin users about to join the group', () => {
      expect(only(plan(forceMfaPlanner, snapshot(), {}, ALICE_WITH_KEYS)).refused).toMatch(/would lock you out/);
    });

    it('lets the same user through with an MFA session, root, or a caller outside the group', () => {
      expect(only(plan(forceMfaPlanner, aliceInAdmins, {}, { ...ALICE_WITH_KEYS, longTermKeys: false })).refused).toBeUndefined();
      expect(only(plan(forceMfaPlanner, aliceInAdmins, {}, ROOT_CALLER)).refused).toBeUndefined();
      const bob: Caller = { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, isRoot: false, userName: 'bob', longTermKeys: true };
      expect(only(plan(forceMfaPlanner, aliceInAdmins, {}, bob)).refused).toBeUndefined();
    });

    it('refuses when the groups could not be read', () => {
      const unread = withFailedCall(snapshot(), { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
      for (const section of ['users', 'groups', 'roles', 'policies'] as const) delete (unread.iam as Partial<AccountSnapshot['iam']>)[section];
      expect(only(plan(forceMfaPlanner, unread, { admins: { users: [] } }, ALICE_WITH_KEYS))).toMatchObject({ kind: 'update', refused: expect.stringMatching(/would lock you out/) });
    });

    it('does not refuse what is already done', () => {
      const done = snapshot({
        iam: { users: [user('alice', { groups: ['admins'] })], policies: [FORCE_MFA], groups: [group('admins', { attachedPolicies: [attach(FORCE_MFA)] })] },
      });
      expect(only(plan(forceMfaPlanner, done, {}, ALICE_WITH_KEYS))).toMatchObject({ kind: 'noop' });
    });
  });
});

describe('admin-users', () => {
  const withUsers = (users: ReturnType<typeof user>[], rows = users.map((u) => userRow(u.name))) => snapshot({ iam: { users, credentialReport: report(...rows) } });

  it('creates each spec user in the group with a console password, as root too', () => {
    const steps = plan(adminUsersPlanner, snapshot(), { admins: { users: ['alice', 'bob'] } }, ROOT_CALLER);
    expect(kinds(steps)).toEqual([
      ['admin-user:alice', 'create', null],
      ['admin-user:bob', 'create', null],
    ]);
    expect(steps[0]).toMatchObject({ rootAllowed: true, dependsOn: ['admin-group'] });
    expect(steps[0]!.detail).toContain('autogenerated console password (written to a 0600 file, never printed; to be changed at first sign-in)');
  });

  it('adopts an existing user: adds it to the group, gives it a console password only if it has none', () => {
    const outside = withUsers([user('alice')]);
    expect(only(plan(adminUsersPlanner, outside))).toMatchObject({ kind: 'update', detail: expect.stringMatching(/add it to group admins, give it an autogenerated/) });
    const withPassword = withUsers([user('alice')], [userRow('alice', { passwordEnabled: true })]);
    expect(only(plan(adminUsersPlanner, withPassword)).detail).toBe('user alice exists: add it to group admins');
    const done = withUsers([user('alice', { groups: ['admins'] })], [userRow('alice', { passwordEnabled: true })]);
    expect(only(plan(adminUsersPlanner, done))).toMatchObject({ kind: 'noop' });
  });

  it('refuses to put the caller, signing with long-term keys, into a group that forces MFA', () => {
    const step = only(plan(adminUsersPlanner, withUsers([user('alice')], [userRow('alice', { passwordEnabled: true })]), {}, ALICE_WITH_KEYS));
    expect(step.refused).toMatch(/would lock you out/);
    // Without force-MFA in the spec or on the group, joining is harmless.
    expect(only(plan(adminUsersPlanner, withUsers([user('alice')]), { forceMfa: false }, ALICE_WITH_KEYS)).refused).toBeUndefined();
  });

  it('generates passwords with every character class, long enough, and never twice the same', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword(14));
    for (const p of passwords) {
      expect(p).toHaveLength(20);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/\d/);
      expect(p).toMatch(/[!@#$%^&*()_+\-=[\]{}|']/);
    }
    expect(new Set(passwords).size).toBe(50);
    expect(generatePassword(40)).toHaveLength(40);
  });
});

describe('account-alias', () => {
  const withAlias = (alias: string | null) => snapshot({ account: { id: ACCOUNT, partition: 'aws', alias } });

  it('creates the alias and shows the sign-in URL; noop when equal; nothing without one in the spec', () => {
    expect(only(plan(accountAliasPlanner, withAlias(null), { accountAlias: 'acme-prod' }))).toMatchObject({
      kind: 'create',
      detail: 'create alias acme-prod: sign in at https://acme-prod.signin.aws.amazon.com/console',
    });
    expect(only(plan(accountAliasPlanner, withAlias('acme-prod'), { accountAlias: 'acme-prod' })).kind).toBe('noop');
    expect(plan(accountAliasPlanner, withAlias(null))).toEqual([]);
  });

  it('replaces a different alias only when the spec says so', () => {
    const refused = only(plan(accountAliasPlanner, withAlias('old-name'), { accountAlias: 'acme-prod' }));
    expect(refused).toMatchObject({ kind: 'update' });
    expect(refused.refused).toContain('set replaceAccountAlias: true');
    const step = only(plan(accountAliasPlanner, withAlias('old-name'), { accountAlias: 'acme-prod', replaceAccountAlias: true }));
    expect(step.refused).toBeUndefined();
    expect(step.detail).toContain('https://old-name.signin.aws.amazon.com/console stops working');
  });
});

describe('alternate-contacts', () => {
  const security = { name: 'Security Team', title: 'Security', email: 'security.team@example.com', phone: '+1-555-0100' };

  it('sets each contact the spec gives: create, noop when equal, update when different', () => {
    const s = snapshot({ alternateContacts: { SECURITY: null, BILLING: contact('Finance'), OPERATIONS: null } });
    const billing = { name: 'Finance', title: 'Team', email: 'finance@example.com', phone: '+1' };
    const ops = { name: 'Ops', title: 'Ops', email: 'ops@example.com', phone: '+1' };
    expect(kinds(plan(alternateContactsPlanner, s, { alternateContacts: { security, billing } }))).toEqual([
      ['alternate-contact:security', 'create', null],
      ['alternate-contact:billing', 'noop', null],
    ]);
    const changed = { alternateContacts: { security, billing: ops } };
    expect(kinds(plan(alternateContactsPlanner, s, changed))).toEqual([
      ['alternate-contact:security', 'create', null],
      ['alternate-contact:billing', 'update', null],
    ]);
    expect(plan(alternateContactsPlanner, s)).toEqual([]);
  });
});

describe('support-role', () => {
  const supportAccess = awsPolicy('AWSSupportAccess');

  it('creates the role, attaches the policy to an existing one, adopts any role that has it', () => {
    expect(only(plan(supportRolePlanner, snapshot())).kind).toBe('create');
    expect(only(plan(supportRolePlanner, snapshot({ iam: { roles: [role('AWSSupport')] } }))).kind).toBe('update');
    const adopted = only(plan(supportRolePlanner, snapshot({ iam: { roles: [role('incident', { attachedPolicies: [attach(supportAccess)] })] } })));
    expect(adopted).toMatchObject({ kind: 'noop', detail: expect.stringContaining('role incident already has AWSSupportAccess') });
  });
});

describe('s3-public-access-block', () => {
  it('turns on the four settings: create, update, noop', () => {
    expect(only(plan(s3PublicAccessBlockPlanner, snapshot({ s3AccountPublicAccessBlock: null }))).kind).toBe('create');
    const partial = only(plan(s3PublicAccessBlockPlanner, snapshot({ s3AccountPublicAccessBlock: { ...PAB_ON, restrictPublicBuckets: false } })));
    expect(partial).toMatchObject({ kind: 'update', detail: 'turn on RestrictPublicBuckets (the settings already on stay on)' });
    expect(only(plan(s3PublicAccessBlockPlanner, snapshot({ s3AccountPublicAccessBlock: PAB_ON }))).kind).toBe('noop');
    expect(only(plan(s3PublicAccessBlockPlanner, snapshot({ s3AccountPublicAccessBlock: PAB_OFF }))).detail).toContain('BlockPublicAcls, IgnorePublicAcls');
    expect(plan(s3PublicAccessBlockPlanner, snapshot(), { s3PublicAccessBlock: false })).toEqual([]);
  });
});

it('every identity step names the IAM actions it calls', () => {
  const s = snapshot({ s3AccountPublicAccessBlock: null });
  const all = [passwordPolicyPlanner, adminGroupPlanner, forceMfaPlanner, adminUsersPlanner, accountAliasPlanner, supportRolePlanner, s3PublicAccessBlockPlanner].flatMap((p) =>
    plan(p, s, { accountAlias: 'acme-prod' }),
  );
  for (const step of all) {
    expect(step.actions.length, step.id).toBeGreaterThan(0);
    for (const action of step.actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z]+$/);
  }
  expect(ADMIN_ARN).toContain('AdministratorAccess');
});
