// cloudtrail-multi-region (seeds 002, 003, 004; CIS 4.1): the audit trail every incident response starts from. Seed 002
// could prove which API calls were the attacker's only because CloudTrail had them; the 90-day event history is not
// enough (seed 004). One trail must cover every region, be logging, and record read and write management events.
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, pass } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import {
  createTrailRemediation,
  ownerNote,
  qualify,
  readTrails,
  trailLabel,
  undeterminedReason,
  type TrailAssessment,
} from './trails.js';
import { listing } from './text.js';

const ALL_MANAGEMENT_BASIC = `'[{"ReadWriteType":"All","IncludeManagementEvents":true}]'`;
const ALL_MANAGEMENT_ADVANCED = `'[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]'`;

/** The commands that make this trail qualify, one per reason it does not. */
function fixTrail(snapshot: AccountSnapshot, a: TrailAssessment): Remediation {
  const t = a.trail;
  const at = `--region ${t.homeRegion}`;
  const cli: string[] = [];
  if (!t.isMultiRegion) cli.push(`aws cloudtrail update-trail --name ${t.name} --is-multi-region-trail ${at}`);
  if (a.reasons.some((r) => r.includes('management events'))) {
    cli.push(
      t.eventSelectors?.advanced.length
        ? `aws cloudtrail put-advanced-event-selectors --trail-name ${t.name} ${at} --advanced-event-selectors ${ALL_MANAGEMENT_ADVANCED}`
        : `aws cloudtrail put-event-selectors --trail-name ${t.name} ${at} --event-selectors ${ALL_MANAGEMENT_BASIC}`,
    );
  }
  if (t.isLogging === false) cli.push(`aws cloudtrail start-logging --name ${t.name} ${at}`);
  return {
    summary:
      `Make ${trailLabel(t)} qualify (it ${listing(a.reasons)}), or create a new multi-region trail instead (aws cloudtrail create-trail --is-multi-region-trail ...). ` +
      `The put-*-selectors commands replace the trail's selectors: add back any data event selectors you keep.${ownerNote(snapshot, t)}`,
    console: [
      `CloudTrail > Trails > ${t.name} (in ${t.homeRegion})`,
      'Logging: if it is off, click Start logging',
      'Management events > Edit: API activity Read and Write, Save changes',
      'A single-region trail cannot be made multi-region in the console: use the CLI command, or create a new trail (console trails cover all regions)',
    ],
    cli,
  };
}

const why = (a: TrailAssessment): string => `${trailLabel(a.trail)} ${listing(a.reasons)}`;

export const cloudtrailMultiRegion: Check = {
  id: 'cloudtrail-multi-region',
  title: 'A multi-region trail is logging read and write management events',
  area: 'logging',
  severity: 'critical',
  sources: ['seed 002', 'seed 003', 'seed 004', 'CIS 4.1'],
  remediation: createTrailRemediation,
  evaluate(snapshot): Outcome[] {
    const read = readTrails(snapshot);
    if (!read.ok) return [read.outcome];
    const account = accountResource(snapshot);
    if (read.trails.length === 0) {
      return [fail(account, 'no CloudTrail trail exists: only the 90-day event history records API calls, nothing is kept longer')];
    }
    const { qualifying, undetermined, rejected } = qualify(read.trails);
    if (qualifying.length > 0) {
      const [first] = qualifying;
      const excluded = qualifying.flatMap((a) => a.exclusions);
      const note = excluded.length ? `; its management selectors exclude ${excluded.join('; ')}` : '';
      return [
        pass(
          first!.trail.arn,
          `${listing(qualifying.map((a) => `${trailLabel(a.trail)} (home ${a.trail.homeRegion})`))} ${qualifying.length === 1 ? 'is' : 'are'} multi-region, logging and recording read and write management events${note}`,
        ),
      ];
    }
    const against = rejected.map(why);
    if (undetermined.length > 0) {
      return [{ status: 'UNKNOWN', resource: account, message: `could not evaluate: ${[...undetermined.map((a) => undeterminedReason(snapshot, a)), ...against].join('; ')}` }];
    }
    // The trail closest to qualifying is the cheapest fix.
    const closest = [...rejected].sort((x, y) => x.reasons.length - y.reasons.length)[0]!;
    return [fail(account, `no trail qualifies: ${against.join('; ')}`, fixTrail(snapshot, closest))];
  },
};
