// Collects the account's state into a snapshot: identity, logging (the trails and their buckets), the S3 account
// block, cost, then the facts of every audited region. Who is calling comes first (without an account id there is
// no audit), together with which regions are enabled; every other collector then runs at once, the regional fan-out
// as soon as the trails say where their log groups are, and a failed one only leaves its section out.
import { AccountClient } from '@aws-sdk/client-account';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { AwsUnreachableError, describeAwsError, NoCredentialsError } from '../aws/errors.js';
import { createLimiter } from '../aws/limiter.js';
import type { Session } from '../aws/session.js';
import { VERSION } from '../version.js';
import { collectAlternateContacts } from './account/alternate-contacts.js';
import {
  FailureLog,
  RecordedFailure,
  resolveCollectOptions,
  type CollectArea,
  type CollectOptions,
  type ProgressEvent,
  type ResolvedCollectOptions,
} from './context.js';
import { collectAnomalyMonitors, collectAnomalySubscriptions } from './cost/anomaly.js';
import { collectBudgets } from './cost/budgets.js';
import { collectDataExports, collectReportDefinitions } from './cost/reports.js';
import { collectAccountAlias } from './iam/aliases.js';
import { collectAccountSummary } from './iam/account-summary.js';
import { collectAuthorizationDetails } from './iam/authorization-details.js';
import { collectCredentialReport } from './iam/credential-report.js';
import { collectVirtualMfaDevices } from './iam/mfa-devices.js';
import { collectPasswordPolicy } from './iam/password-policy.js';
import { collectServerCertificates } from './iam/server-certificates.js';
import { collectTrailBuckets } from './logging/buckets.js';
import { collectTrails } from './logging/trails.js';
import { collectRegional } from './regional.js';
import { collectTableNames, tableRegionsNamed } from './dynamodb/tables.js';
import { chooseRegions, listRegions } from './regions.js';
import { collectAccountPublicAccessBlock } from './s3/account-public-access-block.js';
import type { CostFacts } from './schema/cost.js';
import type { LoggingFacts } from './schema/logging.js';
import type { Regions } from './schema/regions.js';
import { SNAPSHOT_KIND, SNAPSHOT_SCHEMA_VERSION, snapshotSchema, type AccountSnapshot } from './snapshot.js';
import { collectCaller, partitionOf, type Caller } from './sts/caller.js';
import { deadline } from './timed.js';

export { COLLECT_AREAS, type CollectArea, type CollectOptions, type ProgressEvent } from './context.js';

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
  regions: { step: 'ec2:regions', service: 'ec2', operation: 'DescribeRegions' },
  budgets: { step: 'budgets:budgets', service: 'budgets', operation: 'DescribeBudgets' },
  anomalyMonitors: { step: 'ce:anomaly-monitors', service: 'ce', operation: 'GetAnomalyMonitors' },
  anomalySubscriptions: { step: 'ce:anomaly-subscriptions', service: 'ce', operation: 'GetAnomalySubscriptions' },
  reportDefinitions: { step: 'cur:report-definitions', service: 'cur', operation: 'DescribeReportDefinitions' },
  dataExports: { step: 'bcm-data-exports:exports', service: 'bcm-data-exports', operation: 'ListExports' },
  dynamodbTables: { step: 'dynamodb:tables', service: 'dynamodb', operation: 'ListTables' },
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

/** The regions section. Throws an InputError for a --regions name that does not exist (exit 2, before any other work). */
async function auditedRegions(session: Session, failures: FailureLog, opts: ResolvedCollectOptions, report: (event: ProgressEvent) => void): Promise<Regions> {
  const { step } = STEPS.regions;
  report({ step, state: 'start' });
  const listing = await listRegions(session, failures, opts.callTimeoutMs);
  const failed = failures.entries[0];
  report(failed ? { step, state: 'error', error: { code: failed.code, message: failed.message } } : { step, state: 'done' });
  return chooseRegions(listing, opts.regions, failed ? `${failed.code}: ${failed.message}` : undefined);
}

/** Regions are asked something only for these areas. */
const REGIONAL_AREAS: CollectArea[] = ['cost', 'logging', 'monitoring', 'exposure'];

