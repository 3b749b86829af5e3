// The resources an account snapshot knows by kind, to tell an ARN that names nothing from one that names something.
// Only kinds the snapshot lists completely are here: IAM users, roles, groups and customer policies, CloudTrail
// trails, KMS keys of the regions collected, DynamoDB tables of the regions the policies name a table in. (Its buckets are the trail buckets only, its SNS topics only those with
// subscriptions, its log groups only those with metric filters: an ARN of those kinds is not judged.)
import type { AccountSnapshot } from '../../inventory/snapshot.js';

export interface SnapshotIndex {
  readonly account: string;
  /** `iam:user`, `iam:role`, `iam:group`, `iam:policy`, `cloudtrail:trail`, `kms:key@us-east-1` -> names. */
  readonly names: ReadonlyMap<string, readonly string[]>;
}

const lastSegment = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

export function indexSnapshot(snapshot: AccountSnapshot): SnapshotIndex {
  const names = new Map<string, string[]>();
  const { iam } = snapshot;
  if (iam.users) names.set('iam:user', iam.users.map((u) => u.name));
  if (iam.roles) names.set('iam:role', iam.roles.map((r) => r.name));
  if (iam.groups) names.set('iam:group', iam.groups.map((g) => g.name));
  if (iam.policies) names.set('iam:policy', iam.policies.filter((p) => !p.awsManaged).map((p) => lastSegment(p.arn)));
  if (snapshot.logging?.trails) names.set('cloudtrail:trail', snapshot.logging.trails.map((t) => t.name));
  for (const [region, facts] of Object.entries(snapshot.regional)) {
    if (facts.kmsKeys) names.set(`kms:key@${region}`, facts.kmsKeys.map((k) => k.id));
    if (facts.dynamodbTables) names.set(`dynamodb:table@${region}`, facts.dynamodbTables);
  }
  return { account: snapshot.account.id, names };
}

export interface ResourceLookup {
  /** What kind of resource, for messages: `IAM user`, `KMS key in eu-west-1`. */
  readonly kind: string;
  readonly name: string;
  readonly known: readonly string[];
}

/** What the snapshot can say about an ARN: undefined when it cannot judge it (wildcards, other accounts, kinds it lacks). */
export function lookup(index: SnapshotIndex, arn: string): ResourceLookup | undefined {
  if (/[*?]|\$\{/.test(arn)) return undefined;
  const seg = arn.split(':');
  if (seg.length < 6) return undefined;
  const [, , service, region, account] = seg as [string, string, string, string, string];
  if (account !== index.account) return undefined;
  const resource = seg.slice(5).join(':');
  const slash = resource.indexOf('/');
  if (slash < 0) return undefined;
  const type = resource.slice(0, slash);
  const regional = service === 'kms' || service === 'dynamodb';
  // A table's indexes and streams are under its name: `table/NAME/index/...`.
  const name = service === 'dynamodb' ? (resource.split('/')[1] ?? '') : lastSegment(resource);
  const key = regional ? `${service}:${type}@${region}` : `${service}:${type}`;
  const known = index.names.get(key);
  if (!known) return undefined;
  const kind = service === 'kms' ? `KMS ${type} in ${region}` : service === 'dynamodb' ? `DynamoDB ${type} in ${region}` : service === 'iam' ? `IAM ${type}` : `${service} ${type}`;
  return { kind, name, known };
}
