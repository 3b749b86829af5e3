// MFA sessions: GetSessionToken with the profile's mfa_serial, or AssumeRole for a role_arn + mfa_serial
// profile. The session goes to the `P-mfa` profile of the credentials file (with `x_security_token_expires`,
// as awsmfa writes it) or, when that profile is rampart's credential_process, to the process cache only.
// A session still valid is used again without asking STS.
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { InputError, RunError } from '../util/errors.js';
import { awsFailure, errorCode, type CredsAws, type Keys } from './aws.js';
import { loadAwsFiles, readIniFile, requireProfile, setting, writeIniFile, type AwsFiles } from './files.js';
import { sectionValues, setSection } from './ini.js';
import { profileKeys } from './keys.js';
import { readCachedSession, writeCachedSession } from './session-cache.js';

/** A session is used again only if it has at least this long to live. */
export const REUSE_MARGIN_MS = 5 * 60_000;
export const EXPIRES_KEY = 'x_security_token_expires';
/** A profile whose credential_process runs `... creds process --profile P` is rampart's (`--install-process`). */
const PROCESS_COMMAND = /\bcreds process --profile\b/;

export interface MfaRequest {
  readonly profile: string;
  /** The profile to write; default `PROFILE-mfa`. */
  readonly as?: string;
  readonly code?: string;
  readonly durationSeconds?: number;
  readonly now: Date;
  /** Asks the person for the code; absent when there is no terminal to ask on. */
  readonly askCode?: (serial: string) => Promise<string>;
}

export interface MfaResult {
  readonly target: string;
  readonly expiration: Date;
  readonly reused: boolean;
  /** 'file': the credentials file's profile; 'process': the credential_process cache. */
  readonly storedIn: 'file' | 'process';
}

const CODE = /^\d{6}$/;

export function checkCode(code: string): string {
  if (!CODE.test(code.trim())) throw new InputError('the MFA code must be the 6 digits your device shows');
  return code.trim();
}

/** Whether `target` is a credential_process profile installed by `--install-process`. */
function isProcessProfile(files: AwsFiles, target: string): boolean {
  const p = files.profiles.get(target);
  return p !== undefined && PROCESS_COMMAND.test(setting(p, 'credential_process') ?? '');
}

/** Calls STS for a new session; the code comes from the request or the person. */
export async function newSession(files: AwsFiles, aws: CredsAws, req: MfaRequest): Promise<Keys> {
  const profile = requireProfile(files, req.profile);
  const serial = setting(profile, 'mfa_serial');
  if (!serial) {
    throw new InputError(`profile "${req.profile}" has no mfa_serial: add "mfa_serial = arn:aws:iam::ACCOUNT:mfa/NAME" to it (the ARN is on your IAM user's Security credentials tab)`);
  }
  const code = req.code !== undefined ? checkCode(req.code) : req.askCode ? checkCode(await req.askCode(serial)) : undefined;
  if (code === undefined) throw new InputError('no --code given and no terminal to ask for it on: pass --code 123456');
  const roleArn = setting(profile, 'role_arn');
  const { keys } = roleArn ? profileKeys(files, setting(profile, 'source_profile') ?? '') : profileKeys(files, req.profile);
  if (keys.sessionToken) throw new InputError(`profile "${req.profile}" holds session credentials already: MFA sessions start from a long-lived key`);
  const sts = aws.sts(keys);
  try {
    const out = roleArn
      ? await sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: setting(profile, 'role_session_name') ?? `rampart-${req.now.getTime()}`,
            SerialNumber: serial,
            TokenCode: code,
            ...(req.durationSeconds ? { DurationSeconds: req.durationSeconds } : {}),
          }),
        )
      : await sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code, ...(req.durationSeconds ? { DurationSeconds: req.durationSeconds } : {}) }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) throw new RunError('STS answered without credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (err) {
    if (err instanceof RunError) throw err;
    const what = roleArn ? `AssumeRole ${roleArn}` : 'GetSessionToken';
    // A wrong code or a serial that is not the user's is the person's input: exit 2, nothing written.
    if (errorCode(err) === 'AccessDenied' && /MultiFactorAuthentication/i.test(String((err as Error).message))) {
      throw new InputError(`STS refused the MFA code for ${serial} (${what}): ${awsFailure(err)}`);
    }
    throw new RunError(`${what} failed: ${awsFailure(err)}`);
  } finally {
    sts.destroy();
  }
}

