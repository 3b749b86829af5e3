// A profile named (--profile, AWS_PROFILE) that ~/.aws does not have is a typo to point out (exit 2, with the names
// there are), not "no credentials": the chain's own message would send the user to `aws configure`.
import { closest } from '../util/closest.js';
import { InputError } from '../util/errors.js';
import { awsFileTexts } from './region.js';

const sections = (text: string | undefined): string[] =>
  [...(text ?? '').matchAll(/^\s*\[([^\]]+)\]/gm)].map((m) => m[1]!.trim().replace(/\s+/g, ' '));

/** Profile names in the config file (`[default]`, `[profile NAME]`) and the credentials file (`[NAME]`). */
export function profileNames(config: string | undefined, credentials: string | undefined): string[] {
  const fromConfig = sections(config).flatMap((s) => (s === 'default' ? [s] : s.startsWith('profile ') ? [s.slice('profile '.length).trim()] : []));
  return [...new Set([...fromConfig, ...sections(credentials)])];
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
