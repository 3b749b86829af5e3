// GetAccountSummary: counts and flags for the whole account, among them AccountMFAEnabled and
// AccountAccessKeysPresent, the only API view of root's MFA and keys besides the credential report.
import { GetAccountSummaryCommand, type IAMClient } from '@aws-sdk/client-iam';
import { call, type FailureLog } from '../context.js';

export async function collectAccountSummary(iam: IAMClient, failures: FailureLog): Promise<Record<string, number>> {
  return call(failures, { service: 'iam', operation: 'GetAccountSummary' }, async () => {
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    const summary: Record<string, number> = {};
    for (const [key, count] of Object.entries(SummaryMap ?? {})) if (typeof count === 'number') summary[key] = count;
    return summary;
  });
}
