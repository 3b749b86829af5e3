import type { Command } from 'commander';
import { auditSnapshot, collectScope, type Thresholds } from '../audit.js';
import { loadSnapshot } from '../inventory/load.js';
import { renderJsonString } from '../report/json.js';
import { failedAtOrAbove } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { InputError } from '../util/errors.js';
import { runMultiAccountAudit } from './audit-org.js';
import { addAwsOptions, collectFromAws, type AwsOptions } from './collect.js';
import type { CommandState, Io } from './main.js';
import { failOn, list, oneOf, positiveInt, useColor, type FailOn } from './options.js';

interface AuditOptions extends Omit<AwsOptions, 'profile'>, Partial<Thresholds> {
  profile?: string[];
  org?: boolean;
  role: string;
  ssoRole?: string;
  accountsAtOnce: number;
  snapshot?: string;
  format: 'text' | 'json';
  failOn: FailOn;
  check: string[];
  skip: string[];
  quiet?: boolean;
  color: boolean;
}

/** Threshold flags: [flag, option key, help]; defaults are CHECKS.md's. */
const THRESHOLDS: [string, keyof Thresholds, string][] = [
  ['--user-unused-days <n>', 'userUnusedDays', 'user-inactive: console password unused for this many days (default 45)'],
  ['--key-unused-days <n>', 'keyUnusedDays', 'access-key-unused: active key unused for this many days (default 45)'],
  ['--key-max-age-days <n>', 'keyMaxAgeDays', 'access-key-age: active key at least this many days old (default 90)'],
  ['--root-unused-days <n>', 'rootUnusedDays', 'root-recent-use: root used within this many days (default 30)'],
  ['--password-min-length <n>', 'passwordMinLength', 'password-min-length: required minimum (default 14)'],
  ['--password-reuse <n>', 'passwordReuse', 'password-reuse: passwords remembered (default 24)'],
  ['--password-max-age-days <n>', 'passwordMaxAgeDays', 'password-max-age: longest allowed expiry (default 90)'],
];

export function registerAudit(program: Command, io: Io, state: CommandState): void {
  const cmd = addAwsOptions(
    program
      .command('audit')
      .description('check the account against the baseline and the CIS AWS Foundations Benchmark')
      .option('--snapshot <file>', 'audit a saved snapshot instead of calling AWS')
      .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
      .option('--fail-on <severity>', 'exit 1 when a check of this severity or worse fails (or none)', failOn, 'high')
      .option('--check <ids>', 'only these checks or areas (comma-separated, repeatable)', list, [])
      .option('--skip <ids>', 'skip these checks or areas (comma-separated, repeatable)', list, [])
      .option('-q, --quiet', 'only failures and the summary; no progress')
      .option('--no-color', 'no colour even on a terminal')
      .option('--org', 'audit every account of the organization (from the management or a delegated administrator account)')
      .option('--role <name>', 'with --org: the role to assume in each member account', 'OrganizationAccountAccessRole')
      .option('--sso-role <permission-set>', 'with --org: enter each account through this IAM Identity Center permission set (after aws sso login)')
      .option('--accounts-at-once <n>', 'with --org or several --profile: accounts audited concurrently', positiveInt('--accounts-at-once'), 8),
    { multiProfile: true },
  );
  for (const [flag, , help] of THRESHOLDS) cmd.option(flag, help, positiveInt(flag.split(' ')[0]!));
  cmd.action(async (opts: AuditOptions) => {
    const thresholds: Partial<Thresholds> = {};
    for (const [, key] of THRESHOLDS) if (opts[key] !== undefined) thresholds[key] = opts[key];
    const profiles = opts.profile ?? [];
    if (opts.ssoRole && !opts.org) throw new InputError('--sso-role goes with --org');
    if (opts.org || profiles.length > 1) {
      if (opts.snapshot) throw new InputError('--snapshot audits one saved account; it cannot be combined with --org or several --profile');
      if (opts.org && profiles.length > 1) throw new InputError('--org takes at most one --profile: the management account');
      const request = { include: opts.check, exclude: opts.skip, thresholds };
      const scope = collectScope(request);
      const multi = { profiles, org: opts.org === true, role: opts.role, ...(opts.ssoRole ? { ssoRole: opts.ssoRole } : {}), accountsAtOnce: opts.accountsAtOnce, format: opts.format, failOn: opts.failOn, quiet: opts.quiet === true, request, scope };
      await runMultiAccountAudit({ ...multi, ...(opts.region ? { region: opts.region } : {}), ...(opts.regions ? { regions: opts.regions } : {}) }, io, state);
      return;
    }
    const snapshot = opts.snapshot
      ? await loadSnapshot(opts.snapshot)
      : await collectFromAws({ ...opts, profile: profiles[0] }, io, collectScope({ include: opts.check, exclude: opts.skip }));
    const results = auditSnapshot(snapshot, { include: opts.check, exclude: opts.skip, thresholds });
    if (opts.format === 'json') io.stdout.write(renderJsonString({ snapshot, results }));
    else {
      const color = opts.color && useColor(io.stdout, io.env);
      io.stdout.write(renderText({ snapshot, results }, { color, quiet: opts.quiet === true, width: io.stdout.columns }));
    }
    state.exitCode = opts.failOn !== 'none' && failedAtOrAbove(results, opts.failOn) ? 1 : 0;
  });
}
