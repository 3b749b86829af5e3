// Users, groups, roles and managed policies in one paginated call: GetAccountAuthorizationDetails
// answers for the whole account, so nothing here is asked per user.
import {
  paginateGetAccountAuthorizationDetails,
  type AttachedPolicy,
  type GroupDetail,
  type IAMClient,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
  type Tag,
  type UserDetail,
} from '@aws-sdk/client-iam';
import { call, type FailureLog } from '../context.js';
import { isoOrNull } from '../dates.js';
import type { IamGroup, IamRole, IamUser, ManagedPolicy } from '../snapshot.js';
import { parsePolicyDocument } from './policy-document.js';

export interface AuthorizationDetails {
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  policies: ManagedPolicy[];
}

const AWS_MANAGED_ARN = /^arn:[^:]+:iam::aws:policy\//;

const attached = (list: AttachedPolicy[] | undefined) => (list ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
const inline = (list: PolicyDetail[] | undefined) =>
  (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: parsePolicyDocument(p.PolicyDocument) }));
const tags = (list: Tag[] | undefined): Record<string, string> => Object.fromEntries((list ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
// An entity without a creation date would fail the schema; the epoch is obviously "unknown" to a reader.
const created = (date: Date | undefined): string => isoOrNull(date) ?? new Date(0).toISOString();

export const toUser = (u: UserDetail): IamUser => ({
  name: u.UserName ?? '',
  id: u.UserId ?? '',
  arn: u.Arn ?? '',
  path: u.Path ?? '/',
  createDate: created(u.CreateDate),
  groups: u.GroupList ?? [],
  attachedPolicies: attached(u.AttachedManagedPolicies),
  inlinePolicies: inline(u.UserPolicyList),
  permissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
  tags: tags(u.Tags),
});

export const toGroup = (g: GroupDetail): IamGroup => ({
  name: g.GroupName ?? '',
  id: g.GroupId ?? '',
  arn: g.Arn ?? '',
  path: g.Path ?? '/',
  createDate: created(g.CreateDate),
  attachedPolicies: attached(g.AttachedManagedPolicies),
  inlinePolicies: inline(g.GroupPolicyList),
});

export const toRole = (r: RoleDetail): IamRole => ({
  name: r.RoleName ?? '',
  id: r.RoleId ?? '',
  arn: r.Arn ?? '',
  path: r.Path ?? '/',
  createDate: created(r.CreateDate),
  assumeRolePolicy: parsePolicyDocument(r.AssumeRolePolicyDocument),
  attachedPolicies: attached(r.AttachedManagedPolicies),
  inlinePolicies: inline(r.RolePolicyList),
  permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
  lastUsedDate: isoOrNull(r.RoleLastUsed?.LastUsedDate),
  tags: tags(r.Tags),
});

export function toManagedPolicy(p: ManagedPolicyDetail): ManagedPolicy {
  const versions = p.PolicyVersionList ?? [];
  const current = versions.find((v) => v.IsDefaultVersion) ?? versions.find((v) => v.VersionId === p.DefaultVersionId);
  const arn = p.Arn ?? '';
  return {
    name: p.PolicyName ?? '',
    id: p.PolicyId ?? '',
    arn,
    path: p.Path ?? '/',
    awsManaged: AWS_MANAGED_ARN.test(arn),
    attachmentCount: p.AttachmentCount ?? 0,
    defaultVersionId: p.DefaultVersionId ?? current?.VersionId ?? '',
    document: parsePolicyDocument(current?.Document),
  };
}

export async function collectAuthorizationDetails(iam: IAMClient, failures: FailureLog, pageSize: number): Promise<AuthorizationDetails> {
  return call(failures, { service: 'iam', operation: 'GetAccountAuthorizationDetails' }, async () => {
    const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam, pageSize }, {})) {
      details.users.push(...(page.UserDetailList ?? []).map(toUser));
      details.groups.push(...(page.GroupDetailList ?? []).map(toGroup));
      details.roles.push(...(page.RoleDetailList ?? []).map(toRole));
      details.policies.push(...(page.Policies ?? []).map(toManagedPolicy));
    }
    return details;
  });
}
