// The credential report: GenerateCredentialReport starts it, polls see it "not ready" a configurable number of
// times (scenario credentialReport.notReadyPolls), GetCredentialReport returns it as base64 CSV. The CSV follows
// AWS's columns and placeholders exactly: `not_supported` on root's password fields, `N/A` for a credential that
// does not exist or was never used, `no_information` for a password never used, ISO dates with `+00:00`.
import { ApiError } from '../../errors.js';
import type { QueryParams, RequestContext } from '../../service.js';
import type { AccessKey, World } from '../../world.js';

export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

const NA = 'N/A';
const DAY_MS = 86_400_000;

export function reportDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function keyColumns(key: AccessKey | undefined): string[] {
  if (!key) return ['false', NA, NA, NA, NA];
  return [
    String(key.active),
    reportDate(key.created),
    key.lastUsed ? reportDate(key.lastUsed.date) : NA,
    key.lastUsed?.region ?? NA,
    key.lastUsed?.service ?? NA,
  ];
}

/** Signing certificates are not modelled: always "none". */
const NO_CERTS = ['false', NA, 'false', NA];

function rows(world: World): string[][] {
  const out: string[][] = [];
  if (!world.quirks.noRootRow) {
    const root = world.root;
    out.push([
      '<root_account>',
      root.arn,
      reportDate(world.account.created),
      'not_supported',
      root.passwordLastUsed ? reportDate(root.passwordLastUsed) : 'no_information',
      'not_supported',
      'not_supported',
      String(root.mfa !== 'none'),
      ...keyColumns(root.accessKeys[0]),
      ...keyColumns(root.accessKeys[1]),
      ...NO_CERTS,
    ]);
  }
  const maxAge = world.passwordPolicy?.maxPasswordAge;
  for (const u of world.users) {
    const pw = u.password;
    out.push([
      u.name,
      u.arn,
      reportDate(u.created),
      String(pw !== null),
      pw ? (pw.lastUsed ? reportDate(pw.lastUsed) : 'no_information') : NA,
      pw ? reportDate(pw.created) : NA,
      pw && maxAge ? reportDate(new Date(pw.created.getTime() + maxAge * DAY_MS)) : NA,
      String(u.mfaDevices.length > 0),
      ...keyColumns(u.accessKeys[0]),
      ...keyColumns(u.accessKeys[1]),
      ...NO_CERTS,
    ]);
  }
  return out;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function credentialReportCsv(world: World): string {
  return [CREDENTIAL_REPORT_COLUMNS as readonly string[], ...rows(world)].map((r) => r.map(csvField).join(',')).join('\n');
}

export function generateCredentialReport(_params: QueryParams, ctx: RequestContext) {
  const report = ctx.world.credentialReport;
  if (report.phase === 'absent') {
    if (report.notReadyPolls === 0) {
      report.phase = 'ready';
      report.generatedAt = ctx.now;
      return { State: 'COMPLETE' };
    }
    report.phase = 'pending';
    report.pollsLeft = report.notReadyPolls - 1;
    return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
  }
  if (report.phase === 'pending') {
    if (report.pollsLeft > 0) {
      report.pollsLeft--;
      return { State: 'INPROGRESS' };
    }
    report.phase = 'ready';
    report.generatedAt = ctx.now;
  }
  return { State: 'COMPLETE' };
}

export function getCredentialReport(_params: QueryParams, ctx: RequestContext) {
  const report = ctx.world.credentialReport;
  if (report.phase === 'absent') {
    throw new ApiError('ReportNotPresent', 'Credential report does not exist. Use GenerateCredentialReport to generate a report.', 410);
  }
  if (report.phase === 'pending') {
    if (report.pollsLeft > 0) {
      report.pollsLeft--;
      throw new ApiError('ReportInProgress', 'Report generation is in progress. Try again later.', 404);
    }
    report.phase = 'ready';
    report.generatedAt = ctx.now;
  }
  return {
    Content: Buffer.from(credentialReportCsv(ctx.world), 'utf8').toString('base64'),
    ReportFormat: 'text/csv',
    GeneratedTime: report.generatedAt ?? ctx.now,
  };
}
