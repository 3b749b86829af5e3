// Collects the account's state into a snapshot: identity, logging (the trails and their buckets), the S3 account
// block. Who is calling comes first (without an account id there is no audit); every other collector then runs at
// once, and a failed one only leaves its section out.
import { AccountClient } from '@aws-sdk/client-account';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { AwsUnreachableError, describeAwsError, NoCredentialsError } from '../aws/errors.js';
import { createLimiter } from '../aws/limiter.js';
import type { Session } from '../aws/session.js';
import { VERSION } from '../version.js';
import { collectAlternateContacts } from './account/alternate-contacts.js';
import { FailureLog, RecordedFailure, resolveCollectOptions, type CollectOptions, type ProgressEvent } from './context.js';
import { collectAccountAlias } from './iam/aliases.js';
import { collectAccountSummary } from './iam/account-summary.js';
import { collectAuthorizationDetails } from './iam/authorization-details.js';
import { collectCredentialReport } from './iam/credential-report.js';
import { collectVirtualMfaDevices } from './iam/mfa-devices.js';
import { collectPasswordPolicy } from './iam/password-policy.js';
import { collectServerCertificates } from './iam/server-certificates.js';
import { collectTrailBuckets } from './logging/buckets.js';
import { collectTrails } from './logging/trails.js';
import { collectAccountPublicAccessBlock } from './s3/account-public-access-block.js';
import type { LoggingFacts } from './schema/logging.js';
import { SNAPSHOT_KIND, SNAPSHOT_SCHEMA_VERSION, snapshotSchema, type AccountSnapshot } from './snapshot.js';
import { collectCaller, partitionOf, type Caller } from './sts/caller.js';
import { deadline } from './timed.js';

export type { CollectOptions, ProgressEvent } from './context.js';

/** Each step's progress name and the call its unexpected failures are filed under. */
export const STEPS = {
  caller: { step: 'sts:caller', service: 'sts', operation: 'GetCallerIdentity' },
  authorizationDetails: { step: 'iam:authorization-details', service: 'iam', operation: 'GetAccountAuthorizationDetails' },
  credentialReport: { step: 'iam:credential-report', service: 'iam', operation: 'GetCredentialReport' },
  accountSummary: { step: 'iam:account-summary', service: 'iam', operation: 'GetAccountSummary' },
  passwordPolicy: { step: 'iam:password-policy', service: 'iam', operation: 'GetAccountPasswordPolicy' },
  mfaDevices: { step: 'iam:mfa-devices', service: 'iam', operation: 'ListVirtualMFADevices' },
  aliases: { step: 'iam:aliases', service: 'iam', operation: 'ListAccountAliases' },
  serverCertificates: { step: 'iam:server-certificates', service: 'iam', operation: 'ListServerCertificates' },
  alternateContacts: { step: 'account:alternate-contacts', service: 'account', operation: 'GetAlternateContact' },
  trails: { step: 'cloudtrail:trails', service: 'cloudtrail', operation: 'DescribeTrails' },
  trailBuckets: { step: 's3:trail-buckets', service: 's3', operation: 'GetBucketLocation' },
  accountPublicAccessBlock: { step: 's3control:public-access-block', service: 's3control', operation: 'GetPublicAccessBlock' },
} as const;
type Step = (typeof STEPS)[keyof typeof STEPS];

function progressReporter(onProgress: CollectOptions['onProgress']): (event: ProgressEvent) => void {
  return (event) => {
    // The progress display is decoration: its failure must not cost the audit.
    try {
      onProgress?.(event);
    } catch {
      /* ignored */
    }
  };
}

async function identifyCaller(session: Session, report: (event: ProgressEvent) => void): Promise<Caller> {
  const { step, operation } = STEPS.caller;
  report({ step, state: 'start' });
  try {
    const caller = await collectCaller(session.client(STSClient));
    if (!/^\d{12}$/.test(caller.account)) throw new Error(`GetCallerIdentity returned no account id (got "${caller.account}")`);
    report({ step, state: 'done' });
    return caller;
  } catch (err) {
    const info = describeAwsError(err);
    report({ step, state: 'error', error: { code: info.code, message: info.message } });
    // No credentials at all is its own message; keys AWS rejects, or no network, is "cannot reach AWS".
    if (info.code === 'CredentialsProviderError') throw new NoCredentialsError(session.profile, undefined, { cause: err });
    throw new AwsUnreachableError(`sts:${operation}`, info, { cause: err });
  }
}

