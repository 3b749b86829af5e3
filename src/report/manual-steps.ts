// The steps no API can take for the user: root's MFA devices (and, in practice, root's own keys) can only be
// managed by root signed in to the console, which is why `rampart init` walks a person through them
// (baseline/resources/manual.ts). A MANUAL result is by definition one a person must look at.
import { rootAccessKeys } from '../checks/root/root-access-keys.js';
import { rootHardwareMfa } from '../checks/root/root-hardware-mfa.js';
import { rootMfa } from '../checks/root/root-mfa.js';
import type { AuditResult } from './audit-output.js';

export const CONSOLE_ONLY_CHECKS: readonly string[] = [rootMfa.id, rootHardwareMfa.id, rootAccessKeys.id];

/** The results a person must act on by hand, in report order: console-only fixes that do not pass, and MANUAL. */
export function manualSteps(results: readonly AuditResult[]): AuditResult[] {
  return results.filter(
    (r) => r.status === 'MANUAL' || (CONSOLE_ONLY_CHECKS.includes(r.checkId) && (r.status === 'FAIL' || r.status === 'UNKNOWN')),
  );
}
