import type { AccountSnapshot } from '../inventory/snapshot.js';
import { accountResource } from './support.js';
import type { Check, CheckOptions, CheckResult, Outcome } from './types.js';

function toResult(check: Check, outcome: Outcome): CheckResult {
  return {
    checkId: check.id,
    status: outcome.status,
    severity: check.severity,
    area: check.area,
    resource: outcome.resource,
    message: outcome.message,
    remediation: outcome.remediation ?? check.remediation,
  };
}

/** Evaluates checks against a snapshot. A check that throws is a bug; it is reported as UNKNOWN, not lost. */
export function runChecks(snapshot: AccountSnapshot, checks: readonly Check[], options: CheckOptions): CheckResult[] {
  return checks.flatMap((check) => {
    try {
      return check.evaluate(snapshot, options).map((o) => toResult(check, o));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return [toResult(check, { status: 'UNKNOWN', resource: accountResource(snapshot), message: `internal error in check: ${reason}` })];
    }
  });
}
