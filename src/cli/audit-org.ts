// `rampart audit --org` and `rampart audit --profile a --profile b`: many accounts, one report.
import { once } from 'node:events';
import { fromSSO, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles, loadSsoSessionData } from '@smithy/core/config';
import { auditSnapshot, type AuditRequest } from '../audit.js';
import { describeAwsError } from '../aws/errors.js';
import { createSession, createSharedClients, type Session } from '../aws/session.js';
import { collectSnapshot, type CollectArea } from '../inventory/collect.js';
import type { Trail } from '../inventory/schema/logging.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import { collectOrgFacts, listOrganizationAccounts } from '../org/collect.js';
import { judgeOrganization } from '../org/judge.js';
import { keepAudit, type KeptAudit } from '../org/kept-audit.js';
import { orgJsonChunks, renderOrgText } from '../org/report.js';
import { auditAccounts } from '../org/run.js';
import type { AccountOutcome, OrgAccount, OrgAudit, OrgFinding } from '../org/types.js';
import { renderJson } from '../report/json.js';
import { severityRank } from '../report/summary.js';
import { InputError, RunError } from '../util/errors.js';
import type { CommandState, Io } from './main.js';
import type { FailOn } from './options.js';

export interface MultiAccountOptions {
  profiles: string[];
  org: boolean;
  role: string;
  /** IAM Identity Center permission set to use in each account instead of assuming `role`. */
  ssoRole?: string;
  accountsAtOnce: number;
  region?: string;
  regions?: string[];
  format: 'text' | 'json';
  failOn: FailOn;
  quiet: boolean;
  request: AuditRequest;
  scope: CollectArea[];
}

const SESSION_NAME = 'rampart-audit';

interface SsoSettings {
  ssoStartUrl: string;
  ssoRegion: string;
  ssoSession?: string;
}

/** The SSO start URL and region of the caller's profile (an `sso_session` or the legacy `sso_start_url` form). */
async function ssoSettings(profile: string): Promise<SsoSettings> {
  const { configFile } = await loadSharedConfigFiles();
  const p = configFile[profile];
  if (!p) throw new InputError(`--sso-role: profile '${profile}' is not in the AWS config file`);
  if (p.sso_session) {
    const session = (await loadSsoSessionData())[p.sso_session];
    if (!session?.sso_start_url || !session.sso_region) throw new InputError(`--sso-role: [sso-session ${p.sso_session}] needs sso_start_url and sso_region`);
    return { ssoStartUrl: session.sso_start_url, ssoRegion: session.sso_region, ssoSession: p.sso_session };
  }
  if (p.sso_start_url && p.sso_region) return { ssoStartUrl: p.sso_start_url, ssoRegion: p.sso_region };
  throw new InputError(`--sso-role needs an IAM Identity Center profile (sso_session or sso_start_url): profile '${profile}' has neither`);
}

async function auditWith(session: Session, opts: MultiAccountOptions, keep?: (s: AccountSnapshot) => void): Promise<KeptAudit> {
  try {
    // The provider's own error (AccessDenied on AssumeRole, an expired SSO session) is the reason a person needs.
    await session.credentials().catch((err: unknown) => {
      throw new Error(`cannot get credentials: ${describeAwsError(err).message}`);
    });
    const snapshot = await collectSnapshot(session, { scope: opts.scope, ...(opts.regions ? { regions: opts.regions } : {}) });
    keep?.(snapshot);
    return keepAudit(renderJson({ snapshot, results: auditSnapshot(snapshot, opts.request) }));
  } finally {
    session.close();
  }
}

function progress(io: Io, quiet: boolean) {
  const on = !quiet && io.stderr.isTTY === true;
  return {
    onDone: (o: AccountOutcome, done: number, total: number) => {
      if (on) io.stderr.write(`\r\x1b[2Kaudited ${done}/${total} accounts (last: ${o.account.id} ${o.status})`);
    },
    stop: () => {
      if (on) io.stderr.write('\r\x1b[2K');
    },
  };
}

