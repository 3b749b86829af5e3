// EventBridge rules of the default bus, where the root sign-in alert lives (`rampart apply` plans it from these).
// Console sign-ins of the root user reach EventBridge in us-east-1, so that is the only region asked. One call
// lists the rules; their targets are asked only for rules whose pattern can catch a console sign-in.
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import type { Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { FanOutInputs, RegionCall } from '../regional.js';
import type { EventRule } from '../schema/regional.js';

/** Where AWS delivers the root user's console sign-in events. */
export const SIGN_IN_REGION = 'us-east-1';

export const eventRuleRegions = (inputs: FanOutInputs): readonly string[] => (inputs.audited.includes(SIGN_IN_REGION) ? [SIGN_IN_REGION] : []);

/** The pattern may match "AWS Console Sign In via CloudTrail" events: its targets are worth reading. */
export const mayCatchSignIns = (pattern: string | null): boolean => pattern !== null && /Console Sign In|aws\.signin/.test(pattern);

export async function collectEventRules(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<EventRule[]> {
  const events = session.client(EventBridgeClient, { region });
  const rules = await call(failures, { service: 'events', operation: 'ListRules', region }, () =>
    allPages(async (token) => {
      const out = await rc.timed((abortSignal) => events.send(new ListRulesCommand({ NextToken: token, Limit: 100 }), { abortSignal }));
      return { items: out.Rules, next: out.NextToken };
    }),
  );
  const out: EventRule[] = [];
  for (const r of rules) {
    const name = r.Name ?? '';
    const eventPattern = r.EventPattern ?? null;
    const targets = mayCatchSignIns(eventPattern)
      ? await attempt(failures, { service: 'events', operation: 'ListTargetsByRule', region }, () =>
          allPages(async (token) => {
            const page = await rc.timed((abortSignal) => events.send(new ListTargetsByRuleCommand({ Rule: name, NextToken: token }), { abortSignal }));
            return { items: page.Targets, next: page.NextToken };
          }),
        )
      : undefined;
    out.push({ name, state: r.State ?? null, eventPattern, targets: targets ? targets.value.map((t) => t.Arn ?? '') : null });
  }
  return out;
}
