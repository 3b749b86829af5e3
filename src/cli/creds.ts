// `rampart creds audit | mfa | process | rotate`: the local ~/.aws files. Parses, calls src/creds, renders.
import type { Readable, Writable } from 'node:stream';
import { confirm, isCancel, password } from '@clack/prompts';
import { Option, type Command } from 'commander';
import { resolveRegion } from '../aws/region.js';
import { SEVERITIES } from '../checks/types.js';
import { auditCreds, type CredsAuditReport } from '../creds/audit.js';
import { credsAws } from '../creds/aws.js';
import { parseDuration } from '../util/duration.js';
import { installProcessProfile, mfaSession, processCredentials } from '../creds/mfa.js';
import { toProcessCredentials } from '../creds/session-cache.js';
import { rotateProfile, staleProfiles, type RotateRequest, type RotateResult } from '../creds/rotate.js';
import { InputError, oneLine } from '../util/errors.js';
import { VERSION } from '../version.js';
import type { CommandState, Io } from './main.js';
import { failOn, oneOf, positiveInt, type FailOn } from './options.js';

/** A duration option in seconds, its default shown as written (`90d`, not 7776000). */
const duration = (flags: string, description: string, seconds: number, shown: string) =>
  new Option(flags, description).argParser(parseDuration(flags.split(' ')[0]!)).default(seconds, shown);

const aws = (io: Io, region: string | undefined, profile: string | undefined) => credsAws(io.env, resolveRegion(region, profile, io.env));
const interactive = (io: Io) => io.stdin?.isTTY === true;

