// The account alias (an account has at most one), shown beside the account id in reports.
import { ListAccountAliasesCommand, type IAMClient } from '@aws-sdk/client-iam';
import { call, type FailureLog } from '../context.js';

export async function collectAccountAlias(iam: IAMClient, failures: FailureLog): Promise<string | null> {
  return call(failures, { service: 'iam', operation: 'ListAccountAliases' }, async () => {
    const { AccountAliases } = await iam.send(new ListAccountAliasesCommand({}));
    return AccountAliases?.[0] ?? null;
  });
}
