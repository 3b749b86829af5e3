// The credential_process cache: one 0600 JSON file per profile under ~/.aws/rampart/cache (a 0700 directory),
// holding exactly what the SDK expects from a credential_process (Version 1).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir } from '../baseline/state-dir.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Keys } from './aws.js';

export interface ProcessCredentials {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
  Expiration?: string;
}

export const toProcessCredentials = (keys: Keys): ProcessCredentials => ({
  Version: 1,
  AccessKeyId: keys.accessKeyId,
  SecretAccessKey: keys.secretAccessKey,
  ...(keys.sessionToken ? { SessionToken: keys.sessionToken } : {}),
  ...(keys.expiration ? { Expiration: keys.expiration.toISOString() } : {}),
});

const cacheFile = (stateDir: string, profile: string) => join(stateDir, 'cache', `${encodeURIComponent(profile)}.json`);

/** The cached session, if there is one that is still valid for `marginMs`; a damaged cache is no cache. */
export async function readCachedSession(stateDir: string, profile: string, now: Date, marginMs: number): Promise<Keys | undefined> {
  let parsed: Partial<ProcessCredentials>;
  try {
    parsed = JSON.parse(await readFile(cacheFile(stateDir, profile), 'utf8')) as Partial<ProcessCredentials>;
  } catch {
    return undefined;
  }
  const expiration = parsed.Expiration ? new Date(parsed.Expiration) : undefined;
  if (!parsed.AccessKeyId || !parsed.SecretAccessKey || !expiration || !(expiration.getTime() - marginMs > now.getTime())) return undefined;
  return { accessKeyId: parsed.AccessKeyId, secretAccessKey: parsed.SecretAccessKey, ...(parsed.SessionToken ? { sessionToken: parsed.SessionToken } : {}), expiration };
}

export async function writeCachedSession(stateDir: string, profile: string, keys: Keys): Promise<void> {
  await ensurePrivateDir(join(stateDir, 'cache'));
  await writeFileAtomic(cacheFile(stateDir, profile), `${JSON.stringify(toProcessCredentials(keys))}\n`, { mode: 0o600, backup: false });
}
