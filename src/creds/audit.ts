// `rampart creds audit`: the hygiene of ~/.aws. Offline it reads the files, their modes and the environment;
// --online adds STS GetCallerIdentity (root keys), IAM ListAccessKeys (key age) and GetAccessKeyLastUsed.
import { constants } from 'node:fs';
import { stat } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { awsFailure, type CredsAws } from './aws.js';
import { finding, type CredsFinding } from './findings.js';
import { loadAwsFiles, setting, type AwsFiles, type Profile } from './files.js';
import { fileKeyStore } from './keys.js';
import { maskKeyId } from './mask.js';

export interface CredsAuditOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly now: Date;
  /** Adds the AWS calls; absent means offline. */
  readonly aws?: CredsAws;
  readonly maxKeyAgeDays: number;
  readonly maxUnusedDays: number;
}

export interface CredsAuditReport {
  readonly files: { readonly config: string; readonly credentials: string };
  readonly profiles: readonly string[];
  readonly findings: readonly CredsFinding[];
}

const DAY = 86_400_000;
/** The production rule: one of these words as a whole part of the profile or role name (split on - _ . / and spaces). */
export const PRODUCTION_WORDS = ['prod', 'production', 'prd', 'live'];
const looksProduction = (name: string) => name.toLowerCase().split(/[-_./\s:]+/).some((w) => PRODUCTION_WORDS.includes(w));

async function modeOf(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.mode;
}

async function modeFindings(files: AwsFiles): Promise<CredsFinding[]> {
  if (process.platform === 'win32') return []; // Windows has ACLs, not modes: nothing honest to say from a mode.
  const out: CredsFinding[] = [];
  for (const file of [files.paths.config, files.paths.credentials]) {
    const mode = await modeOf(file);
    if (mode !== undefined && (mode & 0o077) !== 0) {
      out.push(finding('creds-file-mode', { file, message: `${file} has mode ${(mode & 0o777).toString(8).padStart(4, '0')}: other users can read or change it`, fix: `chmod 600 ${file}` }));
    }
  }
  for (const dir of new Set([dirname(files.paths.config), dirname(files.paths.credentials)])) {
    const mode = await modeOf(dir);
    if (mode !== undefined && (mode & 0o077) !== 0) {
      out.push(finding('creds-dir-mode', { file: dir, message: `${dir} has mode ${(mode & 0o777).toString(8).padStart(4, '0')}: other users can list or add files in it`, fix: `chmod 700 ${dir}` }));
    }
  }
  return out;
}

const longLivedKey = (p: Profile) => {
  const keys = fileKeyStore.load(p);
  return keys && !keys.sessionToken && keys.accessKeyId.startsWith('AKIA') ? keys : undefined;
};

function fileFindings(files: AwsFiles, env: NodeJS.ProcessEnv): CredsFinding[] {
  const out: CredsFinding[] = [];
  const byKey = new Map<string, string[]>();
  for (const p of files.profiles.values()) {
    const key = longLivedKey(p);
    if (key) {
      byKey.set(key.accessKeyId, [...(byKey.get(key.accessKeyId) ?? []), p.name]);
      out.push(
        finding('creds-long-lived-key', {
          profile: p.name,
          file: files.paths.credentials,
          message: `profile "${p.name}" holds the long-lived key ${maskKeyId(key.accessKeyId)} in plain text`,
          fix: `use IAM Identity Center ("aws configure sso"), or keep one key only as a source_profile for role profiles with mfa_serial, and rotate it ("rampart creds rotate --profile ${p.name}")`,
        }),
      );
    }
    const sso = setting(p, 'sso_session') ?? setting(p, 'sso_start_url');
    const roleArn = setting(p, 'role_arn');
    const roleName = roleArn?.split('/').pop() ?? '';
    if (!sso && (key || roleArn) && !setting(p, 'mfa_serial') && (looksProduction(p.name) || looksProduction(roleName))) {
      out.push(
        finding('creds-prod-without-mfa', {
          profile: p.name,
          message: `profile "${p.name}" looks like production (a word of its ${looksProduction(p.name) ? 'name' : 'role name'} is one of ${PRODUCTION_WORDS.join(', ')}) and has no mfa_serial`,
          fix: `add "mfa_serial = arn:aws:iam::ACCOUNT:mfa/NAME" to it and get sessions with "rampart creds mfa --profile ${p.name}"`,
        }),
      );
    }
  }
  for (const [id, names] of byKey) {
    if (names.length < 2) continue;
    out.push(
      finding('creds-duplicate-key', {
        profile: names[0]!,
        message: `the key ${maskKeyId(id)} is in profiles ${names.map((n) => `"${n}"`).join(', ')}: rotating one leaves the others broken`,
        fix: `keep it in one profile and make the others use it through source_profile`,
      }),
    );
  }
  const envKey = env.AWS_ACCESS_KEY_ID;
  if (envKey && env.AWS_SECRET_ACCESS_KEY) {
    const named = env.AWS_PROFILE || 'default';
    const shadowed = files.profiles.has(named) ? named : undefined;
    out.push(
      finding('creds-env-shadow', {
        ...(shadowed ? { profile: shadowed } : {}),
        message: `AWS_ACCESS_KEY_ID (${maskKeyId(envKey)}) is set: the SDKs and the AWS CLI use it instead of ${shadowed ? `profile "${shadowed}"` : 'any profile'} unless --profile is given`,
        fix: 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN, and use profiles (AWS_PROFILE) instead',
      }),
    );
  }
  return out;
}

