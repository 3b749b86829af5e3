// The security alarms (seed 003; CIS 5.1-5.15): on the log group the multi-region trail delivers to, one metric
// filter per CIS item with the pattern CIS prints, an alarm on its metric, an SNS topic with an email subscription
// for each alert address; and an EventBridge rule that sends every root console sign-in to the topic at once.
//
// Decisions:
// - Where: the log group of the trail that qualifies (its region), or the one the trail planner is about to create.
//   The topic is in that region (an alarm notifies topics of its own region). The root sign-in rule is in us-east-1,
//   where AWS delivers root console sign-ins; EventBridge rules target SNS topics of their own region only, so when the
//   log group is elsewhere the topic exists in us-east-1 too, with the same subscriptions.
// - Names follow the audit's remediation: filter, metric and alarm are named after the check (alarm-root-usage, ...),
//   metric namespace CISBenchmark, so the commands the audit prints and apply agree. An item the audit already passes
//   (a filter of the account's that the judge accepts, with an alarm reaching a confirmed subscriber) is left alone.
// - An alarm of that name that notifies other topics keeps them: rampart's topic is added, none is removed.
// - Email subscriptions stay pending until the person clicks the link: a manual step says so, and the alarm checks
//   fail with "pending confirmation" until then.
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand, PutMetricFilterCommand, type MetricFilter as AwsMetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateTopicCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SetTopicAttributesCommand,
  SNSClient,
  SubscribeCommand,
  type Subscription,
} from '@aws-sdk/client-sns';
import { judgeLogGroup } from '../../checks/monitoring/alarm-chain.js';
import { CIS_EVENTS, judgeAny, MONITORING_CHECK_IDS, type MonitoringCheckId } from '../../checks/monitoring/filter-pattern/index.js';
import { trailDeliveries } from '../../checks/monitoring/log-groups.js';
import { cisAlarmRemediation, NAMESPACE } from '../../checks/monitoring/remediation.js';
import { mayCatchSignIns } from '../../inventory/monitoring/event-rules.js';
import type { Alarm, EventRule, MetricFilter, SnsSubscription } from '../../inventory/schema/regional.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, PlanContext, Planner, Step } from '../types.js';
import { subscriptionGaps } from './billing-alarms.js';
import { emailList, planBillingRegion, refusedWithoutEmails } from './cost-common.js';
import { notCollected } from './iam-common.js';
import { mergeStatements, missingStatements, orNone, readPolicy, sameJson } from './security-common.js';
import { topicEventsStatement } from './security-policies.js';
import { plannedLogGroup, TRAIL_STEPS, trailTarget } from './trail.js';

type AlarmsSpec = Exclude<BaselineSpec['securityAlarms'], false>;

export const SECURITY_STEPS = {
  topic: (region: string) => `security-alarms:topic:${region}`,
  confirm: 'security-alarms:confirm-subscriptions',
  item: (id: MonitoringCheckId) => `security-alarms:${id}`,
  rootSignIn: 'security-alarms:root-sign-in-rule',
} as const;

export const ROOT_SIGN_IN_RULE = 'rampart-root-sign-in';
const TARGET_ID = 'rampart-security-topic';
/** The pattern of "AWS Console Sign In via CloudTrail" events of the root user. */
export const ROOT_SIGN_IN_PATTERN = { 'detail-type': ['AWS Console Sign In via CloudTrail'], detail: { userIdentity: { type: ['Root'] } } };

