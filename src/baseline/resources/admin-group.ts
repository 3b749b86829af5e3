// The admin group (seeds 000, 003: "IAMAdmins" with AdministratorAccess; seed 001's variant: IAMFullAccess only).
// Permissions go to the group, never to the user (CIS: policies through groups). An existing group is adopted and
// only gets the policy attached; nothing already attached is removed.
import { AttachGroupPolicyCommand, CreateGroupCommand, GetGroupCommand } from '@aws-sdk/client-iam';
import type { AccountSnapshot, IamGroup } from '../../inventory/snapshot.js';
import type { ApplyContext, Planner, Step } from '../types.js';
import { adminSpec, attachedGroupPolicyArns, awsPolicyArn, findGroup, iamClient, notCollected, orNull } from './iam-common.js';

export const ADMIN_GROUP_STEP = 'admin-group';
const ACTIONS = ['iam:GetGroup', 'iam:CreateGroup', 'iam:ListAttachedGroupPolicies', 'iam:AttachGroupPolicy'];

/** The policies that satisfy the spec: AdministratorAccess also covers IAMFullAccess. */
export function satisfyingPolicyArns(snapshot: AccountSnapshot, policy: string): string[] {
  const names = policy === 'IAMFullAccess' ? ['IAMFullAccess', 'AdministratorAccess'] : [policy];
  return names.map((n) => awsPolicyArn(snapshot, n));
}

export const groupHasPolicy = (group: IamGroup, arns: readonly string[]): boolean => group.attachedPolicies.some((p) => arns.includes(p.arn));

async function run(ctx: ApplyContext, group: string, policy: string): Promise<string> {
  const iam = iamClient(ctx);
  const done: string[] = [];
  const existing = await orNull(() => iam.send(new GetGroupCommand({ GroupName: group, MaxItems: 1 })));
  if (!existing) {
    await iam.send(new CreateGroupCommand({ GroupName: group }));
    done.push(`created group ${group}`);
  }
  const wanted = satisfyingPolicyArns(ctx.snapshot, policy);
  if (!(await attachedGroupPolicyArns(iam, group)).some((arn) => wanted.includes(arn))) {
    await iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: wanted[0] }));
    done.push(`attached ${policy}`);
    if (!(await attachedGroupPolicyArns(iam, group)).includes(wanted[0]!)) throw new Error(`${policy} is still not attached to group ${group}`);
  }
  return done.length ? `${done.join(', ')} (group ${group})` : `group ${group} already has ${policy}`;
}

export const adminGroupPlanner: Planner = {
  id: 'admin-group',
  plan(ctx) {
    const admins = adminSpec(ctx);
    if (!admins) return [];
    const { group, policy } = admins;
    const base = {
      id: ADMIN_GROUP_STEP,
      title: `Admin group ${group} with ${policy}`,
      actions: ACTIONS,
      rootAllowed: true,
      run: (apply: ApplyContext) => run(apply, group, policy),
    };
    if (!ctx.snapshot.iam.groups) return [{ ...base, kind: 'update', detail: notCollected('IAM groups') }];
    const existing = findGroup(ctx.snapshot, group);
    if (!existing) return [{ ...base, kind: 'create', detail: `create group ${group} and attach the AWS managed policy ${policy}` }];
    if (!groupHasPolicy(existing, satisfyingPolicyArns(ctx.snapshot, policy))) {
      return [{ ...base, kind: 'update', detail: `group ${group} exists without ${policy}: attach it (what is attached stays)` } satisfies Step];
    }
    const { run: _run, ...noop } = base;
    const has = existing.attachedPolicies.find((p) => satisfyingPolicyArns(ctx.snapshot, policy).includes(p.arn));
    return [{ ...noop, kind: 'noop', detail: `group ${group} exists with ${has?.name ?? policy}` }];
  },
};
