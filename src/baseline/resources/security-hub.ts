// Security Hub in every region of the plan (CIS 5.16), with the default standards (AWS Foundational Security Best
// Practices and CIS): it gathers the findings of GuardDuty, Access Analyzer and Config in one place and runs the
// controls between two rampart audits. A region whose hub is on is done; rampart never changes an existing hub's
// standards. Its controls evaluate through AWS Config, so the step comes after the region's recorder when the plan
// has one. Billed per security check and finding ingested after a 30-day free trial.
import { DescribeHubCommand, EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { ApplyContext, Planner, Step } from '../types.js';
import { CONFIG_STEPS } from './config.js';
import { notCollected } from './iam-common.js';
import { orNone } from './security-common.js';

export const securityHubStep = (region: string): string => `security-hub:${region}`;
const ACTIONS = ['securityhub:DescribeHub', 'securityhub:EnableSecurityHub', 'iam:CreateServiceLinkedRole'];
const COST = 'free for 30 days, then billed per security check and finding ingested';
/** Security Hub answers a region that never subscribed with this code, not a 404. */
const NOT_SUBSCRIBED = ['InvalidAccessException'];

async function hubArn(client: SecurityHubClient): Promise<string | null> {
  const out = await orNone(NOT_SUBSCRIBED, () => client.send(new DescribeHubCommand({})));
  return out ? (out.HubArn ?? 'hub') : null;
}

async function run(ctx: ApplyContext, region: string): Promise<string> {
  const client = ctx.session.client(SecurityHubClient, { region });
  const before = await hubArn(client);
  if (before) return `${region}: Security Hub is enabled (${before})`;
  // Enabled between the read and the write (another run, the console): that is the state we want.
  await orNone(['ResourceConflictException'], () => client.send(new EnableSecurityHubCommand({ EnableDefaultStandards: true })));
  const after = await hubArn(client);
  if (!after) throw new Error(`${region}: Security Hub does not read back as enabled`);
  return `${region}: enabled Security Hub with the default standards (${after})`;
}

export const securityHubPlanner: Planner = {
  id: 'security-hub',
  plan(ctx) {
    if (!ctx.spec.securityHub) return [];
    return ctx.regions.map((region): Step => {
      const base = { id: securityHubStep(region), title: `Security Hub in ${region}`, actions: ACTIONS };
      const facts = ctx.snapshot.regional[region];
      const hub = facts?.securityHub;
      if (hub) return { ...base, kind: 'noop', detail: `Security Hub is enabled (${hub.hubArn})` };
      const what = `enable Security Hub with the default standards, AWS Foundational Security Best Practices and CIS (${COST})`;
      const detail = hub === null ? what : `${what}; ${notCollected(`Security Hub in ${region}`)}`;
      return { ...base, kind: 'create', detail, dependsOn: [CONFIG_STEPS.recorder(region)], run: (apply) => run(apply, region) };
    });
  },
};
