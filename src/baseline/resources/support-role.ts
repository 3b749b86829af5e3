// The support role (CIS 2.16): a role with the AWS managed AWSSupportAccess policy, so that a support case can be
// opened without root. Trusted by the account itself (its IAM principals that may assume roles), with MFA required.
// A role that already has AWSSupportAccess is adopted: no second one.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, ListAttachedRolePoliciesCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { ApplyContext, Planner } from '../types.js';
import { awsPolicyArn, iamClient, iamPages, notCollected, orNull } from './iam-common.js';

export const SUPPORT_ROLE_STEP = 'support-role';
const ACTIONS = ['iam:GetRole', 'iam:CreateRole', 'iam:ListAttachedRolePolicies', 'iam:AttachRolePolicy'];

export function supportTrustPolicy(snapshot: AccountSnapshot): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AssumeWithMfaFromThisAccount',
        Effect: 'Allow',
        Principal: { AWS: `arn:${snapshot.account.partition}:iam::${snapshot.account.id}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ],
  };
}

async function attachedRolePolicyArns(iam: IAMClient, role: string): Promise<string[]> {
  const attached = await iamPages(async (Marker) => {
    const out = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker }));
    return { items: out.AttachedPolicies, IsTruncated: out.IsTruncated, Marker: out.Marker };
  });
  return attached.map((p) => p.PolicyArn ?? '');
}

async function run(ctx: ApplyContext, role: string): Promise<string> {
  const iam = iamClient(ctx);
  const policy = awsPolicyArn(ctx.snapshot, 'AWSSupportAccess');
  const done: string[] = [];
  if (!(await orNull(() => iam.send(new GetRoleCommand({ RoleName: role }))))) {
    await iam.send(
      new CreateRoleCommand({
        RoleName: role,
        AssumeRolePolicyDocument: JSON.stringify(supportTrustPolicy(ctx.snapshot), null, 2),
        Description: 'Opens and manages AWS Support cases; assumable from this account with MFA (rampart)',
      }),
    );
    done.push(`created role ${role}`);
  }
  if (!(await attachedRolePolicyArns(iam, role)).includes(policy)) {
    await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: policy }));
    if (!(await attachedRolePolicyArns(iam, role)).includes(policy)) throw new Error(`AWSSupportAccess is still not attached to role ${role}`);
    done.push('attached AWSSupportAccess');
  }
  return done.length ? `${done.join(', ')} (role ${role}, assumable from this account with MFA)` : `role ${role} already has AWSSupportAccess`;
}

export const supportRolePlanner: Planner = {
  id: 'support-role',
  plan(ctx) {
    const spec = ctx.spec.supportRole;
    if (spec === false) return [];
    const { name } = spec;
    const { snapshot } = ctx;
    const base = { id: SUPPORT_ROLE_STEP, title: `Support role ${name}`, actions: ACTIONS };
    const runnable = { ...base, run: (apply: ApplyContext) => run(apply, name) };
    const roles = snapshot.iam.roles;
    if (!roles) return [{ ...runnable, kind: 'update', detail: notCollected('IAM roles') }];
    const policy = awsPolicyArn(snapshot, 'AWSSupportAccess');
    const holders = roles.filter((r) => r.attachedPolicies.some((p) => p.arn === policy));
    const own = roles.find((r) => r.name === name);
    if (own && holders.includes(own)) return [{ ...base, kind: 'noop', detail: `role ${name} has AWSSupportAccess` }];
    if (holders.length) return [{ ...base, kind: 'noop', detail: `role ${holders.map((r) => r.name).join(', ')} already has AWSSupportAccess (adopted; no second role)` }];
    if (own) return [{ ...runnable, kind: 'update', detail: `role ${name} exists without AWSSupportAccess: attach it` }];
    return [{ ...runnable, kind: 'create', detail: `create role ${name} with AWSSupportAccess, assumable from this account with MFA` }];
  },
};
