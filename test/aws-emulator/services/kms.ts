// KMS: awsJson1_1, `TrentService.Op`. The keys of the request's region (scenario `regional.*.kmsKeys`), and the writes
// apply makes for the trail's key: CreateKey, CreateAlias, EnableKeyRotation, GetKeyPolicy / PutKeyPolicy, ListAliases.
// Key policies and aliases live beside the scenario's facts (kms-writes.ts).
import { ApiError } from '../errors.js';
import type { KmsKeyFacts } from '../scenario-regional.js';
import type { JsonService, RequestContext } from '../service.js';
import { aliasTarget, kmsWriteOperations } from './kms-writes.js';
import { at, factsHere, page, pageStart, regionOf, stableUuid } from './region-facts.js';

export interface Key extends KmsKeyFacts {
  readonly id: string;
  readonly arn: string;
}

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

function keysHere(ctx: RequestContext): Key[] {
  const region = regionOf(ctx);
  const { id: account, partition } = ctx.world.account;
  return (factsHere(ctx).kmsKeys ?? []).map((k, i) => {
    const id = k.id ?? stableUuid(account, region, 'kms', String(i));
    return { ...k, id, arn: `arn:${partition}:kms:${region}:${account}:key/${id}` };
  });
}

/** A key of the request's region by id, ARN, alias name or alias ARN; NotFoundException otherwise. */
export function findKey(ctx: RequestContext, keyId: unknown): Key {
  if (typeof keyId !== 'string' || !keyId) throw new ApiError('ValidationException', 'KeyId is required', 400);
  const target = aliasTarget(ctx, keyId) ?? keyId;
  const key = keysHere(ctx).find((k) => k.id === target || k.arn === target);
  if (!key) {
    const arn = keyId.startsWith('arn:') ? keyId : `arn:${ctx.world.account.partition}:kms:${regionOf(ctx)}:${ctx.world.account.id}:key/${keyId}`;
    throw new ApiError('NotFoundException', `Key '${arn}' does not exist`, 400);
  }
  return key;
}

const usageOf = (spec: string): string => (spec.startsWith('ECC') ? 'SIGN_VERIFY' : spec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : 'ENCRYPT_DECRYPT');

function metadata(key: Key, ctx: RequestContext): Record<string, unknown> {
  return {
    AWSAccountId: ctx.world.account.id,
    KeyId: key.id,
    Arn: key.arn,
    CreationDate: at(key.created, ctx),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: usageOf(key.spec),
    KeyState: key.state,
    ...(key.state === 'PendingDeletion' ? { DeletionDate: new Date(ctx.now.getTime() + 7 * 86_400_000) } : {}),
    Origin: key.state === 'PendingImport' ? 'EXTERNAL' : 'AWS_KMS',
    KeyManager: key.manager,
    CustomerMasterKeySpec: key.spec,
    KeySpec: key.spec,
    ...(key.spec === 'SYMMETRIC_DEFAULT' ? { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } : {}),
    MultiRegion: false,
  };
}

export const kms: JsonService = {
  name: 'kms',
  signingName: 'kms',
  protocol: 'awsJson1_1',
  targetPrefix: 'TrentService',
  operations: {
    ListKeys(input, ctx) {
      const limit = input['Limit'] ?? DEFAULT_LIMIT;
      if (typeof limit !== 'number' || limit < 1 || limit > MAX_LIMIT) {
        throw new ApiError('ValidationException', `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint`, 400);
      }
      const { items, next } = page(keysHere(ctx), pageStart(input['Marker'], 'InvalidMarkerException'), limit);
      return { Keys: items.map((k) => ({ KeyId: k.id, KeyArn: k.arn })), Truncated: next !== undefined, NextMarker: next };
    },

    DescribeKey(input, ctx) {
      return { KeyMetadata: metadata(findKey(ctx, input['KeyId']), ctx) };
    },

    GetKeyRotationStatus(input, ctx) {
      const key = findKey(ctx, input['KeyId']);
      if (key.spec !== 'SYMMETRIC_DEFAULT') {
        throw new ApiError('UnsupportedOperationException', `${key.arn} origin is AWS_KMS which is not valid for this operation.`, 400);
      }
      // AWS rotates the keys it manages every year; a key pending deletion is not rotated.
      const enabled = key.state !== 'PendingDeletion' && (key.manager === 'AWS' || key.rotation);
      return {
        KeyRotationEnabled: enabled,
        KeyId: key.arn,
        ...(enabled ? { RotationPeriodInDays: 365, NextRotationDate: new Date(ctx.now.getTime() + 100 * 86_400_000) } : {}),
      };
    },
    ...kmsWriteOperations({ keysHere, findKey, metadata }),
  },
};
