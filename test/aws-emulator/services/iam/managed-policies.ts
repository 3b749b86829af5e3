// Customer managed policies: CreatePolicy, and reading policies the way apply verifies them (GetPolicy,
// GetPolicyVersion, ListPolicies). Documents go out URL-encoded, as IAM sends them.
import { ApiError } from '../../errors.js';
import type { QueryParams, RequestContext } from '../../service.js';
import type { ManagedPolicy } from '../../world.js';
import { attachmentCount, boundaryUsageCount, policyByArn, stableId } from '../../world.js';
import { paginate } from './paging.js';
import { checkDocument, requiredName } from './principals.js';
import { defaultVersion, encodeDocument, noSuchEntity } from './shapes.js';

function policyShape(ctx: RequestContext, p: ManagedPolicy) {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: defaultVersion(p)?.id,
    AttachmentCount: attachmentCount(ctx.world, p.arn),
    PermissionsBoundaryUsageCount: boundaryUsageCount(ctx.world, p.arn),
    IsAttachable: true,
    Description: p.description ?? undefined,
    CreateDate: p.created,
    UpdateDate: p.updated,
  };
}

function findPolicy(ctx: RequestContext, arn: string | undefined): ManagedPolicy {
  const policy = arn ? policyByArn(ctx.world, arn) : undefined;
  if (!policy) throw noSuchEntity(`Policy ${arn ?? '(null)'} was not found.`);
  return policy;
}

export function createPolicy(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const name = requiredName(params, 'PolicyName', 128);
  const document = checkDocument(params['PolicyDocument'], 'policyDocument');
  const path = params['Path'] ?? '/';
  const arn = `arn:${world.account.partition}:iam::${world.account.id}:policy${path}${name}`;
  if (policyByArn(world, arn)) throw new ApiError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`, 409);
  const policy: ManagedPolicy = {
    name,
    path,
    id: stableId('ANPA', world.account.id, 'policy', name),
    arn,
    awsManaged: false,
    description: params['Description'] ?? null,
    created: ctx.now,
    updated: ctx.now,
    versions: [{ id: 'v1', document, created: ctx.now, isDefault: true }],
  };
  world.policies.push(policy);
  return { Policy: policyShape(ctx, policy) };
}

export function getPolicy(params: QueryParams, ctx: RequestContext) {
  return { Policy: policyShape(ctx, findPolicy(ctx, params['PolicyArn'])) };
}

export function getPolicyVersion(params: QueryParams, ctx: RequestContext) {
  const policy = findPolicy(ctx, params['PolicyArn']);
  const version = policy.versions.find((v) => v.id === params['VersionId']);
  if (!version) throw noSuchEntity(`Policy ${policy.arn} version ${params['VersionId'] ?? '(null)'} does not exist or is not attachable.`);
  return { PolicyVersion: { Document: encodeDocument(version.document), VersionId: version.id, IsDefaultVersion: version.isDefault, CreateDate: version.created } };
}

export function listPolicies(params: QueryParams, ctx: RequestContext) {
  const scope = params['Scope'] ?? 'All';
  if (!['All', 'AWS', 'Local'].includes(scope)) {
    throw new ApiError('ValidationError', `Value '${scope}' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]`, 400);
  }
  const prefix = params['PathPrefix'] ?? '/';
  const onlyAttached = params['OnlyAttached'] === 'true';
  const policies = ctx.world.policies
    .filter((p) => scope === 'All' || (scope === 'AWS') === p.awsManaged)
    .filter((p) => p.path.startsWith(prefix))
    .filter((p) => !onlyAttached || attachmentCount(ctx.world, p.arn) > 0);
  const page = paginate(policies, params);
  return { Policies: page.items.map((p) => policyShape(ctx, p)), ...page.fields };
}