const TOPIC_ACTIONS = ['sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:Subscribe'];
const ITEM_ACTIONS = ['logs:DescribeMetricFilters', 'logs:PutMetricFilter', 'cloudwatch:DescribeAlarms', 'cloudwatch:PutMetricAlarm'];
const RULE_ACTIONS = ['sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'events:DescribeRule', 'events:PutRule', 'events:ListTargetsByRule', 'events:PutTargets'];

const PENDING = 'each address stays PendingConfirmation until its owner clicks "Confirm subscription" in the email from AWS Notifications';

interface LogGroupRef {
  name: string;
  region: string;
  /** Without ":*". */
  arn: string;
}

const topicArnOf = (ctx: PlanContext, region: string, topic: string) => `arn:${ctx.snapshot.account.partition}:sns:${region}:${ctx.snapshot.account.id}:${topic}`;
const ruleArnOf = (ctx: PlanContext, region: string) => `arn:${ctx.snapshot.account.partition}:events:${region}:${ctx.snapshot.account.id}:rule/${ROOT_SIGN_IN_RULE}`;

/** The log group the alarms watch, whether it exists (delivered to) or is planned, and the steps that make it. */
function watchedLogGroup(ctx: PlanContext): { group: LogGroupRef; exists: boolean; dependsOn: string[] } | null {
  const read = trailDeliveries(ctx.snapshot);
  const sure = read.ok ? read.deliveries.find((d) => d.trails.length > 0 && d.logGroup.account === ctx.snapshot.account.id) : undefined;
  if (sure) return { group: { name: sure.logGroup.name, region: sure.logGroup.region, arn: sure.logGroup.arn }, exists: true, dependsOn: [] };
  const target = trailTarget(ctx);
  const planned = target ? plannedLogGroup(ctx, target) : null;
  // The group of a trail not qualifying yet (rampart's own, not logging yet) exists already: its filters were collected.
  return planned ? { group: planned, exists: Boolean(target?.trail?.cloudWatchLogsLogGroupArn), dependsOn: [TRAIL_STEPS.logs] } : null;
}

// ---- the topic

const fromAws = (s: Subscription): SnsSubscription => ({
  topicArn: s.TopicArn ?? '',
  protocol: s.Protocol ?? '',
  endpoint: s.Endpoint ?? '',
  confirmed: !['PendingConfirmation', 'pending confirmation', 'Deleted', ''].includes(s.SubscriptionArn ?? ''),
});

async function topicSubscriptions(sns: SNSClient, topicArn: string): Promise<SnsSubscription[] | null> {
  return orNone(['NotFound', 'NotFoundException'], async () => {
    const all: SnsSubscription[] = [];
    let NextToken: string | undefined;
    do {
      const out = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }));
      all.push(...(out.Subscriptions ?? []).map(fromAws));
      NextToken = out.NextToken;
    } while (NextToken);
    return all;
  });
}

async function runTopic(ctx: ApplyContext, region: string, topic: string): Promise<string> {
  const sns = ctx.session.client(SNSClient, { region });
  const emails = ctx.spec.alertEmails;
  const expected = topicArnOf(ctx, region, topic);
  const done: string[] = [];
  let subscriptions = await topicSubscriptions(sns, expected);
  if (subscriptions === null) {
    // CreateTopic is idempotent by name; it is only called when the topic is not there, so a second run writes nothing.
    await sns.send(new CreateTopicCommand({ Name: topic }));
    subscriptions = [];
    done.push(`created topic ${topic} (${region})`);
  }
  const { missing } = subscriptionGaps(subscriptions, expected, emails);
  for (const Endpoint of missing) await sns.send(new SubscribeCommand({ TopicArn: expected, Protocol: 'email', Endpoint }));
  const after = subscriptionGaps((await topicSubscriptions(sns, expected)) ?? [], expected, emails);
  if (after.missing.length) throw new Error(`topic ${topic} (${region}) still has no subscription for ${emailList(after.missing)}`);
  if (missing.length) done.push(`subscribed ${emailList(missing)} (${PENDING})`);
  const waiting = after.pending.length ? `; ${emailList(after.pending)} not confirmed yet` : '';
  return done.length ? `${done.join(', ')}${waiting}` : `topic ${topic} (${region}) has every alert address${waiting}`;
}

// ---- one CIS item: metric filter + alarm

interface MetricRef {
  namespace: string;
  name: string;
}
type FilterFacts = Pick<MetricFilter, 'name' | 'pattern' | 'metricTransformations'>;

/**
 * A filter on the group that catches the item's events alone (the judge accepts it) and publishes a metric: rampart's
 * own (named after the check) first, else the account's. Its metric is what the alarm watches. The filter of another
 * check is that check's (the console-login-without-MFA pattern also catches failed sign-ins, but an alarm on it would
 * fire on every sign-in without MFA).
 */
