// The audit as a function: a snapshot (loaded or collected) in, results out. The CLI only parses and renders.
import { allChecks } from './checks/index.js';
import { runChecks } from './checks/run.js';
import { selectChecks } from './checks/select.js';
import { DEFAULT_CHECK_OPTIONS, type Area, type CheckOptions, type CheckResult } from './checks/types.js';
import type { CollectArea } from './inventory/context.js';
import type { AccountSnapshot } from './inventory/snapshot.js';

export type Thresholds = Omit<CheckOptions, 'now'>;

export interface AuditRequest {
  include?: string[];
  exclude?: string[];
  thresholds?: Partial<Thresholds>;
}

/** Which part of the collection each check area reads. */
const COLLECTED_FOR: Readonly<Record<Area, CollectArea>> = {
  root: 'identity',
  identity: 'identity',
  'password-policy': 'identity',
  policy: 'identity',
  cost: 'cost',
  logging: 'logging',
  monitoring: 'monitoring',
  exposure: 'exposure',
};

/**
 * What to collect for the checks a request selects: `--check identity` asks no region anything. Also validates
 * --check and --skip (an InputError for an unknown token) before any AWS call is made.
 */
export function collectScope(request: AuditRequest = {}): CollectArea[] {
  const checks = selectChecks(allChecks, request.include ?? [], request.exclude ?? []);
  return [...new Set(checks.map((c) => COLLECTED_FOR[c.area]))];
}

export function auditSnapshot(snapshot: AccountSnapshot, request: AuditRequest = {}): CheckResult[] {
  const checks = selectChecks(allChecks, request.include ?? [], request.exclude ?? []);
  // Ages are judged as of collection, so an old snapshot audits the same way it would have then.
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...request.thresholds, now: new Date(snapshot.collectedAt) };
  return runChecks(snapshot, checks, options);
}
