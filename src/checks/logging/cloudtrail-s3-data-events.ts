// cloudtrail-s3-data-events (seed 003 "Data events: S3 buckets: All buckets"; CIS 4.8 write, 4.9 read): management
// events do not show who read or wrote which object. Object-level events do, which is what tells an exfiltration's
// extent. Read and write may come from different trails; each must cover every bucket, which takes a logging
// multi-region trail whose selector is not narrowed to some buckets (exclusions narrow it too).
import type { Trail } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, pass } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import { s3DataScopes } from './selectors.js';
import { assessTrail, ownerNote, qualify, readTrails, trailLabel, undeterminedReason, type TrailAssessment } from './trails.js';
import { listing } from './text.js';

const BASIC = `'[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]'`;
const ADVANCED =
  `'[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},` +
  `{"Name":"S3 object events","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]'`;

const remediation = (trail = '<trail>', region = '<home-region>', advanced = false, note = ''): Remediation => ({
  summary:
    `Record S3 object-level read and write events for all buckets on ${trail === '<trail>' ? 'the multi-region trail' : `trail ${trail}`}. Data events are billed per event: ` +
    `on busy buckets weigh the cost. The put-*-selectors commands replace the trail's selectors, so the command keeps all management events too.${note}`,
  console: [
    `CloudTrail > Trails > ${trail} (in ${region}) > Data events > Edit`,
    'Add data event type: S3; Log selector template: Log all events (read and write, all current and future buckets); Save changes',
  ],
  cli: advanced
    ? [`aws cloudtrail put-advanced-event-selectors --trail-name ${trail} --region ${region} --advanced-event-selectors ${ADVANCED}`]
    : [`aws cloudtrail put-event-selectors --trail-name ${trail} --region ${region} --event-selectors ${BASIC}`],
});

type Half = 'read' | 'write';

interface Recorded {
  /** Trails recording this half for every bucket. */
  all: Trail[];
  /** "arn:aws:s3:::data/ (trail main)": narrower recordings. */
  limited: string[];
}

function coverage(trails: Trail[]): Record<Half, Recorded> {
  const out: Record<Half, Recorded> = { read: { all: [], limited: [] }, write: { all: [], limited: [] } };
  for (const t of trails) {
    if (t.isLogging !== true || t.eventSelectors === null) continue;
    for (const scope of s3DataScopes(t.eventSelectors)) {
      const everywhere = scope.allBuckets && t.isMultiRegion;
      const limit = scope.allBuckets ? `buckets in ${t.homeRegion} only, single-region` : scope.limits.join(', ');
      for (const half of ['read', 'write'] as const) {
        if (!scope[half]) continue;
        if (everywhere) out[half].all.push(t);
        else out[half].limited.push(`${limit} (${trailLabel(t)})`);
      }
    }
  }
  return out;
}

const names = (trails: Trail[]): string => listing([...new Set(trails.map(trailLabel))]);

function describeHalf(half: Half, r: Recorded): string {
  if (r.all.length) return `${half} events are recorded for all buckets by ${names(r.all)}`;
  if (r.limited.length) return `${half} events are limited to ${[...new Set(r.limited)].join('; ')}`;
  return `${half} events are not recorded`;
}

/** The trail to put the selectors on: the qualifying one if there is one. */
function fixFor(snapshot: AccountSnapshot, qualifying: TrailAssessment[]): Remediation {
  const t = qualifying[0]?.trail;
  return t ? remediation(t.name, t.homeRegion, (t.eventSelectors?.advanced.length ?? 0) > 0, ownerNote(snapshot, t)) : remediation();
}

export const cloudtrailS3DataEvents: Check = {
  id: 'cloudtrail-s3-data-events',
  title: 'S3 object-level read and write events are recorded for all buckets',
  area: 'logging',
  severity: 'low',
  sources: ['seed 003', 'CIS 4.8', 'CIS 4.9'],
  remediation: remediation(),
  evaluate(snapshot): Outcome[] {
    const read = readTrails(snapshot);
    if (!read.ok) return [read.outcome];
    const account = accountResource(snapshot);
    const { read: r, write: w } = coverage(read.trails);
    if (r.all.length && w.all.length) {
      const same = r.all.find((t) => w.all.includes(t));
      return same
        ? [pass(same.arn, `S3 object-level read and write events are recorded for all buckets by ${trailLabel(same)}`)]
        : [pass(account, `S3 object-level ${describeHalf('read', r)}; ${describeHalf('write', w)}`)];
    }
    // A trail whose selectors are missing, or whose S3 selectors may be live, may be the one recording them.
    const open = read.trails.filter(
      (t) => t.isLogging !== false && (t.eventSelectors === null || (t.isLogging === null && s3DataScopes(t.eventSelectors).length > 0)),
    );
    if (open.length) {
      const reasons = open.map((t) => undeterminedReason(snapshot, assessTrail(t)));
      return [{ status: 'UNKNOWN', resource: account, message: `could not evaluate: ${reasons.join('; ')}; known: ${describeHalf('read', r)}, ${describeHalf('write', w)}` }];
    }
    const message = r.limited.length || w.limited.length || r.all.length || w.all.length
      ? `S3 object-level ${describeHalf('read', r)}; ${describeHalf('write', w)}`
      : 'no logging trail records S3 object-level data events (read or write)';
    return [fail(account, message, fixFor(snapshot, qualify(read.trails).qualifying))];
  },
};
