// EventBridge: awsJson1_1, `AWSEvents.Op`, signs as `events`. The rules of the default event bus in the request's
// region, with their targets: PutRule, PutTargets, DescribeRule, ListRules, ListTargetsByRule. Rules are not part
// of the scenario; they start empty and live per world.
import { ApiError } from '../errors.js';
import type { JsonService, RequestContext } from '../service.js';
import type { World } from '../world.js';
import { byName, page, pageStart, regionOf, required } from './region-facts.js';

interface Target {
  readonly Id: string;
  readonly Arn: string;
  readonly [member: string]: unknown;
}

interface Rule {
  readonly name: string;
  eventPattern: string | undefined;
  scheduleExpression: string | undefined;
  state: string;
  description: string | undefined;
  targets: Target[];
}

const RULE_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const MAX_TARGETS = 5;
const MAX_LIMIT = 100;

const worlds = new WeakMap<World, Map<string, Map<string, Rule>>>();
function rulesHere(ctx: RequestContext): Map<string, Rule> {
  let regions = worlds.get(ctx.world);
  if (!regions) worlds.set(ctx.world, (regions = new Map()));
  let rules = regions.get(regionOf(ctx));
  if (!rules) regions.set(regionOf(ctx), (rules = new Map()));
  return rules;
}

const ruleArn = (name: string, ctx: RequestContext) => `arn:${ctx.world.account.partition}:events:${regionOf(ctx)}:${ctx.world.account.id}:rule/${name}`;

function checkBus(input: Readonly<Record<string, unknown>>): void {
  const bus = input['EventBusName'];
  if (bus !== undefined && bus !== 'default' && !(typeof bus === 'string' && bus.endsWith(':event-bus/default'))) {
    throw new ApiError('ResourceNotFoundException', `Event bus ${String(bus)} does not exist.`, 400);
  }
}

function findRule(ctx: RequestContext, input: Readonly<Record<string, unknown>>, member: string): Rule {
  checkBus(input);
  const name = required(input, member);
  const rule = rulesHere(ctx).get(name);
  if (!rule) throw new ApiError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`, 400);
  return rule;
}

function ruleShape(rule: Rule, ctx: RequestContext) {
  return {
    Name: rule.name,
    Arn: ruleArn(rule.name, ctx),
    EventPattern: rule.eventPattern,
    ScheduleExpression: rule.scheduleExpression,
    State: rule.state,
    Description: rule.description,
    EventBusName: 'default',
  };
}

export const events: JsonService = {
  name: 'events',
  signingName: 'events',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSEvents',
  operations: {
    PutRule(input, ctx) {
      checkBus(input);
      const name = required(input, 'Name');
      if (!RULE_NAME.test(name)) throw new ApiError('ValidationException', `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint`, 400);
      const eventPattern = typeof input['EventPattern'] === 'string' ? input['EventPattern'] : undefined;
      const scheduleExpression = typeof input['ScheduleExpression'] === 'string' ? input['ScheduleExpression'] : undefined;
      if (!eventPattern && !scheduleExpression) throw new ApiError('ValidationException', 'Parameter(s) EventPattern or ScheduleExpression must be specified.', 400);
      if (eventPattern !== undefined) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(eventPattern);
        } catch {
          throw new ApiError('InvalidEventPatternException', 'Event pattern is not valid. Reason: not valid JSON', 400);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError('InvalidEventPatternException', 'Event pattern is not valid. Reason: Filter is not an object', 400);
      }
      const state = typeof input['State'] === 'string' ? input['State'] : 'ENABLED';
      if (!['ENABLED', 'DISABLED'].includes(state)) throw new ApiError('ValidationException', `Invalid State ${state}`, 400);
      const rules = rulesHere(ctx);
      const rule = rules.get(name) ?? { name, eventPattern: undefined, scheduleExpression: undefined, state, description: undefined, targets: [] };
      Object.assign(rule, { eventPattern, scheduleExpression, state, description: typeof input['Description'] === 'string' ? input['Description'] : undefined });
      rules.set(name, rule);
      return { RuleArn: ruleArn(name, ctx) };
    },

    PutTargets(input, ctx) {
      const rule = findRule(ctx, input, 'Rule');
      const targets = Array.isArray(input['Targets']) ? (input['Targets'] as Record<string, unknown>[]) : [];
      if (targets.length === 0) throw new ApiError('ValidationException', 'Targets must not be empty.', 400);
      for (const t of targets) {
        if (typeof t['Id'] !== 'string' || typeof t['Arn'] !== 'string' || !t['Id'] || !t['Arn'].startsWith('arn:')) {
          throw new ApiError('ValidationException', 'Each target needs an Id and an Arn.', 400);
        }
        const target = t as unknown as Target;
        const at = rule.targets.findIndex((x) => x.Id === target.Id);
        if (at >= 0) rule.targets.splice(at, 1, target);
        else if (rule.targets.length >= MAX_TARGETS) throw new ApiError('LimitExceededException', `The requested resource exceeds the maximum number allowed (${MAX_TARGETS} targets).`, 400);
        else rule.targets.push(target);
      }
      return { FailedEntryCount: 0, FailedEntries: [] };
    },

    DescribeRule(input, ctx) {
      return { ...ruleShape(findRule(ctx, input, 'Name'), ctx), CreatedBy: ctx.world.account.id };
    },

    ListRules(input, ctx) {
      checkBus(input);
      const prefix = typeof input['NamePrefix'] === 'string' ? input['NamePrefix'] : '';
      const limit = input['Limit'] ?? MAX_LIMIT;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new ApiError('ValidationException', 'Limit must be between 1 and 100.', 400);
      const rules = [...rulesHere(ctx).values()].filter((r) => r.name.startsWith(prefix)).sort((a, b) => byName(a.name, b.name));
      const { items, next } = page(rules, pageStart(input['NextToken'], 'ValidationException'), limit);
      return { Rules: items.map((r) => ruleShape(r, ctx)), NextToken: next };
    },

    ListTargetsByRule(input, ctx) {
      const rule = findRule(ctx, input, 'Rule');
      const limit = typeof input['Limit'] === 'number' ? input['Limit'] : MAX_LIMIT;
      const { items, next } = page(rule.targets, pageStart(input['NextToken'], 'ValidationException'), limit);
      return { Targets: items, NextToken: next };
    },
  },
};
