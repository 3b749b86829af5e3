// SNS: awsQuery, 2010-03-31. The topics and subscriptions of the request's region (scenario
// `regional.*.snsTopics`). A subscription nobody confirmed has no ARN yet: AWS lists it as `PendingConfirmation`.
// CreateTopic and Subscribe change the region's own facts (an email subscription stays pending).
import { ApiError } from '../errors.js';
import type { SnsTopicFacts } from '../scenario-monitoring.js';
import type { QueryService, RequestContext } from '../service.js';
import { byName, factsHere, ownFacts, page, pageStart, regionOf, stableUuid } from './region-facts.js';
import { getTopicAttributes, setTopicAttributes } from './sns-attributes.js';

/** ListTopics and ListSubscriptions answer 100 at a time; the caller cannot choose. */
const PAGE_SIZE = 100;

const topicArn = (name: string, ctx: RequestContext) => `arn:${ctx.world.account.partition}:sns:${regionOf(ctx)}:${ctx.world.account.id}:${name}`;

type SubscriptionRow = Readonly<Record<'SubscriptionArn' | 'Owner' | 'Protocol' | 'Endpoint' | 'TopicArn', string>>;

function subscriptionsOf(topic: SnsTopicFacts, ctx: RequestContext): SubscriptionRow[] {
  const arn = topicArn(topic.name, ctx);
  return topic.subscriptions.map((s, i) => ({
    SubscriptionArn: s.confirmed ? `${arn}:${stableUuid(arn, String(i))}` : 'PendingConfirmation',
    Owner: ctx.world.account.id,
    Protocol: s.protocol,
    Endpoint: s.endpoint,
    TopicArn: arn,
  }));
}

const topicsHere = (ctx: RequestContext): SnsTopicFacts[] => [...(factsHere(ctx).snsTopics ?? [])].sort((a, b) => byName(a.name, b.name));

export const sns: QueryService = {
  name: 'sns',
  signingName: 'sns',
  protocol: 'awsQuery',
  version: '2010-03-31',
  xmlns: 'http://sns.amazonaws.com/doc/2010-03-31/',
  // SNS says AuthorizationError where other awsQuery services say AccessDenied.
  faultErrors: {
    AccessDenied: () => new ApiError('AuthorizationError', 'User is not authorized to perform this action (injected fault)', 403),
  },
  operations: {
    ListTopics(params, ctx) {
      const topics = topicsHere(ctx);
      const { items, next } = page(topics, pageStart(params['NextToken'], 'InvalidParameter'), PAGE_SIZE);
      return { Topics: items.map((t) => ({ TopicArn: topicArn(t.name, ctx) })), NextToken: next };
    },
    ListSubscriptions(params, ctx) {
      const rows = topicsHere(ctx).flatMap((t) => subscriptionsOf(t, ctx));
      const { items, next } = page(rows, pageStart(params['NextToken'], 'InvalidParameter'), PAGE_SIZE);
      return { Subscriptions: items, NextToken: next };
    },
    // Idempotent by name, as AWS is: the same name gives the same topic (and its ARN) again.
    CreateTopic(params, ctx) {
      const name = params['Name'] ?? '';
      if (!/^[\w-]{1,256}$/.test(name)) throw new ApiError('InvalidParameter', 'Invalid parameter: Topic Name', 400);
      const topics = ownFacts(ctx, 'snsTopics');
      if (!topics.some((t) => t.name === name)) topics.push({ name, subscriptions: [] });
      return { TopicArn: topicArn(name, ctx) };
    },
    // Email (and http/https) subscriptions wait for the person to confirm; the same endpoint again is the same subscription.
    Subscribe(params, ctx) {
      const topic = ownFacts(ctx, 'snsTopics').find((t) => topicArn(t.name, ctx) === params['TopicArn']);
      if (!topic) throw new ApiError('NotFound', 'Topic does not exist', 404);
      const protocol = params['Protocol'] as SnsTopicFacts['subscriptions'][number]['protocol'];
      const endpoint = params['Endpoint'] ?? '';
      if (!['email', 'email-json', 'sms', 'http', 'https', 'sqs', 'lambda', 'application', 'firehose'].includes(protocol)) {
        throw new ApiError('InvalidParameter', 'Invalid parameter: Protocol', 400);
      }
      if (!endpoint || (protocol.startsWith('email') && !/^[^@\s]+@[^@\s]+$/.test(endpoint))) throw new ApiError('InvalidParameter', 'Invalid parameter: Email address', 400);
      let index = topic.subscriptions.findIndex((x) => x.protocol === protocol && x.endpoint === endpoint);
      if (index < 0) {
        topic.subscriptions.push({ protocol, endpoint, confirmed: !['email', 'email-json', 'http', 'https'].includes(protocol) });
        index = topic.subscriptions.length - 1;
      }
      const row = subscriptionsOf(topic, ctx)[index];
      return { SubscriptionArn: row?.SubscriptionArn === 'PendingConfirmation' ? 'pending confirmation' : row?.SubscriptionArn };
    },
    ListSubscriptionsByTopic(params, ctx) {
      const topic = topicsHere(ctx).find((t) => topicArn(t.name, ctx) === params['TopicArn']);
      if (!topic) throw new ApiError('NotFound', 'Topic does not exist', 404);
      const { items, next } = page(subscriptionsOf(topic, ctx), pageStart(params['NextToken'], 'InvalidParameter'), PAGE_SIZE);
      return { Subscriptions: items, NextToken: next };
    },
    // The topic's access policy (sns-attributes.ts): EventBridge needs one to publish.
    GetTopicAttributes: getTopicAttributes,
    SetTopicAttributes: setTopicAttributes,
  },
};
