// SNS topic attributes (GetTopicAttributes, SetTopicAttributes): the access policy apply sets so EventBridge may
// publish to the security topic. Only the policy is stored (per world); the counts are computed from the facts.
// confirmSubscriptions is the tests' stand-in for a person clicking "Confirm subscription" in the email.
import { ApiError } from '../errors.js';
import type { SnsTopicFacts } from '../scenario-monitoring.js';
import type { QueryHandler, RequestContext } from '../service.js';
import { XmlMap } from '../protocols/xml.js';
import type { World } from '../world.js';
import { factsHere, regionOf } from './region-facts.js';

const policies = new WeakMap<World, Map<string, string>>();
const policiesOf = (world: World): Map<string, string> => {
  let map = policies.get(world);
  if (!map) policies.set(world, (map = new Map()));
  return map;
};

const arnOf = (name: string, ctx: RequestContext) => `arn:${ctx.world.account.partition}:sns:${regionOf(ctx)}:${ctx.world.account.id}:${name}`;

function topicOf(ctx: RequestContext, arn: string | undefined): SnsTopicFacts {
  const topic = (factsHere(ctx).snsTopics ?? []).find((t) => arnOf(t.name, ctx) === arn);
  if (!topic) throw new ApiError('NotFound', 'Topic does not exist', 404);
  return topic;
}

/** What AWS gives a new topic: the owner account may do everything. */
function defaultPolicy(arn: string, account: string): string {
  const actions = ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'];
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [{ Sid: '__default_statement_ID', Effect: 'Allow', Principal: { AWS: '*' }, Action: actions, Resource: arn, Condition: { StringEquals: { 'AWS:SourceOwner': account } } }],
  });
}

const ATTRIBUTES = ['Policy', 'DisplayName', 'DeliveryPolicy', 'KmsMasterKeyId', 'TracingConfig', 'SignatureVersion'];

export const getTopicAttributes: QueryHandler = (params, ctx) => {
  const arn = params['TopicArn'];
  const topic = topicOf(ctx, arn);
  const confirmed = topic.subscriptions.filter((s) => s.confirmed).length;
  return {
    Attributes: new XmlMap({
      TopicArn: arn,
      Owner: ctx.world.account.id,
      Policy: policiesOf(ctx.world).get(arn!) ?? defaultPolicy(arn!, ctx.world.account.id),
      DisplayName: '',
      SubscriptionsConfirmed: String(confirmed),
      SubscriptionsPending: String(topic.subscriptions.length - confirmed),
      SubscriptionsDeleted: '0',
    }),
  };
};

export const setTopicAttributes: QueryHandler = (params, ctx) => {
  const arn = params['TopicArn'];
  topicOf(ctx, arn);
  const name = params['AttributeName'] ?? '';
  if (!ATTRIBUTES.includes(name)) throw new ApiError('InvalidParameter', 'Invalid parameter: AttributeName', 400);
  if (name === 'Policy') {
    const value = params['AttributeValue'] ?? '';
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed === null || typeof parsed !== 'object' || !('Statement' in parsed)) throw new Error('no statement');
    } catch {
      throw new ApiError('InvalidParameter', 'Invalid parameter: Policy Error: null', 400);
    }
    policiesOf(ctx.world).set(arn!, value);
  }
  return {};
};

/** Confirms every pending subscription of every region; returns how many were pending. */
export function confirmSubscriptions(world: World): number {
  let confirmed = 0;
  for (const facts of Object.values(world.regional)) {
    for (const topic of facts.snsTopics ?? []) {
      for (const s of topic.subscriptions) {
        if (!s.confirmed) {
          s.confirmed = true;
          confirmed++;
        }
      }
    }
  }
  return confirmed;
}
