// A role's inline policies and the service-linked roles: PutRolePolicy, GetRolePolicy, CreateServiceLinkedRole
// (what apply calls for CloudTrail's CloudWatch Logs role and AWS Config's role).
import { ApiError } from '../../errors.js';
import type { QueryParams, RequestContext } from '../../service.js';
import type { Role } from '../../world.js';
import { stableId } from '../../world.js';
import { checkDocument, findRole, requiredName } from './principals.js';
import { encodeDocument, noSuchEntity } from './shapes.js';

export function putRolePolicy(params: QueryParams, ctx: RequestContext) {
  const role = findRole(ctx.world, params['RoleName']);
  const name = requiredName(params, 'PolicyName', 128);
  const document = checkDocument(params['PolicyDocument'], 'policyDocument');
  const existing = role.inlinePolicies.findIndex((p) => p.name === name);
  if (existing >= 0) role.inlinePolicies.splice(existing, 1, { name, document });
  else role.inlinePolicies.push({ name, document });
  return {};
}

export function getRolePolicy(params: QueryParams, ctx: RequestContext) {
  const role = findRole(ctx.world, params['RoleName']);
  const policy = role.inlinePolicies.find((p) => p.name === params['PolicyName']);
  if (!policy) throw noSuchEntity(`The role policy with name ${params['PolicyName'] ?? '(null)'} cannot be found.`);
  return { RoleName: role.name, PolicyName: policy.name, PolicyDocument: encodeDocument(policy.document) };
}

/** The role names AWS gives the service-linked roles it knows; others are named after the service. */
const LINKED_ROLE_NAMES: Readonly<Record<string, string>> = {
  'config.amazonaws.com': 'AWSServiceRoleForConfig',
  'guardduty.amazonaws.com': 'AWSServiceRoleForAmazonGuardDuty',
  'access-analyzer.amazonaws.com': 'AWSServiceRoleForAccessAnalyzer',
  'support.amazonaws.com': 'AWSServiceRoleForSupport',
};

export function createServiceLinkedRole(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const service = params['AWSServiceName'];
  if (!service || !/^[\w.-]+\.amazonaws\.com$/.test(service)) {
    throw new ApiError('InvalidInput', `Service name ${service ?? '(null)'} is not a valid service principal.`, 400);
  }
  const name = LINKED_ROLE_NAMES[service] ?? `AWSServiceRoleFor${service.split('.')[0]!.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`;
  if (world.roles.some((r) => r.name === name)) throw new ApiError('InvalidInput', `Service role name ${name} has been taken in this account, please try a different suffix.`, 400);
  const path = `/aws-service-role/${service}/`;
  const role: Role = {
    name,
    path,
    id: stableId('AROA', world.account.id, 'role', name),
    arn: `arn:${world.account.partition}:iam::${world.account.id}:role${path}${name}`,
    created: ctx.now,
    description: params['Description'] ?? null,
    trustPolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }),
    maxSessionDuration: 3600,
    attachedPolicies: [],
    inlinePolicies: [],
    lastUsed: null,
    permissionsBoundary: null,
    tags: {},
  };
  world.roles.push(role);
  return {
    Role: {
      Path: role.path,
      RoleName: role.name,
      RoleId: role.id,
      Arn: role.arn,
      CreateDate: role.created,
      AssumeRolePolicyDocument: encodeDocument(role.trustPolicy),
    },
  };
}
