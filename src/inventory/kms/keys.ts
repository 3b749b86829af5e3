// The KMS keys of one region and, for the ones CIS asks about (customer managed, symmetric, enabled), whether
// they rotate. ListKeys says nothing about a key, so each one is described: one call per key is the API's price,
// kept to a few at a time. A key that cannot be described is kept with its facts unknown, so the rotation check
// can say UNKNOWN for it rather than forget it.
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, type KeyListEntry } from '@aws-sdk/client-kms';
import { createLimiter } from '../../aws/limiter.js';
import type { Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { KmsKey } from '../schema/regional.js';

/** ListKeys' Limit ceiling. */
const PAGE_SIZE = 1000;
/** Per-key calls in flight at once in one region. */
const KEY_CONCURRENCY = 4;
/** What the snapshot says of a fact a failed DescribeKey did not give. */
export const UNKNOWN_FACT = 'UNKNOWN';

export const asksRotation = (k: Pick<KmsKey, 'manager' | 'spec' | 'state'>): boolean =>
  k.manager === 'CUSTOMER' && k.spec === 'SYMMETRIC_DEFAULT' && k.state === 'Enabled';

export async function collectKmsKeys(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<KmsKey[]> {
  const kms = session.client(KMSClient, { region });
  const target = (operation: string) => ({ service: 'kms', operation, region });
  const entries = await call(failures, target('ListKeys'), () =>
    allPages<KeyListEntry>(async (marker) => {
      const out = await rc.timed((abortSignal) => kms.send(new ListKeysCommand({ Limit: PAGE_SIZE, Marker: marker }), { abortSignal }));
      return { items: out.Keys, next: out.Truncated ? out.NextMarker : undefined };
    }),
  );

  const limit = createLimiter(KEY_CONCURRENCY);
  return Promise.all(
    entries.map((entry) =>
      limit(async (): Promise<KmsKey> => {
        const id = entry.KeyId ?? '';
        const described = await attempt(failures, target('DescribeKey'), () =>
          rc.timed((abortSignal) => kms.send(new DescribeKeyCommand({ KeyId: id }), { abortSignal })),
        );
        const meta = described?.value.KeyMetadata;
        const key: KmsKey = {
          id,
          arn: entry.KeyArn ?? meta?.Arn ?? '',
          manager: meta ? (meta.KeyManager ?? UNKNOWN_FACT) : UNKNOWN_FACT,
          spec: meta ? (meta.KeySpec ?? meta.CustomerMasterKeySpec ?? UNKNOWN_FACT) : UNKNOWN_FACT,
          state: meta ? (meta.KeyState ?? UNKNOWN_FACT) : UNKNOWN_FACT,
          rotationEnabled: null,
        };
        if (!asksRotation(key)) return key;
        const rotation = await attempt(failures, target('GetKeyRotationStatus'), () =>
          rc.timed((abortSignal) => kms.send(new GetKeyRotationStatusCommand({ KeyId: id }), { abortSignal })),
        );
        return { ...key, rotationEnabled: rotation ? (rotation.value.KeyRotationEnabled ?? false) : null };
      }),
    ),
  );
}
