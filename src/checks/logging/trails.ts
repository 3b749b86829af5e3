// "That trail": the trail CHECKS.md's later CloudTrail checks judge. It is a multi-region trail that is logging and
// records read and write management events (organization trails count). cloudtrail-multi-region says whether one
// exists; the others (validation, KMS, CloudWatch Logs, the bucket) pass when at least one such trail satisfies them.
// Data a call failed to give never makes a PASS or a FAIL on its own: a trail whose status or selectors are unknown
// may be the qualifying one, so it can turn a FAIL into UNKNOWN but never into a PASS.
import type { Trail } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, unknown, unknownInRegion } from '../support.js';
import type { Outcome, Remediation } from '../types.js';
import { managementCoverage } from './selectors.js';

export const DESCRIBE_TRAILS = 'cloudtrail:DescribeTrails';
export const GET_TRAIL_STATUS = 'cloudtrail:GetTrailStatus';
export const GET_EVENT_SELECTORS = 'cloudtrail:GetEventSelectors';

/** UNKNOWN for a snapshot without the logging section (one of the identity areas only). */
export const loggingNotCollected = (snapshot: AccountSnapshot): Outcome => ({
  status: 'UNKNOWN',
  resource: accountResource(snapshot),
  message: 'could not evaluate: logging was not collected (the snapshot covers the identity areas only); run rampart audit or rampart snapshot with the logging area',
});

export type TrailsRead = { ok: true; trails: Trail[] } | { ok: false; outcome: Outcome };

/**
 * The account's trails, each once. DescribeTrails with shadow trails lists a multi-region trail in every region it was
 * asked in, so the same ARN can come back more than once.
 */
export function readTrails(snapshot: AccountSnapshot): TrailsRead {
  if (!snapshot.logging) return { ok: false, outcome: loggingNotCollected(snapshot) };
  const { trails } = snapshot.logging;
  if (!trails) return { ok: false, outcome: unknown(snapshot, accountResource(snapshot), [DESCRIBE_TRAILS]) };
  const byArn = new Map<string, Trail>();
  for (const t of trails) if (!byArn.has(t.arn)) byArn.set(t.arn, t);
  return { ok: true, trails: [...byArn.values()] };
}

/** Why calls gave no data, for use inside a longer message: "cloudtrail:GetTrailStatus failed in us-east-1 (...)". */
export const callFailure = (snapshot: AccountSnapshot, operations: string[], region: string): string =>
  unknownInRegion(snapshot, '', operations, region).message.replace(/^could not evaluate: /, '');

/** "trail main", "organization trail org-main". */
export const trailLabel = (t: Trail): string => `${t.isOrganizationTrail ? 'organization trail' : 'trail'} ${t.name}`;

/** The account that owns a trail, from its ARN; an organization trail seen from a member account is another's. */
const ownerOf = (t: Trail): string | undefined => t.arn.split(':')[4];
export const ownedElsewhere = (snapshot: AccountSnapshot, t: Trail): boolean => {
  const owner = ownerOf(t);
  return owner !== undefined && owner !== '' && owner !== snapshot.account.id;
};

/** Said in a remediation summary when the trail can only be changed from the account that owns it. */
export const ownerNote = (snapshot: AccountSnapshot, t: Trail): string =>
  ownedElsewhere(snapshot, t) ? ` ${trailLabel(t)} belongs to account ${ownerOf(t)} (the organization's management account): change it there.` : '';

export interface TrailAssessment {
  trail: Trail;
  /** Known reasons it is not "that trail", phrased to follow its name: "is single-region (home us-east-1)", "is not logging"... */
  reasons: string[];
  /** The calls whose missing data could still disqualify it. */
  missing: string[];
  /** Management event sources its selectors leave out, for the PASS message. */
  exclusions: string[];
}

export function assessTrail(trail: Trail): TrailAssessment {
  const reasons: string[] = [];
  const missing: string[] = [];
  let exclusions: string[] = [];
  if (!trail.isMultiRegion) reasons.push(`is single-region (home ${trail.homeRegion})`);
  if (trail.isLogging === false) reasons.push('is not logging');
  if (trail.isLogging === null) missing.push(GET_TRAIL_STATUS);
  if (trail.eventSelectors === null) missing.push(GET_EVENT_SELECTORS);
  else {
    const m = managementCoverage(trail.eventSelectors);
    if (!m.read && !m.write) reasons.push('records no management events');
    else if (!m.read) reasons.push('records write-only management events');
    else if (!m.write) reasons.push('records read-only management events');
    exclusions = m.exclusions;
  }
  return { trail, reasons, missing, exclusions };
}

export interface Qualification {
  /** Multi-region, logging, read and write management events. */
  qualifying: TrailAssessment[];
  /** Nothing known against them, but a call failed: they may qualify. */
  undetermined: TrailAssessment[];
  /** Known not to qualify. */
  rejected: TrailAssessment[];
}

