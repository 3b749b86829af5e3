// Does a CloudWatch alarm reach a person? Shared by billing-alarm (cost) and the monitoring alarms: an alarm is only
// as good as the notification it sends. It must have its actions enabled and an SNS action, and the topic needs a
// confirmed subscription: a pending one (the confirmation email never clicked) notifies nobody, the most common way
// these setups fail silently.
import type { Alarm, SnsSubscription } from '../inventory/schema/regional.js';

export const LIST_SUBSCRIPTIONS = 'sns:ListSubscriptions';

/** PASS: it notifies `topicArn`, which has `confirmed` confirmed subscriptions. UNKNOWN: the subscriptions were not collected. */
export type AlarmReach =
  | { status: 'PASS'; alarm: Alarm; topicArn: string; confirmed: number }
  | { status: 'FAIL'; alarm: Alarm; message: string; topicArn?: string }
  | { status: 'UNKNOWN'; alarm: Alarm };

export const snsTopics = (a: Alarm): string[] => a.alarmActions.filter((arn) => arn.split(':')[2] === 'sns');

type TopicReach = { ok: true; confirmed: number } | { ok: false; message: string };

function topicReach(topicArn: string, subscriptions: readonly SnsSubscription[]): TopicReach {
  const ofTopic = subscriptions.filter((s) => s.topicArn === topicArn);
  const confirmed = ofTopic.filter((s) => s.confirmed).length;
  if (confirmed) return { ok: true, confirmed };
  const why = ofTopic.length ? 'no confirmed subscription (pending confirmation: check the inbox)' : 'no subscription';
  return { ok: false, message: `topic ${topicArn} has ${why}` };
}

/**
 * The first of the alarm's SNS topics that reaches someone, or why none does ("alarm x has its actions disabled",
 * "alarm x has no SNS action", "topic t has no subscription", joined with ", " for several topics).
 * `subscriptions` undefined: sns:ListSubscriptions gave nothing for the alarm's region.
 */
export function alarmReach(alarm: Alarm, subscriptions: readonly SnsSubscription[] | undefined): AlarmReach {
  if (!alarm.actionsEnabled) return { status: 'FAIL', alarm, message: `alarm ${alarm.name} has its actions disabled` };
  const topics = snsTopics(alarm);
  if (!topics.length) return { status: 'FAIL', alarm, message: `alarm ${alarm.name} has no SNS action` };
  if (!subscriptions) return { status: 'UNKNOWN', alarm };
  const reaches = topics.map((topicArn) => ({ topicArn, reach: topicReach(topicArn, subscriptions) }));
  for (const { topicArn, reach } of reaches) if (reach.ok) return { status: 'PASS', alarm, topicArn, confirmed: reach.confirmed };
  const message = reaches.map(({ reach }) => (reach.ok ? '' : reach.message)).join(', ');
  return { status: 'FAIL', alarm, message, topicArn: topics[0]! };
}
