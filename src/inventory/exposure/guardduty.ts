// GuardDuty detectors of one region and their status. A region has one detector at most, so GetDetector is
// one more call, not one per resource. A detector whose status cannot be read is kept as UNKNOWN: it may be on.
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import type { Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { RegionFacts } from '../schema/regional.js';

export type GuardDutyDetector = NonNullable<RegionFacts['guardDutyDetectors']>[number];

/** ListDetectors' maxResults ceiling. */
const PAGE_SIZE = 50;
export const UNKNOWN_STATUS = 'UNKNOWN';

export async function collectGuardDutyDetectors(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<GuardDutyDetector[]> {
  const guardduty = session.client(GuardDutyClient, { region });
  const ids = await call(failures, { service: 'guardduty', operation: 'ListDetectors', region }, () =>
    allPages<string>(async (token) => {
      const out = await rc.timed((abortSignal) => guardduty.send(new ListDetectorsCommand({ MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal }));
      return { items: out.DetectorIds, next: out.NextToken };
    }),
  );
  return Promise.all(
    ids.map(async (id) => {
      const detector = await attempt(failures, { service: 'guardduty', operation: 'GetDetector', region }, () =>
        rc.timed((abortSignal) => guardduty.send(new GetDetectorCommand({ DetectorId: id }), { abortSignal })),
      );
      return { id, status: detector?.value.Status ?? UNKNOWN_STATUS };
    }),
  );
}