/** The executable a credential_process runs: absolute, relative to nothing, or found on PATH. */
async function executableOf(command: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const first = /^\s*(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(command);
  const exe = first?.[1] ?? first?.[2] ?? first?.[3];
  if (!exe) return undefined;
  if (isAbsolute(exe)) return exe;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, exe);
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  return undefined;
}

async function processFindings(files: AwsFiles, env: NodeJS.ProcessEnv): Promise<CredsFinding[]> {
  if (process.platform === 'win32') return [];
  const out: CredsFinding[] = [];
  for (const p of files.profiles.values()) {
    const command = setting(p, 'credential_process');
    if (!command) continue;
    const exe = await executableOf(command, env);
    if (!exe) continue;
    const fileMode = await modeOf(exe);
    const dirMode = await modeOf(dirname(exe));
    const fileOpen = fileMode !== undefined && (fileMode & constants.S_IWOTH) !== 0;
    // A world-writable directory without the sticky bit lets anyone replace the file.
    const dirOpen = dirMode !== undefined && (dirMode & constants.S_IWOTH) !== 0 && (dirMode & 0o1000) === 0;
    if (!fileOpen && !dirOpen) continue;
    out.push(
      finding('creds-process-writable', {
        profile: p.name,
        file: exe,
        message: `profile "${p.name}" runs ${exe} for credentials, and ${fileOpen ? 'any user can change that file' : `any user can replace files in ${dirname(exe)}`}`,
        fix: fileOpen ? `chmod o-w ${exe}` : `chmod o-w ${dirname(exe)} (or move the program to a directory only you can write)`,
      }),
    );
  }
  return out;
}

async function onlineFindings(files: AwsFiles, aws: CredsAws, opts: CredsAuditOptions): Promise<CredsFinding[]> {
  const out: CredsFinding[] = [];
  const unknown = (p: Profile, what: string, err: unknown) =>
    finding('creds-online-unknown', { profile: p.name, message: `${what} for profile "${p.name}" failed: ${awsFailure(err)}`, fix: 'check the key works ("aws sts get-caller-identity --profile NAME") and that it may call iam:ListAccessKeys and iam:GetAccessKeyLastUsed on itself' });
  const seen = new Set<string>();
  for (const p of files.profiles.values()) {
    const keys = longLivedKey(p);
    if (!keys || seen.has(keys.accessKeyId)) continue;
    seen.add(keys.accessKeyId);
    const masked = maskKeyId(keys.accessKeyId);
    const sts = aws.sts(keys);
    const iam = aws.iam(keys);
    try {
      try {
        const who = await sts.send(new GetCallerIdentityCommand({}));
        if (who.Arn?.endsWith(':root')) {
          out.push(finding('creds-root-key', { profile: p.name, message: `profile "${p.name}" signs as the root user of account ${who.Account} with ${masked}`, fix: 'create an admin IAM user or use IAM Identity Center, then delete the root access key (IAM console, signed in as root: Security credentials)' }));
        }
      } catch (err) {
        out.push(unknown(p, 'GetCallerIdentity', err));
        continue;
      }
      try {
        const listed = await iam.send(new ListAccessKeysCommand({}));
        const created = listed.AccessKeyMetadata?.find((k) => k.AccessKeyId === keys.accessKeyId)?.CreateDate;
        const age = created ? Math.floor((opts.now.getTime() - created.getTime()) / DAY) : undefined;
        if (age !== undefined && age >= opts.maxKeyAgeDays) {
          out.push(finding('creds-key-age', { profile: p.name, message: `the key ${masked} of profile "${p.name}" is ${age} days old (limit ${opts.maxKeyAgeDays})`, fix: `rampart creds rotate --profile ${p.name}` }));
        }
      } catch (err) {
        out.push(unknown(p, 'ListAccessKeys', err));
      }
      try {
        const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keys.accessKeyId }));
        const last = used.AccessKeyLastUsed?.LastUsedDate;
        const idle = last ? Math.floor((opts.now.getTime() - last.getTime()) / DAY) : undefined;
        if (idle === undefined || idle >= opts.maxUnusedDays) {
          out.push(finding('creds-key-unused', { profile: p.name, message: `the key ${masked} of profile "${p.name}" ${idle === undefined ? 'has never been used' : `was last used ${idle} days ago`}`, fix: `if nothing needs it, delete the key ${masked} (IAM console, Security credentials) and remove profile "${p.name}"` }));
        }
      } catch (err) {
        out.push(unknown(p, 'GetAccessKeyLastUsed', err));
      }
    } finally {
      sts.destroy();
      iam.destroy();
    }
  }
  return out;
}

export async function auditCreds(opts: CredsAuditOptions): Promise<CredsAuditReport> {
  const files = await loadAwsFiles(opts.env);
  const findings = [
    ...(await modeFindings(files)),
    ...fileFindings(files, opts.env),
    ...(await processFindings(files, opts.env)),
    ...(opts.aws ? await onlineFindings(files, opts.aws, opts) : []),
  ];
  return { files: { config: files.paths.config, credentials: files.paths.credentials }, profiles: [...files.profiles.keys()], findings };
}
