// What the identity planners share: ARNs, reading the snapshot's IAM sections, IAM reads that treat "no such
// entity" as an answer, and the lockout guard of force-MFA.
import { GetPolicyCommand, GetPolicyVersionCommand, IAMClient, ListAttachedGroupPoliciesCommand, ListGroupsForUserCommand } from '@aws-sdk/client-iam';
import { awsErrorCode } from '../../aws/errors.js';
import type { AccountSnapshot, IamGroup, ManagedPolicy } from '../../inventory/snapshot.js';
import { parsePolicyDocument } from '../../inventory/iam/policy-document.js';
import type { ApplyContext, Caller, PlanContext } from '../types.js';

export const AWS_POLICY_NAMES = ['AdministratorAccess', 'IAMFullAccess', 'AWSSupportAccess'] as const;

/** `arn:aws:iam::aws:policy/AdministratorAccess` in the account's partition. */
export const awsPolicyArn = (snapshot: AccountSnapshot, name: string): string => `arn:${snapshot.account.partition}:iam::aws:policy/${name}`;

/** A customer managed policy at path `/` of this account. */
export const customerPolicyArn = (snapshot: AccountSnapshot, name: string): string =>
  `arn:${snapshot.account.partition}:iam::${snapshot.account.id}:policy/${name}`;

/** IAM, a global service: the session's home region signs it. */
export const iamClient = (ctx: ApplyContext): IAMClient => ctx.session.client(IAMClient);

/** The value, or null when AWS answers NoSuchEntity (the thing does not exist). */
export async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (awsErrorCode(err) === 'NoSuchEntity') return null;
    throw err;
  }
}

/** Every page of a Marker/IsTruncated IAM listing. */
export async function iamPages<T>(page: (marker: string | undefined) => Promise<{ items: T[] | undefined; IsTruncated?: boolean; Marker?: string }>): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const out = await page(marker);
    all.push(...(out.items ?? []));
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return all;
}

export async function attachedGroupPolicyArns(iam: IAMClient, group: string): Promise<string[]> {
  const attached = await iamPages(async (Marker) => {
    const out = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: group, Marker }));
    return { items: out.AttachedPolicies, IsTruncated: out.IsTruncated, Marker: out.Marker };
  });
  return attached.map((p) => p.PolicyArn ?? '');
}

export async function groupsOfUser(iam: IAMClient, user: string): Promise<string[]> {
  const groups = await iamPages(async (Marker) => {
    const out = await iam.send(new ListGroupsForUserCommand({ UserName: user, Marker }));
    return { items: out.Groups, IsTruncated: out.IsTruncated, Marker: out.Marker };
  });
  return groups.map((g) => g.GroupName ?? '');
}

/** A managed policy's default document, or null when there is no policy at that ARN. */
export async function readPolicyDocument(iam: IAMClient, arn: string): Promise<unknown> {
  const policy = await orNull(() => iam.send(new GetPolicyCommand({ PolicyArn: arn })));
  if (!policy?.Policy) return null;
  const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.Policy.DefaultVersionId }));
  return parsePolicyDocument(version.PolicyVersion?.Document) ?? null;
}

export const findGroup = (snapshot: AccountSnapshot, name: string): IamGroup | undefined => snapshot.iam.groups?.find((g) => g.name === name);

export const findPolicy = (snapshot: AccountSnapshot, arn: string): ManagedPolicy | undefined => snapshot.iam.policies?.find((p) => p.arn === arn);

/** The admin group's settings, or null when the spec turns the admin section off. */
export function adminSpec(ctx: PlanContext): { group: string; policy: string; users: string[] } | null {
  return ctx.spec.admins === false ? null : ctx.spec.admins;
}

/** Names the sections a plan could not read, for a step's detail. */
export const notCollected = (what: string): string => `${what} could not be read when the account was collected; apply reads it again and acts only on what is missing`;

/**
 * The lockout guard: an IAM user signing with long-term access keys has no MFA in its session, so a force-MFA
 * policy on a group it is in denies it almost everything, rampart's next call included.
 */
export function lockoutReason(caller: Caller, group: string): string {
  return (
    `would lock you out: you are IAM user ${caller.userName ?? '?'} in group ${group}, signing with an access key that has no MFA session; ` +
    'enrol MFA and use `rampart creds mfa` / `aws sts get-session-token`, or run as another admin'
  );
}

/** The caller is an IAM user without an MFA session (long-term keys). */
export const callerWithoutMfa = (caller: Caller): caller is Caller & { userName: string } => !caller.isRoot && caller.longTermKeys && caller.userName !== null;
