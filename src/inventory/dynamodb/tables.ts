// DynamoDB table names, read only where the account's own policies name a table by its exact ARN: the check
// policy-resource-missing can then say `user-session-prod` names nothing (seed 002's lost afternoon) without the
// audit listing tables in every region of every account.
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Session } from '../../aws/session.js';
import { statementsOf, asList, field } from '../../checks/identity/permissions.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { AccountSnapshot } from '../snapshot.js';
import type { Timed } from '../timed.js';

const TABLE_ARN = /^arn:[\w-]+:dynamodb:([a-z0-9-]+):(\d{12}):table\/[^*?$/]+/;

/** The regions in which the customer-managed and inline policies name a table of `account` without a wildcard. */
export function tableRegionsNamed(iam: AccountSnapshot['iam'], account: string): string[] {
  const documents = [
    ...(iam.policies ?? []).filter((p) => !p.awsManaged).map((p) => p.document),
    ...[...(iam.users ?? []), ...(iam.groups ?? []), ...(iam.roles ?? [])].flatMap((p) => p.inlinePolicies.map((i) => i.document)),
  ];
  const regions = new Set<string>();
  for (const doc of documents) {
    for (const s of statementsOf(doc)) {
      for (const arn of asList(field(s, 'Resource'))) {
        const m = TABLE_ARN.exec(arn);
        if (m && m[2] === account) regions.add(m[1]!);
      }
    }
  }
  return [...regions].sort();
}

export async function collectTableNames(session: Session, region: string, failures: FailureLog, timed: Timed): Promise<string[]> {
  const client = session.client(DynamoDBClient, { region });
  return call(failures, { service: 'dynamodb', operation: 'ListTables', region }, () =>
    allPages(async (token) => {
      const out = await timed(`dynamodb:ListTables in ${region}`, (abortSignal) =>
        client.send(new ListTablesCommand({ ...(token ? { ExclusiveStartTableName: token } : {}) }), { abortSignal }),
      );
      return { items: out.TableNames, next: out.LastEvaluatedTableName };
    }),
  );
}
