// Where a profile's long-lived key comes from. Only the credentials file is implemented: a keychain backend
// (macOS `security`, libsecret `secret-tool`, Windows Credential Manager) would be another KeyStore, and
// README's "Keychains" section says what each platform allows.
import { InputError } from '../util/errors.js';
import type { Keys } from './aws.js';
import { requireProfile, setting, type AwsFiles, type Profile } from './files.js';

export interface KeyStore {
  readonly name: string;
  /** The profile's long-lived key, or undefined when this store has none for it. */
  load(profile: Profile): Keys | undefined;
}

export const fileKeyStore: KeyStore = {
  name: 'credentials file',
  load(profile) {
    const accessKeyId = setting(profile, 'aws_access_key_id');
    const secretAccessKey = setting(profile, 'aws_secret_access_key');
    if (!accessKeyId || !secretAccessKey) return undefined;
    const sessionToken = setting(profile, 'aws_session_token');
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  },
};

/** The keys a profile signs with, following `source_profile` to the one holding them. */
export function profileKeys(files: AwsFiles, name: string, store: KeyStore = fileKeyStore): { keys: Keys; from: string } {
  const seen = new Set<string>();
  let current = requireProfile(files, name);
  for (;;) {
    const keys = store.load(current);
    if (keys) return { keys, from: current.name };
    const source = setting(current, 'source_profile');
    if (!source || seen.has(source)) {
      throw new InputError(`profile "${current.name}" has no access key in the ${store.name}${source ? ` (source_profile loops back to "${source}")` : ' and no source_profile'}`);
    }
    seen.add(current.name);
    current = requireProfile(files, source);
  }
}
