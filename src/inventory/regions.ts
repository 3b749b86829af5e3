// Which regions to audit: the ones the account has enabled (EC2 DescribeRegions with AllRegions, one call),
// limited by --regions. An opt-in region the account has not enabled is skipped with a note, never an error:
// every call there would fail with an auth error that says nothing about the account's security.
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { withDeadline } from '../aws/deadline.js';
import type { Session } from '../aws/session.js';
import { closest } from '../util/closest.js';
import { InputError } from '../util/errors.js';
import { attempt, type FailureLog } from './context.js';
import type { Regions } from './schema/regions.js';

/** Regions that need no opt-in, so are enabled in every account: what is audited when DescribeRegions fails. */
export const ALWAYS_ENABLED_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
];

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** What DescribeRegions said, or undefined when it could not be asked. */
export interface RegionListing {
  readonly enabled: readonly string[];
  readonly notEnabled: readonly string[];
}

export async function listRegions(session: Session, failures: FailureLog, callTimeoutMs: number): Promise<RegionListing | undefined> {
  const ec2 = session.client(EC2Client);
  const answer = await attempt(failures, { service: 'ec2', operation: 'DescribeRegions', region: session.region }, () =>
    withDeadline(callTimeoutMs, `ec2:DescribeRegions in ${session.region}`, (abortSignal) =>
      ec2.send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal }),
    ),
  );
  if (!answer) return undefined;
  const regions = answer.value.Regions ?? [];
  const named = (pick: (status: string) => boolean) =>
    regions.filter((r) => r.RegionName && pick(r.OptInStatus ?? 'opt-in-not-required')).map((r) => r.RegionName!);
  return { enabled: named((s) => s !== 'not-opted-in'), notEnabled: named((s) => s === 'not-opted-in') };
}

function unknownRegions(names: string[], known: readonly string[]): InputError {
  const hints = names.map((n) => {
    const hint = closest(n, [...known]);
    return hint ? `"${n}" (did you mean "${hint}"?)` : `"${n}"`;
  });
  return new InputError(`--regions: unknown region${names.length > 1 ? 's' : ''} ${hints.join(', ')}`);
}

/**
 * The regions section: what to audit given the listing (undefined when DescribeRegions failed) and --regions.
 * Throws an InputError naming any requested region that does not exist.
 */
export function chooseRegions(listing: RegionListing | undefined, requested: readonly string[] | undefined, failure?: string): Regions {
  const wanted = requested?.length ? [...new Set(requested)] : undefined;
  if (!listing) {
    // Without the listing only the region-name shape can be checked; a requested region is taken at its word.
    const malformed = (wanted ?? []).filter((r) => !REGION_NAME.test(r));
    if (malformed.length) throw unknownRegions(malformed, ALWAYS_ENABLED_REGIONS);
    const why = `ec2:DescribeRegions failed${failure ? ` (${failure})` : ''}`;
    return {
      enabled: [...ALWAYS_ENABLED_REGIONS],
      notEnabled: [],
      audited: wanted ?? [...ALWAYS_ENABLED_REGIONS],
      notes: [wanted ? `${why}: auditing the requested regions unchecked` : `${why}: auditing the regions every account has; opt-in regions were not considered`],
    };
  }
  const known = [...listing.enabled, ...listing.notEnabled];
  const unknown = (wanted ?? []).filter((r) => !known.includes(r));
  if (unknown.length) throw unknownRegions(unknown, known);
  const skipped = (wanted ?? []).filter((r) => listing.notEnabled.includes(r));
  return {
    enabled: [...listing.enabled],
    notEnabled: [...listing.notEnabled],
    audited: wanted ? wanted.filter((r) => listing.enabled.includes(r)) : [...listing.enabled],
    notes: skipped.map((r) => `${r} was requested but is an opt-in region this account has not enabled: skipped`),
  };
}
