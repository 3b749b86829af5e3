import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Command } from 'commander';
import { auditSnapshot, collectScope, type Thresholds } from '../audit.js';
import { createSession } from '../aws/session.js';
import { resolveRegion } from '../aws/region.js';
import { allChecks } from '../checks/index.js';
import { selectChecks } from '../checks/select.js';
import type { CheckResult } from '../checks/types.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import { loadSnapshot } from '../inventory/load.js';
import { renderFormat } from '../report/formats.js';
import { renderJson } from '../report/json.js';
import { failedAtOrAbove } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { importToSecurityHub, type ImportSummary } from '../securityhub/import.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { InputError } from '../util/errors.js';
import { runMultiAccountAudit } from './audit-org.js';
import { addAwsOptions, collectFromAws, type AwsOptions } from './collect.js';
import type { CommandState, Io } from './main.js';
import { failOn, list, positiveInt, useColor, type FailOn } from './options.js';
import { reportTargets, type ReportTarget } from './report-targets.js';

interface AuditOptions extends Omit<AwsOptions, 'profile'>, Partial<Thresholds> {
  profile?: string[];
  org?: boolean;
  role: string;
  ssoRole?: string;
  accountsAtOnce: number;
  snapshot?: string;
  format: string[];
  output?: string;
  html?: string;
  toSecurityHub?: boolean;
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
      .option('--format <formats>', 'text, json, html, sarif, junit, csv, ocsf, asff; several comma-separated, each to stdout or NAME:FILE (stdout takes one)', list, [])
      .option('-o, --output <file>', 'write the one --format given without a file here (alone: the JSON report)')
      .option('--html <file>', 'write the HTML report here (same as --format html:FILE)')
      .option('--to-security-hub', 'import the findings into Security Hub in --region (update the ones imported before, resolve the ones that pass)')
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
    // Bad output options fail before any AWS call.
    const targets = reportTargets({ format: opts.format, output: opts.output, html: opts.html });
    const thresholds: Partial<Thresholds> = {};
    for (const [, key] of THRESHOLDS) if (opts[key] !== undefined) thresholds[key] = opts[key];
    const profiles = opts.profile ?? [];
    if (opts.ssoRole && !opts.org) throw new InputError('--sso-role goes with --org');
    if (opts.org || profiles.length > 1) {
      if (opts.snapshot) throw new InputError('--snapshot audits one saved account; it cannot be combined with --org or several --profile');
      if (opts.org && profiles.length > 1) throw new InputError('--org takes at most one --profile: the management account');
      const request = { include: opts.check, exclude: opts.skip, thresholds };
      const scope = collectScope(request);
      const format = targets.length === 1 && targets[0]!.path === null && (targets[0]!.format === 'text' || targets[0]!.format === 'json') ? targets[0]!.format : undefined;
      if (!format || opts.toSecurityHub) throw new InputError('--org and several --profile report as text or json, on standard output (no files, no --to-security-hub yet)');
      const multi = { profiles, org: opts.org === true, role: opts.role, ...(opts.ssoRole ? { ssoRole: opts.ssoRole } : {}), accountsAtOnce: opts.accountsAtOnce, format, failOn: opts.failOn, quiet: opts.quiet === true, request, scope };
      await runMultiAccountAudit({ ...multi, ...(opts.region ? { region: opts.region } : {}), ...(opts.regions ? { regions: opts.regions } : {}) }, io, state);
      return;
    }
    const snapshot = opts.snapshot
      ? await loadSnapshot(opts.snapshot)
      : await collectFromAws({ ...opts, profile: profiles[0] }, io, collectScope({ include: opts.check, exclude: opts.skip }));
    const results = auditSnapshot(snapshot, { include: opts.check, exclude: opts.skip, thresholds });
    await writeReports(targets, snapshot, results, opts, io);
    const checks = selectChecks(allChecks, opts.check, opts.skip).map((c) => c.id);
    const imported = opts.toSecurityHub ? await toSecurityHub(snapshot, results, checks, { ...opts, profile: profiles[0] }) : null;
    if (imported) reportImport(imported, io);
    state.exitCode = opts.failOn !== 'none' && failedAtOrAbove(results, opts.failOn) ? 1 : 0;
    // Findings Security Hub refused mean the import did not complete: exit 3, as for an audit that could not run.
    if (imported && imported.failed.length > 0) state.exitCode = 3;
  });
}

async function writeReports(targets: ReportTarget[], snapshot: AccountSnapshot, results: CheckResult[], opts: AuditOptions, io: Io): Promise<void> {
  const audit = renderJson({ snapshot, results });
  const region = resolveRegion(opts.region, opts.profile?.[0], io.env);
  const render = (t: ReportTarget, color: boolean): string =>
    t.format === 'text'
      ? renderText({ snapshot, results }, { color, quiet: opts.quiet === true, width: t.path === null ? io.stdout.columns : undefined })
      : renderFormat(t.format, audit, { region });
  // Files first, each written whole or not at all; then stdout.
  for (const t of targets) {
    if (t.path === null) continue;
    try {
      await writeFileAtomic(t.path, render(t, false), { mode: 0o644 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new InputError(`cannot write the ${t.format} report to ${t.path}: ${code === 'ENOENT' ? 'no such directory' : code}`);
    }
    if (!opts.quiet) io.stderr.write(`rampart: wrote the ${t.format} report to ${t.path}\n`);
  }
  const out = targets.find((t) => t.path === null);
  if (out) io.stdout.write(render(out, opts.color && useColor(io.stdout, io.env)));
}

async function toSecurityHub(snapshot: AccountSnapshot, results: CheckResult[], checks: string[], opts: { profile?: string; region?: string }): Promise<ImportSummary> {
  const session = createSession({ profile: opts.profile, region: opts.region });
  try {
    await session.getCredentialsOrFail();
    return await importToSecurityHub(session.client(SecurityHubClient), renderJson({ snapshot, results }), { region: session.region, now: new Date(), checks });
  } finally {
    session.close();
  }
}

function reportImport(s: ImportSummary, io: Io): void {
  io.stderr.write(
    `rampart: Security Hub (${s.region}): ${s.imported} findings imported in ${s.batches} ${s.batches === 1 ? 'batch' : 'batches'}: ${s.created} new, ${s.updated} updated, ${s.resolved} resolved\n`,
  );
  if (s.failed.length === 0) return;
  io.stderr.write(`rampart: Security Hub refused ${s.failed.length} ${s.failed.length === 1 ? 'finding' : 'findings'}:\n`);
  for (const f of s.failed.slice(0, 20)) io.stderr.write(`  ${f.id}: ${f.code} ${f.message}\n`);
  if (s.failed.length > 20) io.stderr.write(`  ... and ${s.failed.length - 20} more\n`);
}
