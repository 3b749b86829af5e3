// What the regional exposure checks share: one outcome per audited region, `resource` naming the region. A detector
// or analyzer protects only its own region, and seed 002's miners ran in four regions the owner never opened.
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { RegionFacts } from '../../inventory/schema/regional.js';
import { accountResource } from '../support.js';
import type { Outcome } from '../types.js';

const REGION_OPERATIONS = ['ec2:DescribeRegions'];

/**
 * `judge` once per audited region, with that region's facts ({} when the region has no section at all, so every
 * field reads as not collected). Without the region list (an identity-only snapshot, or DescribeRegions failed)
 * there is nothing to iterate: one UNKNOWN for the account.
 */
export function perRegion(snapshot: AccountSnapshot, judge: (region: string, facts: RegionFacts) => Outcome): Outcome[] {
  const regions = snapshot.regions;
  if (!regions) {
    const failed = snapshot.errors.filter((e) => REGION_OPERATIONS.includes(`${e.service}:${e.operation}`));
    const why = failed.map((e) => ` (${e.service}:${e.operation} failed: ${e.code}: ${e.message})`).join('');
    return [{ status: 'UNKNOWN', resource: accountResource(snapshot), message: `could not evaluate: regions were not collected${why}`.replace(/\s+/g, ' ') }];
  }
  if (!regions.audited.length) return [{ status: 'UNKNOWN', resource: accountResource(snapshot), message: 'could not evaluate: no region was audited' }];
  return regions.audited.map((region) => judge(region, snapshot.regional[region] ?? {}));
}
