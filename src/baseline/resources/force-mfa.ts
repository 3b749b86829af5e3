// The force-MFA policy of seeds 001/003: AWS's documented example "Allows MFA-authenticated IAM users to manage their
// own credentials", whose Deny takes away everything but MFA self-service while the session has no MFA. A new user can
// still change the initial password (iam:ChangePassword, iam:GetAccountPasswordPolicy) and enrol a device, then signs
// in again with it. Customer managed, attached to the admin group (every human group, at least that one).
//
// The lockout guard: attaching it to a group the caller is in, while the caller signs with a long-term access key (no
// MFA in the session), would deny the caller everything from the next call on. The step is refused, with the way out.
import { AttachGroupPolicyCommand, CreatePolicyCommand } from '@aws-sdk/client-iam';
import { forceMfaPolicy, forcesMfa } from '../../checks/identity/force-mfa.js';
import { describePolicy, holderPolicies } from '../../checks/identity/permissions.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { ApplyContext, PlanContext, Planner, Step } from '../types.js';
import { ADMIN_GROUP_STEP } from './admin-group.js';
import {
  adminSpec,
  attachedGroupPolicyArns,
  callerWithoutMfa,
  customerPolicyArn,
  findGroup,
  findPolicy,
  groupsOfUser,
  iamClient,
  lockoutReason,
  notCollected,
  readPolicyDocument,
} from './iam-common.js';

export const FORCE_MFA_STEP = 'force-mfa';
const ACTIONS = ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:CreatePolicy', 'iam:ListAttachedGroupPolicies', 'iam:AttachGroupPolicy', 'iam:ListGroupsForUser'];

/** What a user without MFA may still do: see the account's rules, change the initial password, enrol MFA, get an MFA session. */
export const MFA_EXEMPT_ACTIONS = [
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetUser',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'sts:GetSessionToken',
];

/** AWS's example policy, in the account's partition. The Allows let a group without other rights manage its own MFA. */
export function forceMfaDocument(partition: string): Record<string, unknown> {
  const ownUser = `arn:${partition}:iam::*:user/\${aws:username}`;
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AllowViewAccountInfo', Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'], Resource: '*' },
      { Sid: 'AllowManageOwnPasswords', Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetUser'], Resource: ownUser },
      { Sid: 'AllowManageOwnVirtualMFADevice', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice'], Resource: `arn:${partition}:iam::*:mfa/*` },
      {
        Sid: 'AllowManageOwnUserMFA',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: ownUser,
      },
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: MFA_EXEMPT_ACTIONS,
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  };
}

/** Whether the caller is, or is about to be (an admin user of the spec), in `group`; unknown counts as in. */
function callerInGroup(ctx: PlanContext, group: string): boolean {
  const name = ctx.caller.userName;
  if (!name) return false;
  if (adminSpec(ctx)?.users.includes(name)) return true;
  const users = ctx.snapshot.iam.users;
  if (!users) return true;
  return users.find((u) => u.name === name)?.groups.includes(group) ?? false;
}

/** A policy of the group (ours or the account's own) that already forces MFA, described; null if none. */
function groupForcesMfa(snapshot: AccountSnapshot, group: string): string | null {
  const g = findGroup(snapshot, group);
  if (!g) return null;
  const found = forceMfaPolicy(holderPolicies(g, snapshot.iam.policies ?? []));
  return found ? describePolicy(found) : null;
}

async function run(ctx: ApplyContext, policyName: string, group: string | null): Promise<string> {
  const iam = iamClient(ctx);
  // The guard again, on the account as it is now: the plan may be older than a group change.
  if (group && callerWithoutMfa(ctx.caller) && (await groupsOfUser(iam, ctx.caller.userName).catch(() => [group])).includes(group)) {
    throw new Error(lockoutReason(ctx.caller, group));
  }
  const arn = customerPolicyArn(ctx.snapshot, policyName);
  const done: string[] = [];
  const document = await readPolicyDocument(iam, arn);
  if (document === null) {
    await iam.send(
      new CreatePolicyCommand({
        PolicyName: policyName,
        PolicyDocument: JSON.stringify(forceMfaDocument(ctx.snapshot.account.partition), null, 2),
        Description: 'Denies everything but MFA self-service and changing the initial password until the session has MFA (rampart)',
      }),
    );
    done.push(`created policy ${policyName}`);
  } else if (!forcesMfa(document)) {
    throw new Error(`policy ${policyName} exists and does not force MFA; rampart does not change a policy it did not create: fix it, or set forceMfa.policyName to another name`);
  }
  if (group) {
    if (!(await attachedGroupPolicyArns(iam, group)).includes(arn)) {
      await iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: arn }));
      if (!(await attachedGroupPolicyArns(iam, group)).includes(arn)) throw new Error(`${policyName} is still not attached to group ${group}`);
      done.push(`attached it to group ${group}`);
    }
  }
  if (!done.length) return group ? `group ${group} already has ${policyName}` : `policy ${policyName} exists`;
  return `${done.join(', ')}: without an MFA session its members can only change their password and enrol MFA`;
}

export const forceMfaPlanner: Planner = {
  id: 'force-mfa',
  plan(ctx) {
    const spec = ctx.spec.forceMfa;
    if (spec === false) return [];
    const { policyName } = spec;
    const group = adminSpec(ctx)?.group ?? null;
    const { snapshot } = ctx;
    const arn = customerPolicyArn(snapshot, policyName);
    const base = {
      id: FORCE_MFA_STEP,
      title: group ? `Force-MFA policy ${policyName} on group ${group}` : `Force-MFA policy ${policyName}`,
      actions: ACTIONS,
      rootAllowed: true,
      ...(group ? { dependsOn: [ADMIN_GROUP_STEP] } : {}),
    };
    const runnable = { ...base, run: (apply: ApplyContext) => run(apply, policyName, group) };
    const noop = (detail: string): Step[] => [{ ...base, kind: 'noop', detail }];

    const guarded = (step: Step): Step[] => [group && callerWithoutMfa(ctx.caller) && callerInGroup(ctx, group) ? { ...step, refused: lockoutReason(ctx.caller, group) } : step];

    if (!snapshot.iam.policies || !snapshot.iam.groups) return guarded({ ...runnable, kind: 'update', detail: notCollected('IAM policies and groups') });
    const existing = findPolicy(snapshot, arn);
    if (existing && !forcesMfa(existing.document)) {
      return [
        {
          ...base,
          kind: 'update',
          detail: `policy ${policyName} exists and does not force MFA`,
          refused: `policy ${policyName} exists but does not deny actions without MFA; rampart does not change a policy it did not create: fix it, or set forceMfa.policyName to another name`,
        },
      ];
    }
    if (!group) {
      return existing
        ? noop(`policy ${policyName} exists (no admin group in the spec to attach it to)`)
        : [{ ...runnable, kind: 'create', detail: `create policy ${policyName} (no admin group in the spec: attach it to your human groups)` }];
    }
    const attached = findGroup(snapshot, group)?.attachedPolicies.some((p) => p.arn === arn) ?? false;
    if (attached) return noop(`group ${group} has ${policyName}`);
    const other = groupForcesMfa(snapshot, group);
    if (other) return noop(`group ${group} already forces MFA through ${other}`);

    const what = existing ? `attach the existing policy ${policyName} to group ${group}` : `create policy ${policyName} and attach it to group ${group}`;
    const detail = `${what}: without an MFA session, its members can only change their password and enrol MFA`;
    return guarded({ ...runnable, kind: existing ? 'update' : 'create', detail });
  },
};