function acceptedFilter(id: MonitoringCheckId, filters: readonly FilterFacts[]): { name: string; metric: MetricRef } | undefined {
  const othersOwn = new Set<string>(MONITORING_CHECK_IDS.filter((other) => other !== id));
  const ok = filters.filter((f) => !othersOwn.has(f.name) && f.metricTransformations.length > 0 && judgeAny(id, [f.pattern]).ok);
  const pick = ok.find((f) => f.name === id) ?? ok[0];
  const t = pick?.metricTransformations[0];
  return pick && t ? { name: pick.name, metric: { namespace: t.metricNamespace, name: t.metricName } } : undefined;
}

/** The alarm watches the metric and notifies the topic. */
const alarmOk = (a: Pick<Alarm, 'namespace' | 'metricName' | 'actionsEnabled' | 'alarmActions'> | undefined, metric: MetricRef, topicArn: string): boolean =>
  !!a && a.namespace === metric.namespace && a.metricName === metric.name && a.actionsEnabled && a.alarmActions.includes(topicArn);

const toFilter = (f: AwsMetricFilter): FilterFacts => ({
  name: f.filterName ?? '',
  pattern: f.filterPattern ?? '',
  metricTransformations: (f.metricTransformations ?? []).map((t) => ({ metricName: t.metricName ?? '', metricNamespace: t.metricNamespace ?? '' })),
});

async function runItem(ctx: ApplyContext, id: MonitoringCheckId, group: LogGroupRef, topicArn: string): Promise<string> {
  const logs = ctx.session.client(CloudWatchLogsClient, { region: group.region });
  const cloudwatch = ctx.session.client(CloudWatchClient, { region: group.region });
  const readFilters = async (): Promise<FilterFacts[]> => {
    const all: FilterFacts[] = [];
    let nextToken: string | undefined;
    do {
      const out = await logs.send(new DescribeMetricFiltersCommand({ logGroupName: group.name, limit: 50, nextToken }));
      all.push(...(out.metricFilters ?? []).map(toFilter));
      nextToken = out.nextToken;
    } while (nextToken);
    return all;
  };
  const readAlarm = async () => {
    const a = (await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [id], AlarmTypes: ['MetricAlarm'] }))).MetricAlarms?.[0];
    return a ? { namespace: a.Namespace ?? null, metricName: a.MetricName ?? null, actionsEnabled: a.ActionsEnabled ?? false, alarmActions: a.AlarmActions ?? [] } : undefined;
  };
  const done: string[] = [];
  let filter = acceptedFilter(id, await readFilters());
  if (!filter) {
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: group.name,
        filterName: id,
        filterPattern: CIS_EVENTS[id].reference,
        metricTransformations: [{ metricName: id, metricNamespace: NAMESPACE, metricValue: '1' }],
      }),
    );
    done.push(`metric filter ${id} on ${group.name}`);
    filter = acceptedFilter(id, await readFilters());
    if (!filter) throw new Error(`metric filter ${id} on ${group.name} (${group.region}) does not read back`);
  }
  const metric = filter.metric;
  const alarm = await readAlarm();
  if (!alarmOk(alarm, metric, topicArn)) {
    // Other topics an alarm of that name already notifies stay.
    const actions = [...new Set([...(alarm?.alarmActions ?? []), topicArn])];
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: id,
        AlarmDescription: `${CIS_EVENTS[id].cis}: ${id} (rampart)`,
        Namespace: metric.namespace,
        MetricName: metric.name,
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        ActionsEnabled: true,
        AlarmActions: actions,
      }),
    );
    done.push(`alarm ${id} on ${metric.namespace}/${metric.name}${filter.name === id ? '' : ` (of the account's metric filter ${filter.name})`} notifying ${topicArn}`);
    if (!alarmOk(await readAlarm(), metric, topicArn)) throw new Error(`alarm ${id} (${group.region}) does not read back notifying ${topicArn}`);
  }
  return done.length ? `created ${done.join(' and ')}` : `metric filter ${filter.name} and alarm ${id} already in place`;
}

// ---- the root sign-in rule

