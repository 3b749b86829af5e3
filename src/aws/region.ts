// Which region to talk to: the flag, then the environment, then the profile, then us-east-1.
// The SDK's own default ignores AWS_DEFAULT_REGION (the AWS CLI's variable), which users expect to work.
// Read synchronously, so a session can be made without awaiting anything.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const FALLBACK_REGION = 'us-east-1';

export const profileName = (profile: string | undefined, env: NodeJS.ProcessEnv): string =>
  profile || env.AWS_PROFILE || 'default';

/** The name of the section a line opens (`[profile  dev ]` -> `profile dev`), if it opens one. */
const sectionHeader = (line: string): string | undefined => /^\s*\[([^\]]+)\]/.exec(line)?.[1]!.trim().replace(/\s+/g, ' ');

/** The names of an INI text's sections, in order. */
export const iniSectionNames = (text: string): string[] => text.split(/\r?\n/).flatMap((line) => sectionHeader(line) ?? []);

/** `key = value` pairs of one INI section; sub-properties (indented lines) and comments are skipped. */
export function iniSection(text: string, section: string): Record<string, string> | undefined {
  let current: string | undefined;
  let found: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const header = sectionHeader(raw);
    if (header !== undefined) {
      current = header;
      if (current === section) found ??= {};
      continue;
    }
    if (current !== section || /^\s/.test(raw) || /^[#;]/.test(raw)) continue;
    const pair = /^([^=]+?)\s*=\s*(.*?)\s*$/.exec(raw);
    if (pair && found) found[pair[1]!.trim().toLowerCase()] = pair[2]!;
  }
  return found;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // A missing or unreadable file is the credential chain's to report, not the region's.
    return undefined;
  }
}

/** The texts of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), where readable. */
export function awsFileTexts(env: NodeJS.ProcessEnv) {
  const home = env.HOME || env.USERPROFILE || homedir();
  const configPath = env.AWS_CONFIG_FILE || join(home, '.aws', 'config');
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials');
  return { configPath, credentialsPath, config: readOptional(configPath), credentials: readOptional(credentialsPath) };
}

/** The `region` of a profile in ~/.aws/config (or AWS_CONFIG_FILE), else in the credentials file. */
export function profileRegion(profile: string, env: NodeJS.ProcessEnv): string | undefined {
  const { config, credentials } = awsFileTexts(env);
  // In the config file every profile but `default` is written `[profile NAME]`.
  const configSection = config
    ? (iniSection(config, `profile ${profile}`) ?? (profile === 'default' ? iniSection(config, 'default') : undefined))
    : undefined;
  const credentialsSection = credentials ? iniSection(credentials, profile) : undefined;
  return configSection?.region || credentialsSection?.region || undefined;
}

export function resolveRegion(flag: string | undefined, profile: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag || env.AWS_REGION || env.AWS_DEFAULT_REGION || profileRegion(profileName(profile, env), env) || FALLBACK_REGION;
}