function renderAudit(report: CredsAuditReport): string {
  const lines = [`rampart creds audit: ${report.files.credentials}, ${report.files.config} (${report.profiles.length} profiles)`, ''];
  const sorted = [...report.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  for (const f of sorted) {
    lines.push(`${f.severity.toUpperCase().padEnd(8)} ${f.id}  ${f.message}`, `         fix: ${f.fix}`);
  }
  lines.push('', sorted.length ? `${sorted.length} finding${sorted.length === 1 ? '' : 's'}` : 'no findings');
  return `${lines.join('\n')}\n`;
}

function failed(report: CredsAuditReport, threshold: FailOn): boolean {
  if (threshold === 'none') return false;
  const limit = SEVERITIES.indexOf(threshold);
  return report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}

export function registerCreds(program: Command, io: Io, state: CommandState): void {
  const creds = program.command('creds').description('the local ~/.aws files: hygiene, MFA sessions, key rotation');

  creds
    .command('audit')
    .description('check ~/.aws/config and ~/.aws/credentials (offline unless --online)')
    .option('--online', 'also ask AWS: root keys, key age and last use (sts:GetCallerIdentity, iam:ListAccessKeys, iam:GetAccessKeyLastUsed)')
    .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
    .option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse is found (or none)', failOn, 'high')
    .addOption(duration('--max-key-age <duration>', 'creds-key-age: keys at least this old', 90 * 86_400, '90d'))
    .addOption(duration('--max-unused <duration>', 'creds-key-unused: keys unused this long', 90 * 86_400, '90d'))
    .option('--region <region>', 'region for the --online calls')
    .action(async (opts: { online?: boolean; format: 'text' | 'json'; failOn: FailOn; maxKeyAge: number; maxUnused: number; region?: string }) => {
      const report = await auditCreds({
        env: io.env,
        now: new Date(),
        ...(opts.online ? { aws: aws(io, opts.region, undefined) } : {}),
        maxKeyAgeDays: Math.floor(opts.maxKeyAge / 86_400),
        maxUnusedDays: Math.floor(opts.maxUnused / 86_400),
      });
      if (opts.format === 'json') {
        const summary = Object.fromEntries(SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length]));
        io.stdout.write(`${JSON.stringify({ schemaVersion: 1, tool: { name: 'rampart', version: VERSION }, ...report, summary }, null, 2)}\n`);
      } else io.stdout.write(renderAudit(report));
      state.exitCode = failed(report, opts.failOn) ? 1 : 0;
    });

  creds
    .command('mfa')
    .description('get MFA session credentials for a profile and write them to PROFILE-mfa (reused while valid)')
    .option('--profile <name>', 'the profile with mfa_serial (and role_arn + source_profile for a role)')
    .option('--code <123456>', 'the 6-digit code (asked for on a terminal when absent)')
    .option('--duration <duration>', 'session length, e.g. 12h (STS default: 12h for a session token, 1h for a role)', parseDuration('--duration'))
    .option('--as <name>', 'the profile to write (default PROFILE-mfa)')
    .option('--install-process <profile>', 'write a config profile that runs "rampart creds process" instead (no session in the credentials file)')
    .option('--process-command <command>', 'the command the installed profile runs', 'rampart creds process --profile')
    .option('--region <region>', 'the STS region')
    .action(async (opts: { profile?: string; code?: string; duration?: number; as?: string; installProcess?: string; processCommand: string; region?: string }) => {
      if (opts.installProcess) {
        const done = await installProcessProfile(io.env, opts.installProcess, opts.as, opts.processCommand);
        io.stdout.write(`wrote [profile ${done.target}] to ${done.file}: it runs "${opts.processCommand} ${opts.installProcess}"\n` + `get a session each day with: rampart creds mfa --profile ${opts.installProcess}\n`);
        return;
      }
      if (!opts.profile) throw new InputError('creds mfa needs --profile NAME (or --install-process NAME)');
      const result = await mfaSession(io.env, aws(io, opts.region, opts.profile), {
        profile: opts.profile,
        ...(opts.as ? { as: opts.as } : {}),
        ...(opts.code !== undefined ? { code: opts.code } : {}),
        ...(opts.duration ? { durationSeconds: opts.duration } : {}),
        now: new Date(),
        ...(interactive(io) ? { askCode: (serial: string) => askCode(io, serial) } : {}),
      });
      const where = result.storedIn === 'file' ? `profile "${result.target}"` : `the credential_process cache of profile "${result.target}"`;
      io.stdout.write(`${result.reused ? 'reusing' : 'new'} MFA session in ${where}, valid until ${result.expiration.toISOString()}\n`);
    });

  creds
    .command('process')
    .description('credential_process for the AWS CLI and SDKs: print the cached MFA session as JSON (Version 1)')
    .requiredOption('--profile <name>', 'the profile with mfa_serial')
    .option('--code <123456>', 'a code, when no valid session is cached')
    .option('--region <region>', 'the STS region')
    .action(async (opts: { profile: string; code?: string; region?: string }) => {
      const keys = await processCredentials(io.env, aws(io, opts.region, opts.profile), {
        profile: opts.profile,
        ...(opts.code !== undefined ? { code: opts.code } : {}),
        now: new Date(),
      });
      io.stdout.write(`${JSON.stringify(toProcessCredentials(keys))}\n`);
    });

  creds
    .command('rotate')
    .description("replace a profile's access key: create, switch, verify, deactivate, delete; rolled back on any failure")
    .option('--profile <name>', 'the profile whose key to rotate')
    .option('--all-older-than <duration>', 'rotate every profile whose key is at least this old, e.g. 90d', parseDuration('--all-older-than'))
    .addOption(duration('--grace <duration>', 'keep the old key inactive this long (a later rotate deletes it), e.g. 7d', 0, 'none: delete it'))
    .option('-y, --yes', 'rotate without asking (required when not on a terminal)')
    .option('--verify-attempts <n>', 'GetCallerIdentity tries before a new key is given up on', positiveInt('--verify-attempts'), 10)
    .addOption(duration('--verify-delay <duration>', 'first wait between tries; it doubles, up to 4 times this', 1, '1s'))
    .addOption(duration('--lock-wait <duration>', 'how long to wait for another rotation to finish', 30, '30s'))
    .option('--region <region>', 'the STS region')
    .option('--format <format>', 'text, or json: one object on stdout once done (the steps go to stderr)', oneOf('--format', ['text', 'json'] as const), 'text')
    .action(async (opts: { profile?: string; allOlderThan?: number; grace: number; yes?: boolean; verifyAttempts: number; verifyDelay: number; lockWait: number; region?: string; format: 'text' | 'json' }) => {
      if (!opts.profile === (opts.allOlderThan === undefined)) throw new InputError('creds rotate needs either --profile NAME or --all-older-than DURATION');
      if (!opts.yes && !interactive(io)) throw new InputError('refusing to rotate keys without --yes when not on a terminal');
      const now = new Date();
      const client = aws(io, opts.region, opts.profile);
      const profiles = opts.profile
        ? [opts.profile]
        : (await staleProfiles(io.env, client, now, Math.floor(opts.allOlderThan! / 86_400))).map((s) => s.profile);
      const json = opts.format === 'json';
      const rotated: RotateResult[] = [];
      const report = (failed?: { profile: string; error: unknown }) =>
        io.stdout.write(`${JSON.stringify(rotationJson(rotated, failed), null, 2)}\n`);
      if (!profiles.length) {
        if (json) report();
        else io.stdout.write(`no profile has a key at least ${Math.floor(opts.allOlderThan! / 86_400)} days old\n`);
        return;
      }
      if (!opts.yes && !(await confirmRotation(io, profiles))) {
        io.stderr.write('rampart: rotation cancelled; nothing was changed\n');
        state.exitCode = 1;
        return;
      }
      for (const profile of profiles) {
        const req: RotateRequest = {
          profile,
          graceSeconds: opts.grace,
          now,
          verify: { attempts: opts.verifyAttempts, delayMs: opts.verifyDelay * 1000 },
          lockWaitMs: opts.lockWait * 1000,
          // With --format json stdout holds the object alone; the steps are progress.
          say: (line) => (json ? io.stderr : io.stdout).write(`${profile}: ${line}\n`),
        };
        let result: RotateResult;
        try {
          result = await rotateProfile(io.env, client, req);
        } catch (error) {
          // What was rotated before the failure is done and must be reported; the error still ends the run.
          if (json) report({ profile, error });
          throw error;
        }
        rotated.push(result);
        if (!json) io.stdout.write(`${profile}: rotated ${result.oldKey} -> ${result.newKey}\n`);
      }
      if (json) report();
    });
}