/** The rule catches the root user's console sign-ins (its pattern names that detail-type and the Root identity type). */
export function catchesRootSignIns(pattern: string | null): boolean {
  if (!pattern || !mayCatchSignIns(pattern)) return false;
  try {
    const p = JSON.parse(pattern) as { 'detail-type'?: unknown; detail?: { userIdentity?: { type?: unknown } } };
    const types = p.detail?.userIdentity?.type;
    return Array.isArray(p['detail-type']) && p['detail-type'].includes('AWS Console Sign In via CloudTrail') && (types === undefined || (Array.isArray(types) && types.includes('Root')));
  } catch {
    return false;
  }
}

/** A rule of the account's or rampart's that already sends root sign-ins to an SNS topic (`topicArn` for rampart's own). */
function ruleInPlace(rules: readonly EventRule[], topicArn: string): EventRule | undefined {
  return rules.find(
    (r) =>
      r.state === 'ENABLED' &&
      catchesRootSignIns(r.eventPattern) &&
      (r.name === ROOT_SIGN_IN_RULE ? (r.targets ?? []).includes(topicArn) : (r.targets ?? []).some((t) => t.split(':')[2] === 'sns')),
  );
}

async function runRule(ctx: ApplyContext, region: string, topic: string): Promise<string> {
  const sns = ctx.session.client(SNSClient, { region });
  const events = ctx.session.client(EventBridgeClient, { region });
  const topicArn = topicArnOf(ctx, region, topic);
  const ruleArn = ruleArnOf(ctx, region);
  const statement = [topicEventsStatement(topicArn, ruleArn)];
  const done: string[] = [];

  const readTopicPolicy = async () => {
    const attrs = await orNone(['NotFound', 'NotFoundException'], () => sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn })));
    if (!attrs) throw new Error(`topic ${topic} does not exist in ${region}: step ${SECURITY_STEPS.topic(region)} has to run first`);
    return readPolicy(attrs.Attributes?.['Policy']);
  };
  const policy = await readTopicPolicy();
  if (missingStatements(policy, statement).length) {
    await sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify(mergeStatements(policy, statement, '2008-10-17')) }));
    done.push(`topic ${topic} lets EventBridge publish`);
  }

  const readRule = () => orNone(['ResourceNotFoundException'], () => events.send(new DescribeRuleCommand({ Name: ROOT_SIGN_IN_RULE })));
  const ruleOk = (r: Awaited<ReturnType<typeof readRule>>) => !!r && r.State === 'ENABLED' && !!r.EventPattern && sameJson(JSON.parse(r.EventPattern), ROOT_SIGN_IN_PATTERN);
  if (!ruleOk(await readRule())) {
    await events.send(
      new PutRuleCommand({
        Name: ROOT_SIGN_IN_RULE,
        Description: 'rampart: every console sign-in of the root user, to the security topic at once',
        EventPattern: JSON.stringify(ROOT_SIGN_IN_PATTERN),
        State: 'ENABLED',
      }),
    );
    done.push(`rule ${ROOT_SIGN_IN_RULE}`);
  }
  const targets = async () => (await events.send(new ListTargetsByRuleCommand({ Rule: ROOT_SIGN_IN_RULE }))).Targets ?? [];
  if (!(await targets()).some((t) => t.Arn === topicArn)) {
    const out = await events.send(new PutTargetsCommand({ Rule: ROOT_SIGN_IN_RULE, Targets: [{ Id: TARGET_ID, Arn: topicArn }] }));
    if (out.FailedEntryCount) throw new Error(`EventBridge refused the target ${topicArn}: ${out.FailedEntries?.[0]?.ErrorMessage ?? 'no reason given'}`);
    done.push(`its target ${topicArn}`);
  }
  if (missingStatements(await readTopicPolicy(), statement).length) throw new Error(`topic ${topic}: the policy does not read back with the EventBridge statement`);
  if (!ruleOk(await readRule()) || !(await targets()).some((t) => t.Arn === topicArn)) throw new Error(`rule ${ROOT_SIGN_IN_RULE} does not read back sending root sign-ins to ${topicArn}`);
  return done.length ? `created ${done.join(', ')} (${region})` : `rule ${ROOT_SIGN_IN_RULE} already sends root sign-ins to ${topicArn}`;
}

// ---- the plan

