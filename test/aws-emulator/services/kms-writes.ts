// KMS writes: a new customer managed key joins the region's `kmsKeys` (so ListKeys and the audit see it); its
// policy and the region's aliases are kept here, per world. A key policy must not lock the account out of the key
// (KMS's "lockout safety check"): it has to let the account (its root principal) or the caller change it again.
import { ApiError } from '../errors.js';
import type { KmsKeyFacts } from '../scenario-regional.js';
import type { JsonHandler, RequestContext } from '../service.js';
import type { World } from '../world.js';
import { ownFacts, regionOf, required, stableUuid } from './region-facts.js';

interface KeyRef extends KmsKeyFacts {
  readonly id: string;
  readonly arn: string;
}

interface KmsExtras {
  /** Key ARN -> policy text. Keys without one have the default policy (the account's root may do anything). */
  policies: Map<string, string>;
  /** `region/alias/name` -> key id. */
  aliases: Map<string, string>;
  created: number;
}

const extras = new WeakMap<World, KmsExtras>();
function extrasOf(world: World): KmsExtras {
  let e = extras.get(world);
  if (!e) extras.set(world, (e = { policies: new Map(), aliases: new Map(), created: 0 }));
  return e;
}

/** A key's policy as stored (the default one when nobody set it). */
export const keyPolicyOf = (world: World, keyArn: string): string => extrasOf(world).policies.get(keyArn) ?? defaultPolicy(world);

/** The key id an alias name (`alias/x`) or alias ARN names in the request's region, if it is an alias. */
export function aliasTarget(ctx: RequestContext, keyId: string): string | undefined {
  const name = keyId.startsWith('arn:') ? /:(alias\/.+)$/.exec(keyId)?.[1] : keyId.startsWith('alias/') ? keyId : undefined;
  if (!name) return undefined;
  const target = extrasOf(ctx.world).aliases.get(`${regionOf(ctx)}/${name}`);
  if (!target) throw new ApiError('NotFoundException', `Alias arn:${ctx.world.account.partition}:kms:${regionOf(ctx)}:${ctx.world.account.id}:${name} is not found.`, 400);
  return target;
}

