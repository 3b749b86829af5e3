// What every collector is handed, and the one place a failed AWS call becomes an entry of snapshot.errors.
import { describeAwsError } from '../aws/errors.js';
import type { SnapshotError } from './snapshot.js';

export interface ProgressEvent {
  /** `service:concern`, e.g. `iam:credential-report`. */
  step: string;
  /** For a per-region step; absent for global ones. */
  region?: string;
  state: 'start' | 'done' | 'error';
  /** On `error`: the first failure of the step (code and redacted message). */
  error?: { code: string; message: string };
}

export interface CredentialReportPolling {
  /** GenerateCredentialReport calls before giving up on a report that is not COMPLETE. */
  maxTries: number;
  /** Wait after the first unfinished try; doubles each try up to maxDelayMs. */
  delayMs: number;
  maxDelayMs: number;
}

/**
 * What a collection covers, named after the check areas it serves: `identity` is IAM, STS and the account contacts
 * (the root, identity, password-policy and policy checks); the others are the areas of the same name.
 */
export const COLLECT_AREAS = ['identity', 'cost', 'logging', 'monitoring', 'exposure'] as const;
export type CollectArea = (typeof COLLECT_AREAS)[number];

export interface CollectOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** The areas to collect; default all. Without cost, logging, monitoring and exposure no region is asked anything. */
  scope?: readonly CollectArea[];
  /** --regions: audit only these (each must exist; one the account has not enabled is skipped with a note). Default: every enabled region. */
  regions?: readonly string[];
  /** Regional calls in flight at once, across all regions. */
  regionalConcurrency?: number;
  /** MaxItems for IAM's paginated calls. 1000 is IAM's ceiling and keeps the call count flat as accounts grow. */
  pageSize?: number;
  credentialReport?: Partial<CredentialReportPolling>;
  /** Collectors running at once. */
  concurrency?: number;
  /** Deadline of one AWS call, retries included: a region that does not answer costs this, not the audit. */
  callTimeoutMs?: number;
  /** The clock for collectedAt (tests). */
  now?: () => Date;
}

export interface ResolvedCollectOptions {
  scope: ReadonlySet<CollectArea>;
  regions: readonly string[] | undefined;
  regionalConcurrency: number;
  pageSize: number;
  credentialReport: CredentialReportPolling;
  concurrency: number;
  callTimeoutMs: number;
  now: () => Date;
}

export const DEFAULT_COLLECT_OPTIONS: ResolvedCollectOptions = {
  scope: new Set(COLLECT_AREAS),
  regions: undefined,
  regionalConcurrency: 16,
  pageSize: 1000,
  credentialReport: { maxTries: 10, delayMs: 1_000, maxDelayMs: 5_000 },
  concurrency: 8,
  callTimeoutMs: 20_000,
  now: () => new Date(),
};

export function resolveCollectOptions(options: CollectOptions): ResolvedCollectOptions {
  return {
    scope: options.scope ? new Set(options.scope) : DEFAULT_COLLECT_OPTIONS.scope,
    regions: options.regions?.length ? options.regions : undefined,
    regionalConcurrency: options.regionalConcurrency ?? DEFAULT_COLLECT_OPTIONS.regionalConcurrency,
    pageSize: options.pageSize ?? DEFAULT_COLLECT_OPTIONS.pageSize,
    credentialReport: { ...DEFAULT_COLLECT_OPTIONS.credentialReport, ...options.credentialReport },
    concurrency: options.concurrency ?? DEFAULT_COLLECT_OPTIONS.concurrency,
    callTimeoutMs: options.callTimeoutMs ?? DEFAULT_COLLECT_OPTIONS.callTimeoutMs,
    now: options.now ?? DEFAULT_COLLECT_OPTIONS.now,
  };
}

/** Thrown after the failure was recorded: the collector stops and its section stays absent. */
export class RecordedFailure extends Error {
  override name = 'RecordedFailure';
  constructor(readonly failure: SnapshotError) {
    super(`${failure.service}:${failure.operation} failed (${failure.code})`);
  }
}

/** A response AWS gave that cannot be used (a credential report without its columns, ...). `code` becomes its name. */
export class UnreadableResponseError extends Error {
  constructor(message: string, code = 'UnreadableResponse') {
    super(message);
    this.name = code;
  }
}

/** The failures of one collection, in the order they happened. */
export class FailureLog {
  readonly entries: SnapshotError[] = [];

  record(service: string, operation: string, err: unknown, region: string | null = null): RecordedFailure {
    if (err instanceof RecordedFailure) return err;
    const { code, message } = describeAwsError(err);
    const failure: SnapshotError = { service, operation, code, message, region };
    this.entries.push(failure);
    return new RecordedFailure(failure);
  }
}

export interface CallTarget {
  service: string;
  operation: string;
  region?: string | null;
}

/** Runs one AWS call (or one paginated series of it); on failure records it and throws RecordedFailure. */
export async function call<T>(failures: FailureLog, target: CallTarget, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw failures.record(target.service, target.operation, err, target.region ?? null);
  }
}

/** Like call(), but a failure (recorded all the same) gives undefined: for calls whose siblings go on. */
export async function attempt<T>(failures: FailureLog, target: CallTarget, fn: () => Promise<T>): Promise<{ value: T } | undefined> {
  try {
    return { value: await fn() };
  } catch (err) {
    failures.record(target.service, target.operation, err, target.region ?? null);
    return undefined;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