export function qualify(trails: Trail[]): Qualification {
  const all = trails.map(assessTrail);
  return {
    qualifying: all.filter((a) => a.reasons.length === 0 && a.missing.length === 0),
    undetermined: all.filter((a) => a.reasons.length === 0 && a.missing.length > 0),
    rejected: all.filter((a) => a.reasons.length > 0),
  };
}

/** "trail main: cloudtrail:GetTrailStatus failed in us-east-1 (AccessDenied: ...)". */
export const undeterminedReason = (snapshot: AccountSnapshot, a: TrailAssessment): string =>
  `${trailLabel(a.trail)}: ${callFailure(snapshot, a.missing, a.trail.homeRegion)}`;

/** What cloudtrail-multi-region's remediation does when there is no trail to fix: create one. */
export const createTrailRemediation: Remediation = {
  summary:
    'Create one multi-region trail that is logging and records read and write management events into an S3 bucket, with log file validation and SSE-KMS. ' +
    'Without it only the 90-day event history exists. The console creates the bucket with the policy CloudTrail needs; on the CLI the bucket must already allow cloudtrail.amazonaws.com to write.',
  console: [
    'CloudTrail > Trails > Create trail; name it (e.g. management-events)',
    'Storage location: Create new S3 bucket; Log file SSE-KMS encryption: Enabled, with a new or existing customer managed key; Log file validation: Enabled',
    'CloudWatch Logs: Enabled (a new log group and role), so the monitoring alarms can read the trail',
    'Next: Event type Management events, API activity Read and Write; Next, Create trail (console trails apply to all regions and start logging)',
  ],
  cli: [
    'aws cloudtrail create-trail --name management-events --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <key-arn>',
    `aws cloudtrail put-event-selectors --trail-name management-events --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'`,
    'aws cloudtrail start-logging --name management-events',
  ],
};

/** The FAIL of the follow-on checks when no trail qualifies: their requirement is unmet, cloudtrail-multi-region says why. */
export const noQualifyingTrail = (snapshot: AccountSnapshot): Outcome =>
  fail(
    accountResource(snapshot),
    'no multi-region trail that is logging and records read and write management events; see cloudtrail-multi-region',
    createTrailRemediation,
  );

/** Several remediations as one: summaries joined, steps and commands once each, in order. */
export function mergeRemediations(list: Remediation[]): Remediation | undefined {
  if (list.length <= 1) return list[0];
  const once = (xs: string[]) => [...new Set(xs)];
  return {
    summary: once(list.map((r) => r.summary)).join(' '),
    console: once(list.flatMap((r) => r.console)),
    cli: once(list.flatMap((r) => r.cli)),
  };
}

/**
 * One outcome for a requirement on "that trail". `judge` says PASS, FAIL or UNKNOWN for one trail (its resource and
 * remediation are kept). PASS when a qualifying trail passes; FAIL when every qualifying trail, and every trail that
 * might qualify, fails; UNKNOWN when the answer hangs on missing data; the FAIL above when no trail can qualify.
 */
export function judgeThatTrail(snapshot: AccountSnapshot, judge: (trail: Trail) => Outcome): Outcome[] {
  const read = readTrails(snapshot);
  if (!read.ok) return [read.outcome];
  const { qualifying, undetermined } = qualify(read.trails);
  if (qualifying.length === 0 && undetermined.length === 0) return [noQualifyingTrail(snapshot)];

  const judged = qualifying.map((a) => judge(a.trail));
  const passed = judged.find((o) => o.status === 'PASS');
  if (passed) return [passed];

  // A trail that may qualify: its FAIL is as good as a qualifying trail's; anything else leaves the answer open.
  const maybe = undetermined.map((a) => ({ a, o: judge(a.trail) }));
  const open: Outcome[] = [
    ...judged.filter((o) => o.status !== 'FAIL'),
    ...maybe
      .filter(({ o }) => o.status !== 'FAIL')
      .map(({ a, o }) =>
        o.status === 'PASS'
          ? { ...o, message: `${o.message}, but whether ${trailLabel(a.trail)} qualifies is unknown: ${callFailure(snapshot, a.missing, a.trail.homeRegion)}` }
          : o,
      ),
  ];
  if (open.length > 0) {
    return [
      {
        status: 'UNKNOWN',
        resource: open.length === 1 ? open[0]!.resource : accountResource(snapshot),
        message: `could not evaluate: ${open.map((o) => o.message.replace(/^could not evaluate: /, '')).join('; ')}`,
      },
    ];
  }

  const failed = [...judged, ...maybe.map(({ o }) => o)];
  const only = failed.length === 1 ? failed[0] : undefined;
  return [
    fail(
      only?.resource ?? accountResource(snapshot),
      failed.map((o) => o.message).join('; '),
      mergeRemediations(failed.flatMap((o) => (o.remediation ? [o.remediation] : []))),
    ),
  ];
}