const defaultPolicy = (world: World): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:${world.account.partition}:iam::${world.account.id}:root` }, Action: 'kms:*', Resource: '*' },
    ],
  });

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Parses a key policy and applies the lockout safety check. */
function checkPolicy(text: string, ctx: RequestContext, bypass: unknown): string {
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    throw new ApiError('MalformedPolicyDocumentException', 'The key policy is not valid JSON.', 400);
  }
  const statements = asList((policy as { Statement?: unknown } | null)?.Statement) as Record<string, unknown>[];
  if (statements.length === 0) throw new ApiError('MalformedPolicyDocumentException', 'The key policy has no statement.', 400);
  if (bypass === true) return text;
  const root = `arn:${ctx.world.account.partition}:iam::${ctx.world.account.id}:root`;
  const caller = ctx.accessKeyId ? ctx.world.callers.get(ctx.accessKeyId)?.arn : undefined;
  const lets = statements.some((s) => {
    if (s['Effect'] !== 'Allow' || s['Condition'] !== undefined) return false;
    const principal = s['Principal'] as { AWS?: unknown } | string | undefined;
    const who = typeof principal === 'string' ? [principal] : asList(principal?.AWS);
    const actions = asList(s['Action']);
    return (
      who.some((p) => p === '*' || p === root || p === ctx.world.account.id || p === caller) &&
      actions.some((a) => a === '*' || a === 'kms:*' || a === 'kms:PutKeyPolicy')
    );
  });
  if (!lets) {
    throw new ApiError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
      400,
    );
  }
  return text;
}

export interface KmsReads {
  keysHere(ctx: RequestContext): KeyRef[];
  findKey(ctx: RequestContext, keyId: unknown): KeyRef;
  metadata(key: KeyRef, ctx: RequestContext): Record<string, unknown>;
}

/** The facts entry of a key in the request's region, to change it. */
function ownEntry(ctx: RequestContext, reads: KmsReads, key: KeyRef): KmsKeyFacts {
  const index = reads.keysHere(ctx).findIndex((k) => k.id === key.id);
  const own = ownFacts(ctx, 'kmsKeys');
  const entry = own[index];
  if (!entry) throw new ApiError('KMSInternalException', 'emulator: key not found in its region', 500);
  // Keep the id the index gave it: a key created later must not shift it.
  entry.id ??= key.id;
  return entry;
}

export function kmsWriteOperations(reads: KmsReads): Record<string, JsonHandler> {
  return {
    CreateKey(input, ctx) {
      const spec = (input['KeySpec'] ?? input['CustomerMasterKeySpec'] ?? 'SYMMETRIC_DEFAULT') as KmsKeyFacts['spec'];
      const e = extrasOf(ctx.world);
      const id = stableUuid(ctx.world.account.id, regionOf(ctx), 'kms-created', String(++e.created));
      const policy = typeof input['Policy'] === 'string' ? checkPolicy(input['Policy'], ctx, input['BypassPolicyLockoutSafetyCheck']) : defaultPolicy(ctx.world);
      ownFacts(ctx, 'kmsKeys').push({
        id,
        description: typeof input['Description'] === 'string' ? input['Description'] : '',
        manager: 'CUSTOMER',
        spec,
        state: 'Enabled',
        rotation: false,
        created: ctx.now.toISOString(),
      });
      const key = reads.findKey(ctx, id);
      e.policies.set(key.arn, policy);
      return { KeyMetadata: reads.metadata(key, ctx) };
    },

    EnableKeyRotation(input, ctx) {
      const key = reads.findKey(ctx, input['KeyId']);
      if (key.spec !== 'SYMMETRIC_DEFAULT' || key.manager !== 'CUSTOMER') {
        throw new ApiError('UnsupportedOperationException', `${key.arn} is not a symmetric customer managed key.`, 400);
      }
      if (key.state !== 'Enabled') throw new ApiError('KMSInvalidStateException', `${key.arn} is ${key.state}.`, 400);
      ownEntry(ctx, reads, key).rotation = true;
      return {};
    },

    GetKeyPolicy(input, ctx) {
      const key = reads.findKey(ctx, input['KeyId']);
      const name = input['PolicyName'] ?? 'default';
      if (name !== 'default') throw new ApiError('NotFoundException', `Policy ${String(name)} does not exist.`, 400);
      return { Policy: keyPolicyOf(ctx.world, key.arn), PolicyName: 'default' };
    },

    PutKeyPolicy(input, ctx) {
      const key = reads.findKey(ctx, input['KeyId']);
      if ((input['PolicyName'] ?? 'default') !== 'default') throw new ApiError('ValidationException', 'PolicyName must be default.', 400);
      extrasOf(ctx.world).policies.set(key.arn, checkPolicy(required(input, 'Policy'), ctx, input['BypassPolicyLockoutSafetyCheck']));
      return {};
    },

    CreateAlias(input, ctx) {
      const name = required(input, 'AliasName');
      if (!/^alias\/[\w/-]{1,250}$/.test(name) || name.startsWith('alias/aws/')) {
        throw new ApiError('ValidationException', `Alias ${name} must begin with alias/ and not with alias/aws/.`, 400);
      }
      const key = reads.findKey(ctx, required(input, 'TargetKeyId'));
      const aliases = extrasOf(ctx.world).aliases;
      const where = `${regionOf(ctx)}/${name}`;
      if (aliases.has(where)) throw new ApiError('AlreadyExistsException', `An alias with the name arn:${ctx.world.account.partition}:kms:${regionOf(ctx)}:${ctx.world.account.id}:${name} already exists`, 400);
      aliases.set(where, key.id);
      return {};
    },

    ListAliases(input, ctx) {
      const region = regionOf(ctx);
      const wanted = typeof input['KeyId'] === 'string' ? reads.findKey(ctx, input['KeyId']).id : undefined;
      const aliases = [...extrasOf(ctx.world).aliases]
        .filter(([where, id]) => where.startsWith(`${region}/`) && (!wanted || id === wanted))
        .map(([where, id]) => {
          const name = where.slice(region.length + 1);
          return { AliasName: name, AliasArn: `arn:${ctx.world.account.partition}:kms:${region}:${ctx.world.account.id}:${name}`, TargetKeyId: id };
        });
      return { Aliases: aliases, Truncated: false };
    },
  };
}