/** The session of a `P-mfa` profile in the credentials file, if still valid. */
function fileSession(values: Record<string, string>, now: Date): Keys | undefined {
  const expiration = values[EXPIRES_KEY] ? new Date(values[EXPIRES_KEY]) : undefined;
  const { aws_access_key_id: id, aws_secret_access_key: secret, aws_session_token: token } = values;
  if (!id || !secret || !token || !expiration || !(expiration.getTime() - REUSE_MARGIN_MS > now.getTime())) return undefined;
  return { accessKeyId: id, secretAccessKey: secret, sessionToken: token, expiration };
}

export async function mfaSession(env: NodeJS.ProcessEnv, aws: CredsAws, req: MfaRequest): Promise<MfaResult> {
  const files = await loadAwsFiles(env);
  requireProfile(files, req.profile);
  const target = req.as ?? `${req.profile}-mfa`;
  if (target === req.profile) throw new InputError(`--as must name another profile than "${req.profile}": its long-lived key would be overwritten`);
  if (isProcessProfile(files, target)) {
    const cached = await readCachedSession(files.paths.stateDir, req.profile, req.now, REUSE_MARGIN_MS);
    if (cached) return { target, expiration: cached.expiration!, reused: true, storedIn: 'process' };
    const keys = await newSession(files, aws, req);
    await writeCachedSession(files.paths.stateDir, req.profile, keys);
    return { target, expiration: keys.expiration!, reused: false, storedIn: 'process' };
  }
  const doc = await readIniFile(files.paths.credentials);
  const cached = fileSession(sectionValues(doc, target), req.now);
  if (cached) return { target, expiration: cached.expiration!, reused: true, storedIn: 'file' };
  const keys = await newSession(files, aws, req);
  const region = setting(requireProfile(files, req.profile), 'region');
  setSection(doc, target, {
    aws_access_key_id: keys.accessKeyId,
    aws_secret_access_key: keys.secretAccessKey,
    aws_session_token: keys.sessionToken,
    [EXPIRES_KEY]: keys.expiration!.toISOString(),
    ...(region ? { region } : {}),
  });
  await writeIniFile(doc);
  return { target, expiration: keys.expiration!, reused: false, storedIn: 'file' };
}

/** `rampart creds process`: the cached session, or a new one when a code is given; never asks (stdout is the SDK's). */
export async function processCredentials(env: NodeJS.ProcessEnv, aws: CredsAws, req: MfaRequest): Promise<Keys> {
  const files = await loadAwsFiles(env);
  requireProfile(files, req.profile);
  const cached = await readCachedSession(files.paths.stateDir, req.profile, req.now, REUSE_MARGIN_MS);
  if (cached) return cached;
  if (req.code === undefined) {
    throw new InputError(`no valid MFA session for profile "${req.profile}": run "rampart creds mfa --profile ${req.profile}" in a terminal to enter a code`);
  }
  const keys = await newSession(files, aws, req);
  await writeCachedSession(files.paths.stateDir, req.profile, keys);
  return keys;
}

/** `--install-process P`: writes `[profile P-mfa]` (or --as) to the config file with credential_process calling rampart. */
export async function installProcessProfile(env: NodeJS.ProcessEnv, profile: string, as: string | undefined, command: string): Promise<{ target: string; file: string }> {
  const files = await loadAwsFiles(env);
  const source = requireProfile(files, profile);
  if (!setting(source, 'mfa_serial')) throw new InputError(`profile "${profile}" has no mfa_serial: add it first, the process asks STS with it`);
  const target = as ?? `${profile}-mfa`;
  const doc = await readIniFile(files.paths.config);
  const section = target === 'default' ? 'default' : `profile ${target}`;
  const region = setting(source, 'region');
  setSection(doc, section, { credential_process: `${command} ${profile}`, ...(region ? { region } : {}) });
  await writeIniFile(doc);
  return { target, file: files.paths.config };
}
