// Access key writes for the caller (or a named user): CreateAccessKey, UpdateAccessKey, DeleteAccessKey.
// The caller map follows: an active key signs as its owner, an inactive or deleted one is InvalidClientTokenId.
// A new key is refused by STS for a while (scenario `sts.newKeyDelay`), as AWS's eventual consistency does.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../errors.js';
import type { QueryParams, RequestContext } from '../../service.js';
import { truncateToSecond } from '../../dates.js';
import type { AccessKey, Caller, User, World } from '../../world.js';
import { noSuchEntity, targetUser } from './shapes.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const randomKeyId = (prefix: 'AKIA' | 'ASIA'): string => prefix + [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
export const randomSecret = (): string => randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, 'x');

function keysOf(world: World, user: User | null): AccessKey[] {
  return user ? user.accessKeys : world.root.accessKeys;
}

function ownerCaller(world: World, user: User | null): Caller {
  return user
    ? { arn: user.arn, userId: user.id, account: world.account.id, userName: user.name, isRoot: false }
    : { arn: world.root.arn, userId: world.account.id, account: world.account.id, userName: null, isRoot: true };
}

function findKey(world: World, user: User | null, id: string | undefined): AccessKey {
  if (!id) throw new ApiError('ValidationError', "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null", 400);
  const key = keysOf(world, user).find((k) => k.id === id);
  if (!key) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  return key;
}

export function createAccessKey(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const user = targetUser(params, ctx);
  const keys = keysOf(world, user);
  if (keys.length >= 2) throw new ApiError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
  const key: AccessKey = { id: randomKeyId('AKIA'), secret: randomSecret(), active: true, created: truncateToSecond(ctx.now), lastUsed: null };
  keys.push(key);
  world.callers.set(key.id, ownerCaller(world, user));
  const { calls, seconds } = world.sts.newKeyDelay;
  if (calls > 0 || seconds > 0) world.sts.propagating.set(key.id, { callsLeft: calls, until: Date.now() + seconds * 1000 });
  return {
    AccessKey: { UserName: user?.name, AccessKeyId: key.id, Status: 'Active', SecretAccessKey: key.secret, CreateDate: key.created },
  };
}

export function updateAccessKey(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const user = targetUser(params, ctx);
  const status = params['Status'];
  if (status !== 'Active' && status !== 'Inactive') {
    throw new ApiError('ValidationError', `1 validation error detected: Value '${status ?? 'null'}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`, 400);
  }
  const key = findKey(world, user, params['AccessKeyId']);
  key.active = status === 'Active';
  if (key.active) world.callers.set(key.id, ownerCaller(world, user));
  else world.callers.delete(key.id);
  return {};
}

export function deleteAccessKey(params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const user = targetUser(params, ctx);
  const key = findKey(world, user, params['AccessKeyId']);
  const keys = keysOf(world, user);
  keys.splice(keys.indexOf(key), 1);
  world.callers.delete(key.id);
  world.sts.propagating.delete(key.id);
  return {};
}
