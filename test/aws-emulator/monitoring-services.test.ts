// CloudWatch alarms, CloudWatch Logs metric filters and groups, SNS subscriptions through the real SDK clients:
// per-region state, pagination, errors, and a region that never answers.
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListSubscriptionsByTopicCommand, ListSubscriptionsCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Scenario } from './index.js';
import { CLEAN, NOW, config, rejection } from './test-helpers.js';

const KEY = 'AKIAMONITOR000000001';
const ACCOUNT = '111111111111';
const manyAlarms = Array.from({ length: 130 }, (_, i) => ({ name: `a-${String(i).padStart(3, '0')}`, namespace: 'App', metricName: 'Errors' }));

const scenario: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'none' },
  users: [{ name: 'auditor', created: '-9d', accessKeys: [{ id: KEY, secret: 'CANARY-monitor', created: '-9d' }] }],
  regional: {
    '*': { snsTopics: [{ name: 'everywhere', subscriptions: [{ endpoint: 'ops@example.com' }] }] },
    'us-east-1': {
      alarms: [
        {
          name: 'billing',
          namespace: 'AWS/Billing',
          metricName: 'EstimatedCharges',
          dimensions: { Currency: 'USD' },
          statistic: 'Maximum',
          period: 21600,
          threshold: 10,
          comparison: 'GreaterThanThreshold',
          actions: ['billing-alerts', 'arn:aws:automate:us-east-1:ec2:stop'],
        },
      ],
      logGroups: [{ name: 'app/logs', retentionDays: 30 }],
      metricFilters: [
        { name: 'root', logGroup: 'CloudTrail/DefaultLogGroup', pattern: '{ $.userIdentity.type = "Root" }', metricName: 'RootUsage' },
        { name: 'errors', logGroup: 'app/logs', pattern: 'ERROR', metricName: 'Errors', metricNamespace: 'App' },
      ],
      snsTopics: [
        {
          name: 'billing-alerts',
          subscriptions: [
            { protocol: 'email', endpoint: 'me@example.com', confirmed: false },
            { protocol: 'https', endpoint: 'https://hooks.example.com/services/T0/B0/secret-token' },
          ],
        },
      ],
    },
    'eu-west-1': { alarms: manyAlarms },
  },
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(s: Scenario | string = scenario, key = KEY, options: { hangRegions?: string[] } = {}) {
  emulator = await startEmulator({ scenario: s, now: NOW, ...options });
  const cfg = (region: string) => ({ ...config(emulator!.endpoint, key), region });
  return {
    emulator,
    cloudwatch: (region = 'us-east-1') => new CloudWatchClient(cfg(region)),
    logs: (region = 'us-east-1') => new CloudWatchLogsClient(cfg(region)),
    sns: (region = 'us-east-1') => new SNSClient(cfg(region)),
  };
}

