// IAM's response shapes, built from the world. Only metadata leaves: a password or a secret access key
// never appears in any of these.
import { ApiError } from '../../errors.js';
import type { RequestContext } from '../../service.js';
import type { AccessKey, Caller, InlinePolicy, ManagedPolicy, MfaDevice, User, World } from '../../world.js';
import { policyByArn } from '../../world.js';

/** IAM returns policy documents URL-encoded (RFC 3986); clients decodeURIComponent them. */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document);
}

export function noSuchEntity(message: string): ApiError {
  return new ApiError('NoSuchEntity', message, 404);
}

export function userShape(u: User) {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.created,
    PasswordLastUsed: u.password?.lastUsed ?? undefined,
  };
}

/** How AWS shows root where a User is expected (ListVirtualMFADevices): no name, the account id as UserId. */
export function rootUserShape(world: World) {
  return { Path: '/', UserId: world.account.id, Arn: world.root.arn, CreateDate: world.account.created, PasswordLastUsed: world.root.passwordLastUsed ?? undefined };
}

export function tagsShape(tags: Record<string, string>) {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function attachedShape(world: World, arns: readonly string[]) {
  return arns.map((arn) => ({ PolicyName: policyByArn(world, arn)?.name ?? arn.split('/').pop(), PolicyArn: arn }));
}

export function inlineShape(policies: readonly InlinePolicy[]) {
  return policies.map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) }));
}

export function boundaryShape(arn: string | null) {
  return arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } : undefined;
}

export function accessKeyMetadataShape(key: AccessKey, userName: string | null) {
  return { UserName: userName ?? undefined, AccessKeyId: key.id, Status: key.active ? 'Active' : 'Inactive', CreateDate: key.created };
}

export function mfaDeviceShape(device: MfaDevice, userName: string | null) {
  return { UserName: userName ?? undefined, SerialNumber: device.serial, EnableDate: device.enabled };
}

export function defaultVersion(policy: ManagedPolicy) {
  return policy.versions.find((v) => v.isDefault) ?? policy.versions[policy.versions.length - 1];
}

/** The caller of a request, from its access key; operations that default to "the calling user" need it. */
export function callerOf(ctx: RequestContext): Caller {
  const caller = ctx.accessKeyId ? ctx.world.callers.get(ctx.accessKeyId) : undefined;
  if (!caller) throw new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  return caller;
}

/** `UserName` if given, else the calling user; `null` user means root. */
export function targetUser(params: Readonly<Record<string, string>>, ctx: RequestContext): User | null {
  const name = params['UserName'];
  if (name === undefined) {
    const caller = callerOf(ctx);
    if (caller.isRoot) return null;
    if (!caller.userName) throw new ApiError('ValidationError', 'Must specify userName when calling with non-User credentials', 400);
    return findUser(ctx.world, caller.userName);
  }
  return findUser(ctx.world, name);
}

export function findUser(world: World, name: string): User {
  const user = world.users.find((u) => u.name === name);
  if (!user) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return user;
}
