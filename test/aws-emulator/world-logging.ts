// CloudTrail trails, S3 buckets and the organization as the services see them: ARNs and owners derived,
// documents kept as the text AWS would store. Built by world.ts from the scenario.
import { createHash } from 'node:crypto';
import type { ParsedScenario } from './scenario.js';
import type { BucketFacts, OrganizationFacts, TrailFacts } from './scenario-logging.js';
import { buildObjects, type StoredObject } from './world-trail.js';

export interface TrailState extends Omit<TrailFacts, 'account'> {
  readonly arn: string;
  /** The owning account: the scenario's, or the management account of an inherited organization trail. */
  readonly account: string;
}

export interface BucketState extends Omit<BucketFacts, 'owner' | 'policy' | 'objects' | 'trailLogs'> {
  /** Key -> object: the scenario's objects and the generated CloudTrail logs (world-trail.ts). */
  readonly objects: Map<string, StoredObject>;
  /** The owning account. */
  readonly owner: string;
  /** The policy as stored (JSON text), or null. */
  policy: string | null;
}

export interface LoggingWorld {
  trails: TrailState[];
  buckets: BucketState[];
  organization: OrganizationFacts | null;
}

/** S3 canonical user ids are 64 hex characters; derived from the account so runs repeat. */
export const canonicalUserId = (account: string): string => createHash('sha256').update(`canonical\0${account}`).digest('hex');

export function buildLoggingWorld(scenario: ParsedScenario, problems: string[], now: Date = new Date()): LoggingWorld {
  const { id: account, partition } = scenario.account;
  const trails = scenario.trails.map((t) => {
    const owner = t.account ?? account;
    return { ...t, account: owner, arn: `arn:${partition}:cloudtrail:${t.homeRegion}:${owner}:trail/${t.name}` };
  });
  const buckets = scenario.buckets.map(({ objects, trailLogs, ...b }) => ({
    ...b,
    objects: buildObjects(objects, trailLogs, account, now),
    owner: b.owner ?? account,
    policy: b.policy === null ? null : typeof b.policy === 'string' ? b.policy : JSON.stringify(b.policy),
  }));

  const seenTrails = new Set<string>();
  for (const t of trails) {
    if (seenTrails.has(t.arn)) problems.push(`duplicate trail ${t.arn}`);
    seenTrails.add(t.arn);
    if (t.account !== account && !t.organization) problems.push(`trail ${t.name}: only an organization trail can belong to another account`);
  }
  const seenBuckets = new Set<string>();
  for (const b of buckets) {
    if (seenBuckets.has(b.name)) problems.push(`duplicate bucket ${b.name}`);
    seenBuckets.add(b.name);
  }
  return { trails, buckets, organization: scenario.organization };
}
