// The regions the regional logging checks (KMS, Config) go through: the audited ones. Without the region list (an
// identity-only snapshot, or DescribeRegions failed) there is nothing to go through: one UNKNOWN for the account.
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, unknown } from '../support.js';
import type { Outcome } from '../types.js';

export type RegionsRead = { ok: true; regions: string[] } | { ok: false; outcome: Outcome };

export function auditedRegions(snapshot: AccountSnapshot): RegionsRead {
  const resource = accountResource(snapshot);
  if (!snapshot.regions) {
    const failed = snapshot.errors.some((e) => e.service === 'ec2' && e.operation === 'DescribeRegions');
    return {
      ok: false,
      outcome: failed
        ? unknown(snapshot, resource, ['ec2:DescribeRegions'])
        : { status: 'UNKNOWN', resource, message: 'could not evaluate: regions were not collected (the snapshot covers the identity areas only)' },
    };
  }
  if (snapshot.regions.audited.length === 0) return { ok: false, outcome: { status: 'UNKNOWN', resource, message: 'could not evaluate: no region was audited' } };
  return { ok: true, regions: snapshot.regions.audited };
}
