// What the root checks read, in one place: GetAccountSummary's flags and the credential report's root row.
// Two sources because either can be missing (a denied call) or incomplete (an emulator whose summary lacks a key),
// and they can disagree: the summary is live, the credential report may be up to 4 hours old.
import { ROOT_ROW_USER, type AccountSnapshot, type CredentialRow } from '../../inventory/snapshot.js';
import type { Outcome } from '../types.js';

export const SUMMARY_OPS = ['iam:GetAccountSummary'];
export const REPORT_OPS = ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'];

type SummaryKey = 'AccountMFAEnabled' | 'AccountAccessKeysPresent';

/** A GetAccountSummary flag; undefined when the summary was not collected or lacks the key. */
export const summaryFlag = (snapshot: AccountSnapshot, key: SummaryKey): number | undefined => snapshot.iam.summary?.[key];

/** The credential report's `<root_account>` row; undefined when there is no report or no such row. */
export const rootRow = (snapshot: AccountSnapshot): CredentialRow | undefined =>
  snapshot.iam.credentialReport?.rows.find((row) => row.user === ROOT_ROW_USER);

/** The calendar day of an ISO date, for messages: 2026-06-10. */
export const day = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** "1 key", "2 keys". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "credential report of 2026-06-15": said wherever the report is the evidence, because it can lag. */
export const reportName = (snapshot: AccountSnapshot): string =>
  snapshot.iam.credentialReport ? `credential report of ${day(snapshot.iam.credentialReport.generatedAt)}` : 'credential report';

// Same wording as support.ts's unknown(), so every UNKNOWN reads alike.
function callFailure(snapshot: AccountSnapshot, operations: string[]): string {
  const failed = snapshot.errors.filter((e) => operations.includes(`${e.service}:${e.operation}`));
  return failed.length
    ? failed.map((e) => `${e.service}:${e.operation} failed (${e.code}: ${e.message})`).join('; ')
    : `the snapshot has no data from ${operations.join(', ')}`;
}

/** Why the summary cannot answer for `key`. */
export const summaryGap = (snapshot: AccountSnapshot, key: SummaryKey): string =>
  snapshot.iam.summary ? `GetAccountSummary has no ${key}` : callFailure(snapshot, SUMMARY_OPS);

/** Why the credential report cannot answer for root. */
export const reportGap = (snapshot: AccountSnapshot): string =>
  snapshot.iam.credentialReport ? `the ${reportName(snapshot)} has no ${ROOT_ROW_USER} row` : callFailure(snapshot, REPORT_OPS);

export const cannotEvaluate = (resource: string, reasons: string[]): Outcome => ({
  status: 'UNKNOWN',
  resource,
  message: `could not evaluate: ${reasons.join('; ')}`,
});

export type RootMfa =
  | { known: true; enabled: boolean; evidence: string }
  | { known: false; reasons: string[] };

/**
 * Whether root has MFA. GetAccountSummary's AccountMFAEnabled decides when present (it is live); otherwise the
 * credential report's root row does. A disagreement is put in the evidence rather than hidden.
 */
export function rootMfa(snapshot: AccountSnapshot): RootMfa {
  const flag = summaryFlag(snapshot, 'AccountMFAEnabled');
  const row = rootRow(snapshot);
  if (flag !== undefined) {
    const enabled = flag === 1;
    const disagreement =
      row && row.mfaActive !== enabled
        ? `; the ${reportName(snapshot)} says mfa_active ${String(row.mfaActive)}, it can lag by 4 hours`
        : '';
    return { known: true, enabled, evidence: `GetAccountSummary AccountMFAEnabled = ${flag}${disagreement}` };
  }
  if (row) {
    return { known: true, enabled: row.mfaActive, evidence: `${reportName(snapshot)}; ${summaryGap(snapshot, 'AccountMFAEnabled')}` };
  }
  return { known: false, reasons: [summaryGap(snapshot, 'AccountMFAEnabled'), reportGap(snapshot)] };
}
