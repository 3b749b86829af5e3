// Where the AWS shared files are and what they hold. Paths follow the SDK (AWS_CONFIG_FILE,
// AWS_SHARED_CREDENTIALS_FILE, HOME / USERPROFILE) but from the environment rampart was given, so tests and
// callers with their own environment get their own files. Values come from the SDK's own ini parser.
import { homedir } from 'node:os';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { noSuchProfile } from '../aws/profiles.js';
import { InputError } from '../util/errors.js';
import { cannotRead } from '../util/unreadable.js';
import { parseIni, serializeIni, type IniDocument } from './ini.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface AwsPaths {
  readonly home: string;
  readonly config: string;
  readonly credentials: string;
  /** rampart's own files beside them (rotation records, the credential_process cache, locks): `~/.aws/rampart`. */
  readonly stateDir: string;
}

export function homeOf(env: NodeJS.ProcessEnv): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEDRIVE && env.HOMEPATH) return `${env.HOMEDRIVE}${env.HOMEPATH}`;
  return homedir();
}

const expandHome = (path: string, home: string) => (path.startsWith('~/') ? join(home, path.slice(2)) : path);

export function awsPaths(env: NodeJS.ProcessEnv): AwsPaths {
  const home = homeOf(env);
  const config = expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home);
  const credentials = expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home);
  return { home, config, credentials, stateDir: join(dirname(credentials), 'rampart') };
}

/** One profile as the SDK sees it: the config file's `[profile x]` merged under the credentials file's `[x]`. */
export interface Profile {
  readonly name: string;
  readonly config: Readonly<Record<string, string | undefined>>;
  readonly credentials: Readonly<Record<string, string | undefined>>;
}

export interface AwsFiles {
  readonly paths: AwsPaths;
  /** Profiles by name, in the order first seen (config file, then credentials file). */
  readonly profiles: ReadonlyMap<string, Profile>;
  /** `[sso-session x]` sections of the config file. */
  readonly ssoSessions: readonly string[];
}

/** The file's text, or '' when it does not exist. Any other read failure is the user's to fix: exit 2. */
async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new InputError(`${path}: ${cannotRead(err)}`);
  }
}

export async function readIniFile(path: string): Promise<IniDocument> {
  return parseIni(await readIfExists(path), path);
}

export async function loadAwsFiles(env: NodeJS.ProcessEnv): Promise<AwsFiles> {
  const paths = awsPaths(env);
  // Structure first: the SDK's parser skips lines it does not understand, and a key on such a line would be lost.
  await readIniFile(paths.config);
  await readIniFile(paths.credentials);
  let loaded;
  try {
    loaded = await loadSharedConfigFiles({ filepath: paths.credentials, configFilepath: paths.config, ignoreCache: true });
  } catch (err) {
    throw new InputError(`${paths.config}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const profiles = new Map<string, Profile>();
  const ssoSessions: string[] = [];
  for (const name of Object.keys(loaded.configFile)) {
    // The SDK keys sso-session and services sections as `sso-session.NAME`; profiles by bare name.
    if (name.startsWith('sso-session.')) ssoSessions.push(name.slice('sso-session.'.length));
    else if (!name.startsWith('services.')) profiles.set(name, { name, config: loaded.configFile[name] ?? {}, credentials: {} });
  }
  for (const [name, values] of Object.entries(loaded.credentialsFile)) {
    profiles.set(name, { name, config: profiles.get(name)?.config ?? {}, credentials: values });
  }
  return { paths, profiles, ssoSessions };
}

/** A setting as the SDK resolves it: the credentials file wins over the config file. */
export const setting = (p: Profile, key: string): string | undefined => p.credentials[key] ?? p.config[key];

export function requireProfile(files: AwsFiles, name: string): Profile {
  const profile = files.profiles.get(name);
  if (profile) return profile;
  throw noSuchProfile(name, [...files.profiles.keys()], files.paths.config, files.paths.credentials);
}

/**
 * Writes a changed shared file: the previous content is kept as FILE.rampart-bak (0600, it holds keys too), then the
 * new one replaces it atomically with mode 0600. Nothing is half-written whatever happens.
 */
export async function writeIniFile(doc: IniDocument): Promise<void> {
  const path = doc.file;
  const previous = await readFile(path, 'utf8').catch(() => undefined);
  if (previous !== undefined) await writeFileAtomic(`${path}.rampart-bak`, previous, { mode: 0o600, backup: false });
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, serializeIni(doc), { mode: 0o600, backup: false });
}