/** `creds rotate --format json`: key ids masked as in the text, times in ISO 8601. */
function rotationJson(rotated: readonly RotateResult[], failed?: { profile: string; error: unknown }) {
  return {
    schemaVersion: 1,
    tool: { name: 'rampart', version: VERSION },
    rotated: rotated.map((r) => ({
      profile: r.profile,
      oldKey: r.oldKey,
      newKey: r.newKey,
      oldKeyState: r.oldKeyState,
      ...(r.deleteAfter ? { deleteAfter: r.deleteAfter.toISOString() } : {}),
    })),
    ...(failed ? { failed: { profile: failed.profile, message: oneLine(failed.error) } } : {}),
  };
}

async function askCode(io: Io, serial: string): Promise<string> {
  const answer = await password({
    message: `MFA code for ${serial}`,
    ...(io.stdin ? { input: io.stdin as Readable } : {}),
    output: io.stderr as Writable,
  });
  if (isCancel(answer)) throw new InputError('no MFA code given');
  return answer;
}

async function confirmRotation(io: Io, profiles: string[]): Promise<boolean> {
  const answer = await confirm({
    message: `Rotate the access key of ${profiles.map((p) => `"${p}"`).join(', ')}?`,
    initialValue: false,
    ...(io.stdin ? { input: io.stdin as Readable } : {}),
    output: io.stderr as Writable,
  });
  return !isCancel(answer) && answer === true;
}