export async function collectSnapshot(session: Session, options: CollectOptions = {}): Promise<AccountSnapshot> {
  const opts = resolveCollectOptions(options);
  const report = progressReporter(options.onProgress);
  const collectedAt = opts.now().toISOString();
  const caller = await identifyCaller(session, report);

  const limit = createLimiter(opts.concurrency);
  const iam = session.client(IAMClient);
  const account = session.client(AccountClient);
  // One log per step, joined in step order: the errors list does not depend on which call answered first.
  const logs: FailureLog[] = [];

  /** Runs one collector with progress events; undefined when it failed (the failure is in its log). */
  const run = <T>(step: Step, collect: (failures: FailureLog) => Promise<T>): Promise<{ value: T } | undefined> => {
    const failures = new FailureLog();
    logs.push(failures);
    return limit(async () => {
      report({ step: step.step, state: 'start' });
      try {
        const value = await collect(failures);
        const partial = failures.entries[0];
        report(partial ? { step: step.step, state: 'error', error: { code: partial.code, message: partial.message } } : { step: step.step, state: 'done' });
        return { value };
      } catch (err) {
        // A bug or an unreadable answer in one collector is recorded like a failed call, never thrown.
        const failure = err instanceof RecordedFailure ? err.failure : failures.record(step.service, step.operation, err).failure;
        report({ step: step.step, state: 'error', error: { code: failure.code, message: failure.message } });
        return undefined;
      }
    });
  };

  const identity = Promise.all([
    run(STEPS.authorizationDetails, (log) => collectAuthorizationDetails(iam, log, opts.pageSize)),
    run(STEPS.credentialReport, (log) => collectCredentialReport(iam, log, opts.credentialReport, opts.now)),
    run(STEPS.accountSummary, (log) => collectAccountSummary(iam, log)),
    run(STEPS.passwordPolicy, (log) => collectPasswordPolicy(iam, log)),
    run(STEPS.mfaDevices, (log) => collectVirtualMfaDevices(iam, log, opts.pageSize)),
    run(STEPS.aliases, (log) => collectAccountAlias(iam, log)),
    run(STEPS.serverCertificates, (log) => collectServerCertificates(iam, log, opts.pageSize)),
    run(STEPS.alternateContacts, (log) => collectAlternateContacts(account, log)),
  ]);
  const timed = deadline(opts.callTimeoutMs);
  // The trails, then their buckets. The regional fan-out needs the trails too (where their log groups are).
  const logging = run(STEPS.trails, (log) => collectTrails(session, log, timed)).then(async (trails): Promise<LoggingFacts> => {
    if (!trails) return {};
    const buckets = await run(STEPS.trailBuckets, (log) => collectTrailBuckets(session, log, timed, trails.value));
    return { trails: trails.value, ...(buckets ? { buckets: buckets.value } : {}) };
  });
  const accountBlock = run(STEPS.accountPublicAccessBlock, (log) => collectAccountPublicAccessBlock(session, log, timed, caller.account));
  const [details, credentialReport, summary, passwordPolicy, mfaDevices, alias, serverCertificates, alternateContacts] = await identity;
  const [loggingFacts, accountPublicAccessBlock] = await Promise.all([logging, accountBlock]);

  const snapshot: AccountSnapshot = {
    kind: SNAPSHOT_KIND,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'rampart', version: VERSION },
    collectedAt,
    account: { id: caller.account, partition: partitionOf(caller.arn), alias: alias?.value ?? null },
    caller,
    iam: {
      ...(details ? details.value : {}),
      ...(credentialReport ? { credentialReport: credentialReport.value } : {}),
      ...(summary ? { summary: summary.value } : {}),
      ...(passwordPolicy ? { passwordPolicy: passwordPolicy.value } : {}),
      ...(mfaDevices ? { virtualMfaDevices: mfaDevices.value } : {}),
      ...(serverCertificates ? { serverCertificates: serverCertificates.value } : {}),
    },
    ...(alternateContacts ? { alternateContacts: alternateContacts.value } : {}),
    logging: loggingFacts,
    ...(accountPublicAccessBlock ? { s3AccountPublicAccessBlock: accountPublicAccessBlock.value } : {}),
    regional: {},
    errors: logs.flatMap((log) => log.entries),
  };
  return validated(snapshot);
}

/** The schema is the contract with the checks: a snapshot that breaks it is our bug, said plainly. */
function validated(snapshot: AccountSnapshot): AccountSnapshot {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') : '?';
  throw new Error(`internal error: the collected snapshot does not match its schema at ${where}: ${issue?.message ?? 'unknown problem'}`);
}
