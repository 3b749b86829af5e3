// Users and their credentials' metadata: ListUsers, ListAccessKeys, GetAccessKeyLastUsed, ListMFADevices,
// ListVirtualMFADevices. Keys and devices are reported, never their secrets.
import { ApiError } from '../../errors.js';
import type { QueryParams, RequestContext } from '../../service.js';
import type { MfaDevice, User } from '../../world.js';
import { paginate } from './paging.js';
import { accessKeyMetadataShape, mfaDeviceShape, noSuchEntity, rootUserShape, targetUser, userShape } from './shapes.js';

export function listUsers(params: QueryParams, ctx: RequestContext) {
  const prefix = params['PathPrefix'] ?? '/';
  const page = paginate(
    ctx.world.users.filter((u) => u.path.startsWith(prefix)),
    params,
  );
  return { Users: page.items.map(userShape), ...page.fields };
}

export function listAccessKeys(params: QueryParams, ctx: RequestContext) {
  const user = targetUser(params, ctx);
  const keys = user ? user.accessKeys : ctx.world.root.accessKeys;
  const page = paginate(keys, params);
  return { AccessKeyMetadata: page.items.map((k) => accessKeyMetadataShape(k, user?.name ?? null)), ...page.fields };
}

export function getAccessKeyLastUsed(params: QueryParams, ctx: RequestContext) {
  const id = params['AccessKeyId'];
  if (!id) throw new ApiError('ValidationError', "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null", 400);
  const { world } = ctx;
  const owner: User | undefined = world.users.find((u) => u.accessKeys.some((k) => k.id === id));
  const key = (owner?.accessKeys ?? world.root.accessKeys).find((k) => k.id === id);
  if (!key) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  return {
    UserName: owner?.name,
    // Never used: AWS answers N/A for service and region, and no date.
    AccessKeyLastUsed: key.lastUsed
      ? { LastUsedDate: key.lastUsed.date, ServiceName: key.lastUsed.service, Region: key.lastUsed.region }
      : { ServiceName: 'N/A', Region: 'N/A' },
  };
}

function rootDevice(ctx: RequestContext): MfaDevice | undefined {
  const { root } = ctx.world;
  if (root.mfa === 'none' || !root.mfaSerial) return undefined;
  return { serial: root.mfaSerial, virtual: root.mfa === 'virtual', enabled: root.mfaEnabled ?? ctx.world.account.created };
}

export function listMfaDevices(params: QueryParams, ctx: RequestContext) {
  const user = targetUser(params, ctx);
  const devices = user ? user.mfaDevices : [rootDevice(ctx)].filter((d) => d !== undefined);
  const page = paginate(devices, params);
  return { MFADevices: page.items.map((d) => mfaDeviceShape(d, user?.name ?? null)), ...page.fields };
}

/** Every virtual device is assigned in the scenarios, so `Unassigned` lists nothing. Hardware devices never appear. */
export function listVirtualMfaDevices(params: QueryParams, ctx: RequestContext) {
  const status = params['AssignmentStatus'] ?? 'Any';
  if (!['Assigned', 'Unassigned', 'Any'].includes(status)) {
    throw new ApiError('ValidationError', `Value '${status}' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Assigned, Unassigned, Any]`, 400);
  }
  const { world } = ctx;
  const root = rootDevice(ctx);
  const devices = [
    ...(root?.virtual ? [{ SerialNumber: root.serial, User: rootUserShape(world), EnableDate: root.enabled }] : []),
    ...world.users.flatMap((u) =>
      u.mfaDevices.filter((d) => d.virtual).map((d) => ({ SerialNumber: d.serial, User: userShape(u), EnableDate: d.enabled })),
    ),
  ];
  const page = paginate(status === 'Unassigned' ? [] : devices, params);
  return { VirtualMFADevices: page.items, ...page.fields };
}