export async function collectSnapshot(session: Session, options: CollectOptions = {}): Promise<AccountSnapshot> {
  const opts = resolveCollectOptions(options);
  const report = progressReporter(options.onProgress);
  const collectedAt = opts.now().toISOString();
  const wants = (...areas: CollectArea[]): boolean => areas.some((a) => opts.scope.has(a));
  // Which regions are enabled is asked alongside who is calling: neither needs the other, and a --regions typo
  // must stop the run before anything else is asked.
  const regionLog = new FailureLog();
  const pendingRegions = wants(...REGIONAL_AREAS) ? auditedRegions(session, regionLog, opts, report) : Promise.resolve(undefined);
  pendingRegions.catch(() => undefined); // when the caller cannot be identified, that is the error to report
  const caller = await identifyCaller(session, report);
  const regions = await pendingRegions;

  const limit = createLimiter(opts.concurrency);
  const iam = session.client(IAMClient);
  const account = session.client(AccountClient);
  // One log per step, joined in step order: the errors list does not depend on which call answered first.
  const logs: FailureLog[] = [regionLog];

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

  /** A step outside the scope is not run: its section stays absent, and nothing is recorded. */
  const skipped = Promise.resolve(undefined);
  const inScope = wants('identity');
  const identity = Promise.all([
    inScope ? run(STEPS.authorizationDetails, (log) => collectAuthorizationDetails(iam, log, opts.pageSize)) : skipped,
    inScope ? run(STEPS.credentialReport, (log) => collectCredentialReport(iam, log, opts.credentialReport, opts.now)) : skipped,
    inScope ? run(STEPS.accountSummary, (log) => collectAccountSummary(iam, log)) : skipped,
    inScope ? run(STEPS.passwordPolicy, (log) => collectPasswordPolicy(iam, log)) : skipped,
    inScope ? run(STEPS.mfaDevices, (log) => collectVirtualMfaDevices(iam, log, opts.pageSize)) : skipped,
    // The alias names the account in every report, whatever is audited.
    run(STEPS.aliases, (log) => collectAccountAlias(iam, log)),
    inScope ? run(STEPS.serverCertificates, (log) => collectServerCertificates(iam, log, opts.pageSize)) : skipped,
    inScope ? run(STEPS.alternateContacts, (log) => collectAlternateContacts(account, log)) : skipped,
  ]);
  const timed = deadline(opts.callTimeoutMs);
  // The trails, then their buckets. The regional fan-out needs the trails too (where their log groups are).
  const logging = wants('logging', 'monitoring')
    ? run(STEPS.trails, (log) => collectTrails(session, log, timed)).then(async (trails): Promise<LoggingFacts> => {
        if (!trails) return {};
        const buckets = await run(STEPS.trailBuckets, (log) => collectTrailBuckets(session, log, timed, trails.value));
        return { trails: trails.value, ...(buckets ? { buckets: buckets.value } : {}) };
      })
    : Promise.resolve(undefined);
  const accountBlock = wants('exposure')
    ? run(STEPS.accountPublicAccessBlock, (log) => collectAccountPublicAccessBlock(session, log, timed, caller.account))
    : skipped;
  const cost = wants('cost') ? collectCost(session, caller.account, run, timed) : Promise.resolve(undefined);
  // The fan-out's errors come after every global step's, in its own table order.
  const regional = regions
    ? logging.then((loggingFacts) =>
        collectRegional(
          session,
          { audited: regions.audited, ...(loggingFacts ? { logging: loggingFacts } : {}) },
          { concurrency: opts.regionalConcurrency, callTimeoutMs: opts.callTimeoutMs, report, scope: opts.scope },
        ),
      )
    : Promise.resolve(undefined);
  const [details, credentialReport, summary, passwordPolicy, mfaDevices, alias, serverCertificates, alternateContacts] = await identity;
  // Tables only where the policies name one (usually nowhere: no call at all).
  const namedTables = Promise.all(
    (details ? tableRegionsNamed(details.value, caller.account) : []).map(async (region) => {
      const tables = await run(STEPS.dynamodbTables, (log) => collectTableNames(session, region, log, timed));
      return [region, tables?.value] as const;
    }),
  );
  const [loggingFacts, accountPublicAccessBlock, costFacts, regionalFacts, tables] = await Promise.all([logging, accountBlock, cost, regional, namedTables]);
  const regionalWithTables: AccountSnapshot['regional'] = { ...(regionalFacts?.facts ?? {}) };
  for (const [region, names] of tables) if (names) regionalWithTables[region] = { ...regionalWithTables[region], dynamodbTables: names };

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
    ...(loggingFacts ? { logging: loggingFacts } : {}),
    ...(accountPublicAccessBlock ? { s3AccountPublicAccessBlock: accountPublicAccessBlock.value } : {}),
    ...(regions ? { regions } : {}),
    ...(costFacts ? { cost: costFacts } : {}),
    regional: regionalWithTables,
    errors: [...logs.flatMap((log) => log.entries), ...(regionalFacts?.errors ?? [])],
  };
  return validated(snapshot);
}

type Run = <T>(step: Step, collect: (failures: FailureLog) => Promise<T>) => Promise<{ value: T } | undefined>;

/** The billing facts: each call fills its own part, so AccessDenied on budgets leaves anomaly detection known. */
async function collectCost(session: Session, accountId: string, run: Run, timed: ReturnType<typeof deadline>): Promise<CostFacts> {
  const [budgets, anomalyMonitors, anomalySubscriptions, reportDefinitions, dataExports] = await Promise.all([
    run(STEPS.budgets, (log) => collectBudgets(session, accountId, log, timed)),
    run(STEPS.anomalyMonitors, (log) => collectAnomalyMonitors(session, log, timed)),
    run(STEPS.anomalySubscriptions, (log) => collectAnomalySubscriptions(session, log, timed)),
    run(STEPS.reportDefinitions, (log) => collectReportDefinitions(session, log, timed)),
    run(STEPS.dataExports, (log) => collectDataExports(session, log, timed)),
  ]);
  return {
    ...(budgets ? { budgets: budgets.value } : {}),
    ...(anomalyMonitors ? { anomalyMonitors: anomalyMonitors.value } : {}),
    ...(anomalySubscriptions ? { anomalySubscriptions: anomalySubscriptions.value } : {}),
    ...(reportDefinitions ? { reportDefinitions: reportDefinitions.value } : {}),
    ...(dataExports ? { dataExports: dataExports.value } : {}),
  };
}

/** The schema is the contract with the checks: a snapshot that breaks it is our bug, said plainly. */
function validated(snapshot: AccountSnapshot): AccountSnapshot {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') : '?';
  throw new Error(`internal error: the collected snapshot does not match its schema at ${where}: ${issue?.message ?? 'unknown problem'}`);
}