export async function runMultiAccountAudit(opts: MultiAccountOptions, io: Io, state: CommandState): Promise<void> {
  const collectedAt = new Date().toISOString();
  const bar = progress(io, opts.quiet);
  let audit: OrgAudit;
  if (opts.org) {
    const base = createSession({ profile: opts.profiles[0], region: opts.region });
    await base.getCredentialsOrFail();
    const { organizationId, managementAccountId, partition, accounts } = await listOrganizationAccounts(base);
    const profile = opts.profiles[0] || process.env.AWS_PROFILE || 'default';
    const sso = opts.ssoRole ? await ssoSettings(profile) : undefined;
    let managementTrails: readonly Trail[] | null = null;
    // One SDK client per service and region for every account, each call signed with its own account's credentials.
    const shared = createSharedClients({ profile: opts.profiles[0] });
    const outcomes = await auditAccounts(
      accounts,
      (account: OrgAccount) => {
        if (account.id === managementAccountId) {
          // The management account is the caller's own: no role to assume into it.
          const own = createSession({ profile: opts.profiles[0], region: opts.region, shared });
          return auditWith(own, opts, (s) => (managementTrails = s.logging?.trails ?? null));
        }
        const credentials =
          sso && opts.ssoRole
            ? fromSSO({ profile, ...sso, ssoAccountId: account.id, ssoRoleName: opts.ssoRole, clientConfig: { region: sso.ssoRegion } })
            : fromTemporaryCredentials({
                masterCredentials: base.credentials,
                params: { RoleArn: `arn:${partition}:iam::${account.id}:role/${opts.role}`, RoleSessionName: SESSION_NAME },
                clientConfig: { region: base.region },
              });
        return auditWith(createSession({ region: base.region, credentials, shared }), opts);
      },
      { concurrency: opts.accountsAtOnce, onDone: bar.onDone },
    ).finally(() => shared.close());
    const facts = await collectOrgFacts(base, organizationId, managementAccountId);
    base.close();
    audit = { collectedAt, organization: { facts, findings: judgeOrganization(facts, managementTrails) }, accounts: outcomes };
  } else {
    const targets: OrgAccount[] = opts.profiles.map((p) => ({ id: '', name: p, status: 'profile' }));
    const outcomes = await auditAccounts(targets, (t) => auditWith(createSession({ profile: t.name, region: opts.region }), opts), {
      concurrency: opts.accountsAtOnce,
      onDone: bar.onDone,
    });
    // A profile's account id is known once it has been audited.
    audit = { collectedAt, accounts: outcomes.map((o) => (o.status === 'audited' ? { ...o, account: { ...o.account, id: o.audit.accountId } } : o)) };
  }
  bar.stop();
  if (!audit.accounts.some((o) => o.status === 'audited')) {
    const first = audit.accounts.find((o) => o.status === 'failed');
    throw new RunError(`no account could be audited${first && first.status === 'failed' ? ` (${first.account.name || first.account.id}: ${first.reason})` : ''}`);
  }
  if (opts.format === 'json') await writeChunks(io.stdout, orgJsonChunks(audit));
  else io.stdout.write(renderOrgText(audit, { detail: !opts.quiet }));
  state.exitCode = orgExitCode(audit, opts.failOn);
}

/** Writes the pieces in blocks of about 64 KB, waiting whenever the stream asks to. */
async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  const write = async (block: string): Promise<void> => {
    if (!out.write(block)) await once(out, 'drain');
  };
  let block = '';
  for (const chunk of chunks) {
    block += chunk;
    if (block.length < 1 << 16) continue;
    await write(block);
    block = '';
  }
  if (block) await write(block);
}

/** 1 when a check at or above the threshold fails anywhere, or an account could not be audited (nothing is hidden). */
export function orgExitCode(audit: OrgAudit, failOn: FailOn): number {
  if (audit.accounts.some((o) => o.status === 'failed')) return 1;
  if (failOn === 'none') return 0;
  const atOrAbove = (s: OrgFinding['severity']) => severityRank(s) >= severityRank(failOn);
  const accountFails = audit.accounts.some((o) => o.status === 'audited' && o.audit.failures.some((r) => atOrAbove(r.severity)));
  const orgFails = audit.organization?.findings.some((f) => f.status === 'FAIL' && atOrAbove(f.severity)) ?? false;
  return accountFails || orgFails ? 1 : 0;
}