describe('CloudWatch DescribeAlarms', () => {
  it("gives the region's metric alarms with their actions as ARNs", async () => {
    const { cloudwatch } = await start();
    const out = await cloudwatch().send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'] }));
    expect(out.CompositeAlarms).toEqual([]);
    expect(out.MetricAlarms).toHaveLength(1);
    expect(out.MetricAlarms![0]).toMatchObject({
      AlarmName: 'billing',
      AlarmArn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:billing`,
      Namespace: 'AWS/Billing',
      MetricName: 'EstimatedCharges',
      Dimensions: [{ Name: 'Currency', Value: 'USD' }],
      Statistic: 'Maximum',
      Period: 21600,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
      ActionsEnabled: true,
      AlarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts`, 'arn:aws:automate:us-east-1:ec2:stop'],
      StateValue: 'OK',
    });
    expect(out.MetricAlarms![0]!.StateUpdatedTimestamp).toBeInstanceOf(Date);
    // Another region has its own alarms; one without any has none.
    expect((await cloudwatch('ap-south-1').send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
  });

  it('pages by MaxRecords (at most 100)', async () => {
    const { cloudwatch } = await start();
    const eu = cloudwatch('eu-west-1');
    const first = await eu.send(new DescribeAlarmsCommand({ MaxRecords: 100 }));
    expect(first.MetricAlarms).toHaveLength(100);
    const second = await eu.send(new DescribeAlarmsCommand({ MaxRecords: 100, NextToken: first.NextToken }));
    expect(second.MetricAlarms).toHaveLength(30);
    expect(second.NextToken).toBeUndefined();
    expect(new Set([...first.MetricAlarms!, ...second.MetricAlarms!].map((a) => a.AlarmName)).size).toBe(130);
    const tooMany = await rejection(eu.send(new DescribeAlarmsCommand({ MaxRecords: 101 })));
    expect(tooMany.Code ?? tooMany.name).toBe('InvalidParameterValue');
  });

  it('answers faults with the query-compatible codes (AccessDenied, Throttling)', async () => {
    const { cloudwatch, emulator } = await start();
    emulator.setFaults([{ operation: 'cloudwatch:DescribeAlarms', kind: 'AccessDenied' }]);
    const denied = await rejection(cloudwatch().send(new DescribeAlarmsCommand({})));
    expect(denied.Code).toBe('AccessDenied');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    emulator.setFaults([{ operation: 'cloudwatch:*', kind: 'Throttling' }]);
    const throttled = await rejection(cloudwatch().send(new DescribeAlarmsCommand({})));
    expect(throttled.Code).toBe('Throttling');
  });
});

describe('CloudWatch Logs', () => {
  it('lists metric filters per region, optionally of one log group', async () => {
    const { logs } = await start();
    const all = await logs().send(new DescribeMetricFiltersCommand({}));
    expect(all.metricFilters!.map((f) => f.filterName)).toEqual(['root', 'errors']);
    expect(all.metricFilters![0]).toMatchObject({
      filterName: 'root',
      logGroupName: 'CloudTrail/DefaultLogGroup',
      filterPattern: '{ $.userIdentity.type = "Root" }',
      metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CISBenchmark', metricValue: '1' }],
    });
    expect(typeof all.metricFilters![0]!.creationTime).toBe('number');
    const one = await logs().send(new DescribeMetricFiltersCommand({ logGroupName: 'app/logs' }));
    expect(one.metricFilters!.map((f) => f.filterName)).toEqual(['errors']);
    const missing = await rejection(logs().send(new DescribeMetricFiltersCommand({ logGroupName: 'nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect((await logs('eu-west-1').send(new DescribeMetricFiltersCommand({}))).metricFilters).toEqual([]);
  });

  it('pages metric filters by limit (at most 50)', async () => {
    const filters = Array.from({ length: 60 }, (_, i) => ({ name: `f${String(i).padStart(2, '0')}`, logGroup: 'g', pattern: 'x', metricName: `m${i}` }));
    const { logs } = await start({ ...scenario, regional: { 'us-east-1': { metricFilters: filters } } });
    const first = await logs().send(new DescribeMetricFiltersCommand({ limit: 50 }));
    expect(first.metricFilters).toHaveLength(50);
    const second = await logs().send(new DescribeMetricFiltersCommand({ limit: 50, nextToken: first.nextToken }));
    expect(second.metricFilters).toHaveLength(10);
    expect(second.nextToken).toBeUndefined();
  });

  it('lists log groups, those only a metric filter names included', async () => {
    const { logs } = await start();
    const out = await logs().send(new DescribeLogGroupsCommand({}));
    expect(out.logGroups!.map((g) => [g.logGroupName, g.retentionInDays, g.metricFilterCount])).toEqual([
      ['CloudTrail/DefaultLogGroup', undefined, 1],
      ['app/logs', 30, 1],
    ]);
    expect(out.logGroups![1]!.arn).toBe(`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app/logs:*`);
    const prefixed = await logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'Cloud' }));
    expect(prefixed.logGroups!.map((g) => g.logGroupName)).toEqual(['CloudTrail/DefaultLogGroup']);
  });
});

describe('SNS', () => {
  it('lists subscriptions; an unconfirmed one is PendingConfirmation', async () => {
    const { sns } = await start();
    const out = await sns().send(new ListSubscriptionsCommand({}));
    expect(out.Subscriptions).toEqual([
      { SubscriptionArn: 'PendingConfirmation', Owner: ACCOUNT, Protocol: 'email', Endpoint: 'me@example.com', TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts` },
      {
        SubscriptionArn: expect.stringMatching(new RegExp(`^arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts:[0-9a-f-]{36}$`)),
        Owner: ACCOUNT,
        Protocol: 'https',
        Endpoint: 'https://hooks.example.com/services/T0/B0/secret-token',
        TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts`,
      },
    ]);
    // '*' applies where a region has no topics of its own.
    const eu = await sns('eu-west-1').send(new ListSubscriptionsCommand({}));
    expect(eu.Subscriptions!.map((s) => s.TopicArn)).toEqual([`arn:aws:sns:eu-west-1:${ACCOUNT}:everywhere`]);
    expect((await sns().send(new ListTopicsCommand({}))).Topics).toEqual([{ TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts` }]);
    const byTopic = await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts` }));
    expect(byTopic.Subscriptions).toHaveLength(2);
    const missing = await rejection(sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: 'arn:aws:sns:us-east-1:1:none' })));
    expect([missing.name, missing.Code]).toEqual(['NotFoundException', 'NotFound']);
  });

  it('pages by 100 and says AuthorizationError when denied', async () => {
    const subscriptions = Array.from({ length: 150 }, (_, i) => ({ endpoint: `u${i}@example.com` }));
    const { sns, emulator } = await start({ ...scenario, regional: { 'us-east-1': { snsTopics: [{ name: 't', subscriptions }] } } });
    const first = await sns().send(new ListSubscriptionsCommand({}));
    expect(first.Subscriptions).toHaveLength(100);
    const second = await sns().send(new ListSubscriptionsCommand({ NextToken: first.NextToken }));
    expect(second.Subscriptions).toHaveLength(50);
    emulator.setFaults([{ operation: 'sns:ListSubscriptions', kind: 'AccessDenied' }]);
    const denied = await rejection(sns().send(new ListSubscriptionsCommand({})));
    // The SDK names it after its model; Code keeps the wire code.
    expect([denied.name, denied.Code]).toEqual(['AuthorizationErrorException', 'AuthorizationError']);
    expect(denied.$metadata?.httpStatusCode).toBe(403);
  });
});

