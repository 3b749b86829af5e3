// A profile named (--profile, AWS_PROFILE) that ~/.aws does not have is a typo to point out (exit 2, with the names
// there are), not "no credentials": the chain's own message would send the user to `aws configure`.
import { closest } from '../util/closest.js';
import { InputError } from '../util/errors.js';
import { awsFileTexts, iniSectionNames } from './region.js';

/** Profile names in the config file (`[default]`, `[profile NAME]`) and the credentials file (`[NAME]`). */
function profileNames(config = '', credentials = ''): string[] {
  const fromConfig = iniSectionNames(config).flatMap((s) => (s === 'default' ? [s] : s.startsWith('profile ') ? [s.slice('profile '.length).trim()] : []));
  return [...new Set([...fromConfig, ...iniSectionNames(credentials)])];
}

/** The error for a profile neither file names; undefined when it exists, or when none was named. */
export function unknownProfile(profile: string | undefined, env: NodeJS.ProcessEnv): InputError | undefined {
  if (!profile) return undefined;
  const files = awsFileTexts(env);
  const known = profileNames(files.config, files.credentials);
  return known.includes(profile) ? undefined : noSuchProfile(profile, known, files.configPath, files.credentialsPath);
}

/** One wording for every command: the likely profile, then the ones there are. */
export function noSuchProfile(profile: string, known: readonly string[], configPath: string, credentialsPath: string): InputError {
  const guess = closest(profile, [...known]);
  const names = known.length ? `; profiles there: ${known.join(', ')}` : '; there are none';
  return new InputError(`no profile '${profile}' in ${configPath} or ${credentialsPath}${guess ? ` (did you mean '${guess}'?)` : ''}${names}`);
}