function topicStep(ctx: PlanContext, spec: AlarmsSpec, region: string, dependsOn: string[]): { step: Step; pending: string[] } {
  const emails = ctx.spec.alertEmails;
  const topicArn = topicArnOf(ctx, region, spec.topic);
  const base = { id: SECURITY_STEPS.topic(region), title: `Security alarm topic ${spec.topic} (${region})`, actions: TOPIC_ACTIONS, dependsOn };
  const run = (apply: ApplyContext) => runTopic(apply, region, spec.topic);
  const subscriptions = ctx.snapshot.regional[region]?.snsSubscriptions;
  if (!subscriptions) return { step: { ...base, kind: 'create', detail: `topic ${spec.topic} with an email subscription for ${emailList(emails)}; ${notCollected(`the SNS subscriptions in ${region}`)}`, run }, pending: [...emails] };
  const gaps = subscriptionGaps(subscriptions, topicArn, emails);
  const pending = [...gaps.missing, ...gaps.pending];
  if (!gaps.missing.length) {
    const waiting = gaps.pending.length ? `; ${emailList(gaps.pending)} not confirmed yet` : '';
    return { step: { ...base, kind: 'noop', detail: `topic ${spec.topic} has an email subscription for every alert address${waiting}` }, pending };
  }
  const exists = subscriptions.some((s) => s.topicArn === topicArn);
  const what = exists ? `subscribe ${emailList(gaps.missing)} to topic ${spec.topic}` : `create topic ${spec.topic} and subscribe ${emailList(gaps.missing)}`;
  return { step: { ...base, kind: exists ? 'update' : 'create', detail: `${what} by email; ${PENDING}`, run }, pending };
}

function itemStep(ctx: PlanContext, id: MonitoringCheckId, watched: { group: LogGroupRef; exists: boolean; dependsOn: string[] }, topicArn: string, topicStepId: string): Step {
  const { group } = watched;
  const base = { id: SECURITY_STEPS.item(id), title: `${CIS_EVENTS[id].cis} metric filter and alarm: ${id}`, actions: ITEM_ACTIONS, dependsOn: [...watched.dependsOn, topicStepId] };
  const run = (apply: ApplyContext) => runItem(apply, id, group, topicArn);
  const what = `metric filter ${id} on ${group.name} (${group.region}) with the CIS pattern, alarm ${id} (1 or more in 5 minutes) notifying ${topicArn}`;
  if (!watched.exists) return { ...base, kind: 'create', detail: what, run };
  const facts = ctx.snapshot.regional[group.region];
  if (!facts?.metricFilters || !facts.alarms) return { ...base, kind: 'update', detail: `${what}; ${notCollected(`the metric filters and alarms in ${group.region}`)}`, run };
  const verdict = judgeLogGroup(ctx.snapshot, id, { ...group, account: ctx.snapshot.account.id }, (where) => cisAlarmRemediation(id, '', where));
  if (verdict.status === 'PASS') return { ...base, kind: 'noop', detail: `the audit passes: ${verdict.message}` };
  const onGroup = facts.metricFilters.filter((f) => f.logGroupName === group.name);
  const filter = acceptedFilter(id, onGroup);
  if (!filter) {
    const ours = onGroup.some((f) => f.name === id);
    return { ...base, kind: ours ? 'update' : 'create', detail: ours ? `metric filter ${id}: put the CIS pattern back (it misses events); alarm ${id} notifying ${topicArn}` : what, run };
  }
  const alarm = facts.alarms.find((a) => alarmOk(a, filter.metric, topicArn));
  if (alarm) return { ...base, kind: 'noop', detail: `metric filter ${filter.name} and alarm ${alarm.name} in place (they reach someone once a subscription is confirmed)` };
  const reused = filter.name === id ? '' : ` of the account's metric filter ${filter.name} (the judge accepts it: no second filter)`;
  const named = facts.alarms.find((a) => a.name === id);
  return {
    ...base,
    kind: named ? 'update' : 'create',
    detail: `alarm ${id} on ${filter.metric.namespace}/${filter.metric.name}${reused}, notifying ${topicArn}${named?.alarmActions.length ? ' (its other actions stay)' : ''}`,
    run,
  };
}