describe('the clean scenario', () => {
  it('has the billing alarm, the 15 CIS filters with their alarms, and confirmed subscriptions in us-east-1', async () => {
    const { cloudwatch, logs, sns } = await start(CLEAN, 'AKIACLEANCI000000001');
    const alarms = (await cloudwatch().send(new DescribeAlarmsCommand({}))).MetricAlarms!;
    expect(alarms).toHaveLength(16);
    expect(alarms.filter((a) => a.Namespace === 'AWS/Billing')).toHaveLength(1);
    const filters = (await logs().send(new DescribeMetricFiltersCommand({ logGroupName: 'CloudTrail/DefaultLogGroup' }))).metricFilters!;
    expect(filters).toHaveLength(15);
    const metrics = new Set(filters.map((f) => f.metricTransformations![0]!.metricName));
    expect(alarms.filter((a) => metrics.has(a.MetricName!))).toHaveLength(15);
    const subscriptions = (await sns().send(new ListSubscriptionsCommand({}))).Subscriptions!;
    expect(subscriptions.map((s) => s.TopicArn!.split(':').pop()).sort()).toEqual(['billing-alerts', 'security-alarms']);
    expect(subscriptions.every((s) => s.SubscriptionArn !== 'PendingConfirmation')).toBe(true);
  });
});

describe('a region that does not answer', () => {
  it('counts the request and never answers it; other regions answer', async () => {
    const { cloudwatch, sns, emulator } = await start(scenario, KEY, { hangRegions: ['ap-south-1'] });
    const hung = cloudwatch('ap-south-1').send(new DescribeAlarmsCommand({}), { abortSignal: AbortSignal.timeout(200) });
    const error = await rejection(hung);
    expect(error.name).toBe('AbortError');
    expect((await sns('us-east-1').send(new ListSubscriptionsCommand({}))).Subscriptions).toHaveLength(2);
    expect(emulator.calls()['cloudwatch:DescribeAlarms']).toBe(1);

    // The scenario can say it too, and setHangRegions changes it at run time.
    emulator.setHangRegions([]);
    expect((await cloudwatch('ap-south-1').send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
    await emulator.close();
    const again = await start({ ...scenario, hangRegions: ['eu-west-1'] });
    await expect(again.sns('eu-west-1').send(new ListTopicsCommand({}), { abortSignal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
