// Creating and reading groups, users, roles and console passwords (login profiles), and attaching managed
// policies to them: what `rampart apply` calls. Each write changes the world, so the next collect sees it.
// A console password is kept as the user's password (a canary: no response ever carries it).
import { ApiError } from '../../errors.js';
import type { QueryParams, RequestContext } from '../../service.js';
import type { Group, Role, User, World } from '../../world.js';
import { policyByArn, stableId } from '../../world.js';
import { paginate } from './paging.js';
import { attachedShape, encodeDocument, findUser, noSuchEntity, tagsShape, targetUser, userShape } from './shapes.js';

const NAME = /^[\w+=,.@-]+$/;

/** A required name parameter, as IAM validates it (pattern and length). */
export function requiredName(params: QueryParams, key: string, max = 64): string {
  const value = params[key];
  const member = key.charAt(0).toLowerCase() + key.slice(1);
  if (value === undefined || value === '') {
    throw new ApiError('ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`, 400);
  }
  if (!NAME.test(value) || value.length > max) {
    throw new ApiError('ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`, 400);
  }
  return value;
}

function pathParam(params: QueryParams): string {
  const path = params['Path'] ?? '/';
  if (!/^\/(.*\/)?$/.test(path)) throw new ApiError('ValidationError', `The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`, 400);
  return path;
}

const iamArn = (world: World, resource: string) => `arn:${world.account.partition}:iam::${world.account.id}:${resource}`;

const alreadyExists = (message: string) => new ApiError('EntityAlreadyExists', message, 409);

/** A policy document must be JSON with a Statement; AWS keeps the text it was given. */
export function checkDocument(text: string | undefined, member: string): string {
  if (text === undefined || text === '') throw new ApiError('ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`, 400);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('MalformedPolicyDocument', 'This policy contains invalid Json', 400);
  }
  if (parsed === null || typeof parsed !== 'object' || !('Statement' in parsed)) {
    throw new ApiError('MalformedPolicyDocument', 'Syntax errors in policy.', 400);
  }
  return text;
}

function managedPolicy(world: World, arn: string | undefined) {
  const policy = arn ? policyByArn(world, arn) : undefined;
  if (!policy) throw noSuchEntity(`Policy ${arn ?? '(null)'} does not exist or is not attachable.`);
  return policy;
}

function attach(list: string[], arn: string): void {
  if (!list.includes(arn)) list.push(arn);
}

// ---- groups

export function findGroup(world: World, name: string | undefined): Group {
  const group = world.groups.find((g) => g.name === name);
  if (!group) throw noSuchEntity(`The group with name ${name ?? '(null)'} cannot be found.`);
  return group;
}

const groupShape = (g: Group) => ({ Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.created });

export function createGroup(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const name = requiredName(params, 'GroupName', 128);
  if (world.groups.some((g) => g.name.toLowerCase() === name.toLowerCase())) throw alreadyExists(`Group with name ${name} already exists.`);
  const path = pathParam(params);
  const group: Group = {
    name,
    path,
    id: stableId('AGPA', world.account.id, 'group', name),
    arn: iamArn(world, `group${path}${name}`),
    created: ctx.now,
    attachedPolicies: [],
    inlinePolicies: [],
  };
  world.groups.push(group);
  return { Group: groupShape(group) };
}

export function getGroup(params: QueryParams, ctx: RequestContext) {
  const group = findGroup(ctx.world, params['GroupName']);
  const page = paginate(
    ctx.world.users.filter((u) => u.groups.includes(group.name)),
    params,
  );
  return { Group: groupShape(group), Users: page.items.map(userShape), ...page.fields };
}

export function attachGroupPolicy(params: QueryParams, ctx: RequestContext) {
  const group = findGroup(ctx.world, params['GroupName']);
  attach(group.attachedPolicies, managedPolicy(ctx.world, params['PolicyArn']).arn);
  return {};
}

export function listAttachedGroupPolicies(params: QueryParams, ctx: RequestContext) {
  const group = findGroup(ctx.world, params['GroupName']);
  const page = paginate(attachedShape(ctx.world, group.attachedPolicies), params);
  return { AttachedPolicies: page.items, ...page.fields };
}

// ---- users

export function createUser(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const name = requiredName(params, 'UserName');
  if (world.users.some((u) => u.name.toLowerCase() === name.toLowerCase())) throw alreadyExists(`User with name ${name} already exists.`);
  const path = pathParam(params);
  const user: User = {
    name,
    path,
    id: stableId('AIDA', world.account.id, 'user', name),
    arn: iamArn(world, `user${path}${name}`),
    created: ctx.now,
    password: null,
    mfaDevices: [],
    accessKeys: [],
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
    permissionsBoundary: null,
    tags: {},
  };
  world.users.push(user);
  return { User: userShape(user) };
}

export function getUser(params: QueryParams, ctx: RequestContext) {
  const user = targetUser(params, ctx);
  if (!user) {
    // Root asking about itself.
    const { world } = ctx;
    return { User: { Path: '/', UserId: world.account.id, Arn: world.root.arn, CreateDate: world.account.created, PasswordLastUsed: world.root.passwordLastUsed ?? undefined } };
  }
  return { User: { ...userShape(user), Tags: Object.keys(user.tags).length ? tagsShape(user.tags) : undefined } };
}

export function addUserToGroup(params: QueryParams, ctx: RequestContext) {
  const group = findGroup(ctx.world, params['GroupName']);
  const user = findUser(ctx.world, params['UserName'] ?? '');
  attach(user.groups, group.name);
  return {};
}

export function listGroupsForUser(params: QueryParams, ctx: RequestContext) {
  const user = findUser(ctx.world, params['UserName'] ?? '');
  const page = paginate(
    user.groups.map((name) => findGroup(ctx.world, name)),
    params,
  );
  return { Groups: page.items.map(groupShape), ...page.fields };
}

// ---- console passwords

const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/;

/** Why `password` breaks the account's password policy (or AWS's default: 8 characters), or null. */
function policyViolation(world: World, password: string): string | null {
  const policy = world.passwordPolicy;
  const min = policy?.minimumPasswordLength ?? 8;
  if (password.length < min) return `Password should have at least ${min} characters`;
  if (password.length > 128) return 'Password should have at most 128 characters';
  if (policy?.requireSymbols && !SYMBOLS.test(password)) return 'Password should have at least one symbol';
  if (policy?.requireNumbers && !/\d/.test(password)) return 'Password should have at least one number';
  if (policy?.requireUppercaseCharacters && !/[A-Z]/.test(password)) return 'Password should have at least one uppercase letter';
  if (policy?.requireLowercaseCharacters && !/[a-z]/.test(password)) return 'Password should have at least one lowercase letter';
  return null;
}

const loginProfileShape = (user: User) => ({
  UserName: user.name,
  CreateDate: user.password?.created,
  PasswordResetRequired: user.password?.resetRequired ?? false,
});

export function createLoginProfile(params: QueryParams, ctx: RequestContext) {
  const user = findUser(ctx.world, requiredName(params, 'UserName'));
  if (user.password) throw alreadyExists(`Login Profile for user ${user.name} already exists.`);
  const password = params['Password'];
  // The message never repeats the password.
  if (!password) throw new ApiError('ValidationError', "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null", 400);
  const violation = policyViolation(ctx.world, password);
  if (violation) throw new ApiError('PasswordPolicyViolation', violation, 400);
  user.password = { value: password, created: ctx.now, lastUsed: null, resetRequired: params['PasswordResetRequired'] === 'true' };
  return { LoginProfile: loginProfileShape(user) };
}

export function getLoginProfile(params: QueryParams, ctx: RequestContext) {
  const user = targetUser(params, ctx);
  if (!user?.password) throw noSuchEntity(`Login Profile for User ${user?.name ?? 'root'} cannot be found.`);
  return { LoginProfile: loginProfileShape(user) };
}

// ---- roles

export function findRole(world: World, name: string | undefined): Role {
  const role = world.roles.find((r) => r.name === name);
  if (!role) throw noSuchEntity(`The role with name ${name ?? '(null)'} cannot be found.`);
  return role;
}

const roleShape = (r: Role) => ({
  Path: r.path,
  RoleName: r.name,
  RoleId: r.id,
  Arn: r.arn,
  CreateDate: r.created,
  AssumeRolePolicyDocument: encodeDocument(r.trustPolicy),
  Description: r.description ?? undefined,
  MaxSessionDuration: r.maxSessionDuration,
  Tags: Object.keys(r.tags).length ? tagsShape(r.tags) : undefined,
  RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.date, Region: r.lastUsed.region } : {},
});

export function createRole(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const name = requiredName(params, 'RoleName');
  if (world.roles.some((r) => r.name.toLowerCase() === name.toLowerCase())) throw alreadyExists(`Role with name ${name} already exists.`);
  const trustPolicy = checkDocument(params['AssumeRolePolicyDocument'], 'assumeRolePolicyDocument');
  const path = pathParam(params);
  const maxSessionDuration = params['MaxSessionDuration'] ? Number(params['MaxSessionDuration']) : 3600;
  if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
    throw new ApiError('ValidationError', 'The requested MaxSessionDuration exceeds the allowed range.', 400);
  }
  const role: Role = {
    name,
    path,
    id: stableId('AROA', world.account.id, 'role', name),
    arn: iamArn(world, `role${path}${name}`),
    created: ctx.now,
    description: params['Description'] ?? null,
    trustPolicy,
    maxSessionDuration,
    attachedPolicies: [],
    inlinePolicies: [],
    lastUsed: null,
    permissionsBoundary: null,
    tags: {},
  };
  world.roles.push(role);
  const { RoleLastUsed: _unused, ...shape } = roleShape(role);
  return { Role: shape };
}

export function getRole(params: QueryParams, ctx: RequestContext) {
  return { Role: roleShape(findRole(ctx.world, params['RoleName'])) };
}

export function attachRolePolicy(params: QueryParams, ctx: RequestContext) {
  const role = findRole(ctx.world, params['RoleName']);
  attach(role.attachedPolicies, managedPolicy(ctx.world, params['PolicyArn']).arn);
  return {};
}

export function listAttachedRolePolicies(params: QueryParams, ctx: RequestContext) {
  const role = findRole(ctx.world, params['RoleName']);
  const page = paginate(attachedShape(ctx.world, role.attachedPolicies), params);
  return { AttachedPolicies: page.items, ...page.fields };
}
