// Accounts audited concurrently with a bounded pool; an account that cannot be entered or read is reported with why.
import { describeAwsError } from '../aws/errors.js';
import { createLimiter } from '../aws/limiter.js';
import type { KeptAudit } from './kept-audit.js';
import type { AccountOutcome, OrgAccount } from './types.js';

export interface RunOptions {
  concurrency: number;
  /** Called as each account finishes, in completion order. */
  onDone?: (outcome: AccountOutcome, done: number, total: number) => void;
}

export async function auditAccounts(
  accounts: readonly OrgAccount[],
  auditOne: (account: OrgAccount) => Promise<KeptAudit>,
  opts: RunOptions,
): Promise<AccountOutcome[]> {
  const limit = createLimiter(opts.concurrency);
  let done = 0;
  const finish = (outcome: AccountOutcome): AccountOutcome => {
    opts.onDone?.(outcome, ++done, accounts.length);
    return outcome;
  };
  return Promise.all(
    accounts.map((account) => {
      if (account.status !== 'ACTIVE' && account.status !== 'profile') {
        return Promise.resolve(finish({ account, status: 'skipped', reason: `account is ${account.status}` }));
      }
      return limit(async () => {
        try {
          return finish({ account, status: 'audited', audit: await auditOne(account) });
        } catch (err) {
          return finish({ account, status: 'failed', reason: describeAwsError(err).message });
        }
      });
    }),
  );
}
