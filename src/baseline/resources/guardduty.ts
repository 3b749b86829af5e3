// GuardDuty in every region of the plan, including regions nobody uses (seed 002's miners ran in four the owner never
// opened). A region with a detector that is ENABLED is done; a suspended detector (DISABLED) is enabled again, never
// replaced (AWS allows one per region). After the 30-day free trial GuardDuty is billed on the events it analyses.
import { CreateDetectorCommand, GetDetectorCommand, GuardDutyClient, ListDetectorsCommand, UpdateDetectorCommand } from '@aws-sdk/client-guardduty';
import type { ApplyContext, Planner, Step } from '../types.js';
import { notCollected } from './iam-common.js';

export const guardDutyStep = (region: string): string => `guardduty:${region}`;
const ACTIONS = ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:CreateDetector', 'guardduty:UpdateDetector', 'iam:CreateServiceLinkedRole'];
const COST = 'free for 30 days, then billed on the CloudTrail, VPC flow and DNS events it analyses';

async function detectors(client: GuardDutyClient): Promise<{ id: string; status: string }[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(new ListDetectorsCommand({ NextToken: nextToken }));
    ids.push(...(out.DetectorIds ?? []));
    nextToken = out.NextToken;
  } while (nextToken);
  return Promise.all(ids.map(async (id) => ({ id, status: (await client.send(new GetDetectorCommand({ DetectorId: id }))).Status ?? 'UNKNOWN' })));
}

async function run(ctx: ApplyContext, region: string): Promise<string> {
  const client = ctx.session.client(GuardDutyClient, { region });
  const found = await detectors(client);
  if (found.some((d) => d.status === 'ENABLED')) return `${region}: GuardDuty is enabled`;
  let did: string;
  if (found[0]) {
    await client.send(new UpdateDetectorCommand({ DetectorId: found[0].id, Enable: true }));
    did = `re-enabled suspended detector ${found[0].id}`;
  } else {
    const out = await client.send(new CreateDetectorCommand({ Enable: true }));
    did = `enabled GuardDuty (detector ${out.DetectorId ?? '?'})`;
  }
  if (!(await detectors(client)).some((d) => d.status === 'ENABLED')) throw new Error(`${region}: GuardDuty does not read back as enabled`);
  return `${region}: ${did}`;
}

export const guardDutyPlanner: Planner = {
  id: 'guardduty',
  plan(ctx) {
    if (!ctx.spec.guardDuty) return [];
    return ctx.regions.map((region): Step => {
      const base = { id: guardDutyStep(region), title: `GuardDuty in ${region}`, actions: ACTIONS };
      const runIt = (apply: ApplyContext) => run(apply, region);
      const found = ctx.snapshot.regional[region]?.guardDutyDetectors;
      if (!found) return { ...base, kind: 'create', detail: `enable GuardDuty (${COST}); ${notCollected(`the detectors in ${region}`)}`, run: runIt };
      const enabled = found.find((d) => d.status === 'ENABLED');
      if (enabled) return { ...base, kind: 'noop', detail: `detector ${enabled.id} is ENABLED` };
      if (found[0]) return { ...base, kind: 'update', detail: `re-enable suspended detector ${found[0].id} (${COST})`, run: runIt };
      return { ...base, kind: 'create', detail: `enable GuardDuty (${COST})`, run: runIt };
    });
  },
};