function ruleStep(ctx: PlanContext, spec: AlarmsSpec, region: string): Step {
  const topicArn = topicArnOf(ctx, region, spec.topic);
  const base = { id: SECURITY_STEPS.rootSignIn, title: `Root sign-in alert (EventBridge rule ${ROOT_SIGN_IN_RULE}, ${region})`, actions: RULE_ACTIONS, dependsOn: [SECURITY_STEPS.topic(region)] };
  const run = (apply: ApplyContext) => runRule(apply, region, spec.topic);
  const what = `rule ${ROOT_SIGN_IN_RULE} in ${region} matching "AWS Console Sign In via CloudTrail" of the Root user, targeting topic ${spec.topic} (with a topic policy statement letting events.amazonaws.com publish for this rule only)`;
  const rules = ctx.snapshot.regional[region]?.eventRules;
  if (!rules) return { ...base, kind: 'create', detail: `${what}; ${notCollected(`the EventBridge rules in ${region}`)}`, run };
  const found = ruleInPlace(rules, topicArn);
  if (found) return { ...base, kind: 'noop', detail: `rule ${found.name} already sends root console sign-ins to ${(found.targets ?? []).filter((t) => t.split(':')[2] === 'sns').join(', ')}` };
  return { ...base, kind: rules.some((r) => r.name === ROOT_SIGN_IN_RULE) ? 'update' : 'create', detail: what, run };
}

function confirmStep(spec: AlarmsSpec, pending: readonly string[], regions: readonly string[]): Step {
  return {
    id: SECURITY_STEPS.confirm,
    title: 'Confirm the security alarm subscription emails',
    kind: 'manual',
    detail: `confirm the subscription email${regions.length > 1 ? 's' : ''} sent to ${emailList(pending)}: until then the security alarms notify nobody`,
    actions: [],
    dependsOn: regions.map(SECURITY_STEPS.topic),
    manual: {
      console: [
        `Open the email "AWS Notification - Subscription Confirmation" for topic ${spec.topic} sent to ${emailList(pending)}${regions.length > 1 ? ` (one per region: ${regions.join(', ')})` : ''}; look in spam too`,
        'Click "Confirm subscription" in it; the page that opens says "Subscription confirmed!"',
        `No email? In the console (${regions.join(', ')}): SNS > Topics > ${spec.topic} > Subscriptions > select the pending one > Request confirmation`,
      ],
      verify: 'rampart audit --check alarm-root-usage',
    },
  };
}

export const securityAlarmsPlanner: Planner = {
  id: 'security-alarms',
  plan(ctx) {
    const spec = ctx.spec.securityAlarms;
    if (spec === false) return [];
    const refused = refusedWithoutEmails(ctx, { id: SECURITY_STEPS.topic('all'), title: `Security alarm topic ${spec.topic}`, actions: TOPIC_ACTIONS });
    if (refused) return refused;
    const watched = watchedLogGroup(ctx);
    if (!watched) {
      return [
        {
          id: SECURITY_STEPS.topic('all'),
          title: `Security alarms on topic ${spec.topic}`,
          kind: 'create',
          detail: 'no multi-region trail delivers to CloudWatch Logs, and the spec does not ask for one',
          actions: TOPIC_ACTIONS,
          refused: 'needs a trail delivering to CloudWatch Logs (cloudtrail.cloudWatchLogs in rampart.yaml)',
        },
      ];
    }
    const region = watched.group.region;
    const ruleRegion = planBillingRegion(ctx);
    const regions = [...new Set([region, ...(spec.rootSignInRule ? [ruleRegion] : [])])];
    const steps: Step[] = [];
    const pending = new Set<string>();
    for (const r of regions) {
      const { step, pending: waiting } = topicStep(ctx, spec, r, []);
      steps.push(step);
      waiting.forEach((e) => pending.add(e));
    }
    const topicArn = topicArnOf(ctx, region, spec.topic);
    for (const id of MONITORING_CHECK_IDS) steps.push(itemStep(ctx, id, watched, topicArn, SECURITY_STEPS.topic(region)));
    if (spec.rootSignInRule) steps.push(ruleStep(ctx, spec, ruleRegion));
    if (pending.size) steps.push(confirmStep(spec, [...pending], regions));
    return steps;
  },
};
