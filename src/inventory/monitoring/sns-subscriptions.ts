// SNS subscriptions of one region, to tell whether an alarm's topic reaches anyone: one paginated call for the
// region (ListSubscriptions), not one per topic. An unconfirmed subscription has no ARN: AWS puts
// `PendingConfirmation` in its place.
import { ListSubscriptionsCommand, SNSClient, type Subscription } from '@aws-sdk/client-sns';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { SnsSubscription } from '../schema/regional.js';

const UNCONFIRMED = new Set(['PendingConfirmation', 'Deleted', '']);

/**
 * An HTTP(S) endpoint is often a webhook whose path or query is its credential (Slack, PagerDuty, ...): only its
 * origin goes into the snapshot. Emails, phone numbers and ARNs are kept as they are.
 */
export function safeEndpoint(protocol: string, endpoint: string): string {
  if (protocol !== 'http' && protocol !== 'https') return endpoint;
  try {
    const url = new URL(endpoint);
    const hidden = url.pathname.length > 1 || url.search || url.hash;
    return `${url.protocol}//${url.host}${hidden ? '/…' : ''}`;
  } catch {
    return `${protocol}://…`;
  }
}

export const toSnsSubscription = (s: Subscription): SnsSubscription => {
  const protocol = s.Protocol ?? '';
  return {
    topicArn: s.TopicArn ?? '',
    protocol,
    endpoint: safeEndpoint(protocol, s.Endpoint ?? ''),
    confirmed: !UNCONFIRMED.has(s.SubscriptionArn ?? ''),
  };
};

export async function collectSnsSubscriptions(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<SnsSubscription[]> {
  const sns = session.client(SNSClient, { region });
  return call(failures, { service: 'sns', operation: 'ListSubscriptions', region }, async () => {
    const subscriptions = await allPages(async (token) => {
      const out = await rc.timed((abortSignal) => sns.send(new ListSubscriptionsCommand({ NextToken: token }), { abortSignal }));
      return { items: out.Subscriptions, next: out.NextToken };
    });
    return subscriptions.map(toSnsSubscription);
  });
}
