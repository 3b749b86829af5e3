// GetAccountAuthorizationDetails: every user, group, role and managed policy with their policies, in one
// paginated listing. MaxItems counts entities across the four lists together, as IAM does.
import { ApiError } from '../../errors.js';
import { listParam } from '../../protocols/query.js';
import type { QueryParams, RequestContext } from '../../service.js';
import type { Group, ManagedPolicy, Role, User, World } from '../../world.js';
import { attachmentCount, boundaryUsageCount } from '../../world.js';
import { paginate } from './paging.js';
import { attachedShape, boundaryShape, encodeDocument, inlineShape, tagsShape } from './shapes.js';

type Entity = { kind: 'User'; user: User } | { kind: 'Group'; group: Group } | { kind: 'Role'; role: Role } | { kind: 'Policy'; policy: ManagedPolicy };

const FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

function entities(world: World, filter: readonly string[]): Entity[] {
  const want = (f: (typeof FILTERS)[number]) => filter.length === 0 || filter.includes(f);
  const out: Entity[] = [];
  if (want('User')) out.push(...world.users.map((user) => ({ kind: 'User' as const, user })));
  if (want('Group')) out.push(...world.groups.map((group) => ({ kind: 'Group' as const, group })));
  if (want('Role')) out.push(...world.roles.map((role) => ({ kind: 'Role' as const, role })));
  for (const policy of world.policies) {
    // AWS managed policies appear only when something uses them; the catalogue has hundreds.
    const used = attachmentCount(world, policy.arn) > 0 || boundaryUsageCount(world, policy.arn) > 0;
    if (policy.awsManaged ? want('AWSManagedPolicy') && used : want('LocalManagedPolicy')) out.push({ kind: 'Policy', policy });
  }
  return out;
}

function userDetail(world: World, u: User) {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.created,
    UserPolicyList: inlineShape(u.inlinePolicies),
    GroupList: u.groups,
    AttachedManagedPolicies: attachedShape(world, u.attachedPolicies),
    PermissionsBoundary: boundaryShape(u.permissionsBoundary),
    Tags: tagsShape(u.tags),
  };
}

function groupDetail(world: World, g: Group) {
  return {
    Path: g.path,
    GroupName: g.name,
    GroupId: g.id,
    Arn: g.arn,
    CreateDate: g.created,
    GroupPolicyList: inlineShape(g.inlinePolicies),
    AttachedManagedPolicies: attachedShape(world, g.attachedPolicies),
  };
}

function roleDetail(world: World, r: Role) {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.created,
    AssumeRolePolicyDocument: encodeDocument(r.trustPolicy),
    InstanceProfileList: [],
    RolePolicyList: inlineShape(r.inlinePolicies),
    AttachedManagedPolicies: attachedShape(world, r.attachedPolicies),
    PermissionsBoundary: boundaryShape(r.permissionsBoundary),
    Tags: tagsShape(r.tags),
    // Never used: AWS sends an empty RoleLastUsed.
    RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.date, Region: r.lastUsed.region } : {},
  };
}

function policyDetail(world: World, p: ManagedPolicy) {
  const defaultVersion = p.versions.find((v) => v.isDefault);
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: defaultVersion?.id,
    AttachmentCount: attachmentCount(world, p.arn),
    PermissionsBoundaryUsageCount: boundaryUsageCount(world, p.arn),
    IsAttachable: true,
    Description: p.description ?? undefined,
    CreateDate: p.created,
    UpdateDate: p.updated,
    PolicyVersionList: p.versions.map((v) => ({
      Document: encodeDocument(v.document),
      VersionId: v.id,
      IsDefaultVersion: v.isDefault,
      CreateDate: v.created,
    })),
  };
}

export function getAccountAuthorizationDetails(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const filter = listParam(params, 'Filter');
  const bad = filter.find((f) => !(FILTERS as readonly string[]).includes(f));
  if (bad) throw new ApiError('ValidationError', `Value '${bad}' at 'filter' failed to satisfy constraint: Member must satisfy enum value set: [${FILTERS.join(', ')}]`, 400);
  const page = paginate(entities(world, filter), params);
  const pick = <K extends Entity['kind']>(kind: K) => page.items.filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);
  return {
    UserDetailList: pick('User').map((e) => userDetail(world, e.user)),
    GroupDetailList: pick('Group').map((e) => groupDetail(world, e.group)),
    RoleDetailList: pick('Role').map((e) => roleDetail(world, e.role)),
    Policies: pick('Policy').map((e) => policyDetail(world, e.policy)),
    ...page.fields,
  };
}
