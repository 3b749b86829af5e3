// The audit as a function: a snapshot (loaded or collected) in, results out. The CLI only parses and renders.
import { allChecks } from './checks/index.js';
import { runChecks } from './checks/run.js';
import { selectChecks } from './checks/select.js';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions, type CheckResult } from './checks/types.js';
import type { AccountSnapshot } from './inventory/snapshot.js';

export type Thresholds = Omit<CheckOptions, 'now'>;

export interface AuditRequest {
  include?: string[];
  exclude?: string[];
  thresholds?: Partial<Thresholds>;
}

export function auditSnapshot(snapshot: AccountSnapshot, request: AuditRequest = {}): CheckResult[] {
  const checks = selectChecks(allChecks, request.include ?? [], request.exclude ?? []);
  // Ages are judged as of collection, so an old snapshot audits the same way it would have then.
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...request.thresholds, now: new Date(snapshot.collectedAt) };
  return runChecks(snapshot, checks, options);
}
