// EC2 DescribeRegions, Budgets, Cost Explorer (anomaly detection), CUR and Data Exports through the real SDK clients.
import { BCMDataExportsClient, GetExportCommand, ListExportsCommand } from '@aws-sdk/client-bcm-data-exports';
import {
  BudgetsClient,
  DescribeBudgetNotificationsForAccountCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
} from '@aws-sdk/client-budgets';
import { CostAndUsageReportServiceClient, DescribeReportDefinitionsCommand } from '@aws-sdk/client-cost-and-usage-report-service';
import { CostExplorerClient, GetAnomalyMonitorsCommand, GetAnomalySubscriptionsCommand } from '@aws-sdk/client-cost-explorer';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Scenario } from './index.js';
import { CLEAN, LEAKY, NOW, config, rejection } from './test-helpers.js';
import { ScenarioError } from './scenario.js';

const KEY = 'AKIACOST000000000001';
const ACCOUNT = '111111111111';
const base: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'none' },
  users: [{ name: 'auditor', created: '-9d', accessKeys: [{ id: KEY, secret: 'CANARY-cost', created: '-9d' }] }],
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(scenario: Scenario | string, key = KEY) {
  emulator = await startEmulator({ scenario, now: NOW });
  const cfg = config(emulator.endpoint, key);
  return {
    emulator,
    ec2: (region = 'us-east-1') => new EC2Client({ ...cfg, region }),
    budgets: new BudgetsClient(cfg),
    ce: new CostExplorerClient(cfg),
    cur: new CostAndUsageReportServiceClient(cfg),
    exports: new BCMDataExportsClient(cfg),
  };
}

describe('EC2 DescribeRegions', () => {
  it('by default: 17 regions every account has and three opt-in regions not enabled', async () => {
    const { ec2 } = await start(base);
    const all = await ec2().send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions).toHaveLength(20);
    expect(all.Regions!.filter((r) => r.OptInStatus === 'opt-in-not-required')).toHaveLength(17);
    expect(all.Regions!.filter((r) => r.OptInStatus === 'not-opted-in').map((r) => r.RegionName)).toEqual(['af-south-1', 'ap-east-1', 'me-south-1']);
    expect(all.Regions![0]).toEqual({ RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' });
    // Without AllRegions, only the enabled ones.
    expect((await ec2().send(new DescribeRegionsCommand({}))).Regions).toHaveLength(17);
  });

  it("follows the scenario's regions and answers the same in any region", async () => {
    const { ec2 } = await start({ ...base, regions: ['us-east-1', { name: 'eu-south-1', optIn: 'opted-in' }, { name: 'il-central-1', optIn: 'not-opted-in' }] });
    const out = await ec2('eu-west-1').send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(out.Regions!.map((r) => [r.RegionName, r.OptInStatus])).toEqual([
      ['us-east-1', 'opt-in-not-required'],
      ['eu-south-1', 'opted-in'],
      ['il-central-1', 'not-opted-in'],
    ]);
    const filtered = await ec2().send(new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: 'opt-in-status', Values: ['opted-in'] }] }));
    expect(filtered.Regions!.map((r) => r.RegionName)).toEqual(['eu-south-1']);
    const named = await ec2().send(new DescribeRegionsCommand({ RegionNames: ['us-east-1'] }));
    expect(named.Regions!.map((r) => r.RegionName)).toEqual(['us-east-1']);
    const error = await rejection(ec2().send(new DescribeRegionsCommand({ RegionNames: ['xx-nowhere-1'] })));
    expect(error.name).toBe('InvalidParameterValue');
  });

  it('says UnauthorizedOperation when denied', async () => {
    const { ec2, emulator } = await start(base);
    emulator.setFaults([{ operation: 'ec2:DescribeRegions', kind: 'AccessDenied' }]);
    expect((await rejection(ec2().send(new DescribeRegionsCommand({ AllRegions: true })))).name).toBe('UnauthorizedOperation');
  });
});

const budgetScenario: Scenario = {
  ...base,
  budgets: [
    {
      name: 'monthly',
      limit: { amount: 20 },
      notifications: [
        { type: 'ACTUAL', threshold: 80, subscribers: [{ address: 'me@example.com' }, { type: 'SNS', address: 'arn:aws:sns:us-east-1:111111111111:billing' }] },
        { type: 'FORECASTED', threshold: 100, subscribers: [{ address: 'me@example.com' }] },
      ],
    },
    { name: 'ec2-only', limit: { amount: 5 }, costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } },
    { name: 'ri', type: 'RI_UTILIZATION', filterExpression: { Dimensions: { Key: 'SERVICE', Values: ['Amazon EC2'] } } },
  ],
};

describe('Budgets', () => {
  it('lists budgets with limits as decimal strings, filters, and pages', async () => {
    const { budgets } = await start(budgetScenario);
    const first = await budgets.send(new DescribeBudgetsCommand({ AccountId: ACCOUNT, MaxResults: 2 }));
    expect(first.Budgets!.map((b) => b.BudgetName)).toEqual(['monthly', 'ec2-only']);
    expect(first.Budgets![0]).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '20.0', Unit: 'USD' }, CostFilters: {} });
    expect(first.Budgets![0]!.TimePeriod!.Start).toBeInstanceOf(Date);
    expect(first.Budgets![1]!.CostFilters).toEqual({ Service: ['Amazon Elastic Compute Cloud - Compute'] });
    const second = await budgets.send(new DescribeBudgetsCommand({ AccountId: ACCOUNT, MaxResults: 2, NextToken: first.NextToken, ShowFilterExpression: true }));
    expect(second.NextToken).toBeUndefined();
    expect(second.Budgets![0]).toMatchObject({ BudgetName: 'ri', FilterExpression: { Dimensions: { Key: 'SERVICE', Values: ['Amazon EC2'] } } });
    expect(second.Budgets![0]!.BudgetLimit).toBeUndefined();
  });

  it('gives every notification of the account in one call, then the subscribers of each', async () => {
    const { budgets } = await start(budgetScenario);
    const all = await budgets.send(new DescribeBudgetNotificationsForAccountCommand({ AccountId: ACCOUNT }));
    expect(all.BudgetNotificationsForAccount).toEqual([
      {
        BudgetName: 'monthly',
        Notifications: [
          { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE', NotificationState: 'OK' },
          { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE', NotificationState: 'OK' },
        ],
      },
    ]);
    const perBudget = await budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId: ACCOUNT, BudgetName: 'monthly' }));
    expect(perBudget.Notifications).toEqual(all.BudgetNotificationsForAccount![0]!.Notifications);
    const subscribers = await budgets.send(
      new DescribeSubscribersForNotificationCommand({ AccountId: ACCOUNT, BudgetName: 'monthly', Notification: perBudget.Notifications![0]! }),
    );
    expect(subscribers.Subscribers).toEqual([
      { SubscriptionType: 'EMAIL', Address: 'me@example.com' },
      { SubscriptionType: 'SNS', Address: 'arn:aws:sns:us-east-1:111111111111:billing' },
    ]);
  });

  it('refuses another account and names a missing budget NotFoundException', async () => {
    const { budgets } = await start(budgetScenario);
    expect((await rejection(budgets.send(new DescribeBudgetsCommand({ AccountId: '222222222222' })))).name).toBe('AccessDeniedException');
    expect((await rejection(budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId: ACCOUNT, BudgetName: 'nope' })))).name).toBe(
      'NotFoundException',
    );
  });

  it('the leaky account has none', async () => {
    const { budgets } = await start(LEAKY, 'AKIADEVADMIN00000001');
    expect((await budgets.send(new DescribeBudgetsCommand({ AccountId: '123456789012' }))).Budgets).toEqual([]);
  });
});

describe('Cost Explorer anomaly detection', () => {
  it('gives monitors and their subscriptions, with dates as strings', async () => {
    const { ce } = await start({
      ...base,
      anomalyMonitors: [{ name: 'services', dimension: 'SERVICE' }, { name: 'custom', type: 'CUSTOM' }],
      anomalySubscriptions: [{ name: 'daily', monitors: ['services'], subscribers: [{ address: 'me@example.com' }], threshold: 50 }],
    });
    const monitors = await ce.send(new GetAnomalyMonitorsCommand({}));
    expect(monitors.AnomalyMonitors!.map((m) => [m.MonitorName, m.MonitorType, m.MonitorDimension])).toEqual([
      ['services', 'DIMENSIONAL', 'SERVICE'],
      ['custom', 'CUSTOM', undefined],
    ]);
    expect(monitors.AnomalyMonitors![0]!.MonitorArn).toMatch(/^arn:aws:ce::111111111111:anomalymonitor\/[0-9a-f-]{36}$/);
    expect(monitors.AnomalyMonitors![0]!.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const subs = await ce.send(new GetAnomalySubscriptionsCommand({}));
    expect(subs.AnomalySubscriptions).toEqual([
      expect.objectContaining({
        SubscriptionName: 'daily',
        MonitorArnList: [monitors.AnomalyMonitors![0]!.MonitorArn],
        Frequency: 'DAILY',
        Subscribers: [{ Address: 'me@example.com', Type: 'EMAIL', Status: 'CONFIRMED' }],
      }),
    ]);
    const paged = await ce.send(new GetAnomalyMonitorsCommand({ MaxResults: 1 }));
    expect(paged.AnomalyMonitors).toHaveLength(1);
    const rest = await ce.send(new GetAnomalyMonitorsCommand({ MaxResults: 1, NextPageToken: paged.NextPageToken }));
    expect(rest.AnomalyMonitors!.map((m) => m.MonitorName)).toEqual(['custom']);
  });

  it('refuses a subscription to a monitor the scenario does not have', async () => {
    await expect(startEmulator({ scenario: { ...base, anomalySubscriptions: [{ name: 's', monitors: ['ghost'] }] }, now: NOW })).rejects.toThrow(
      ScenarioError,
    );
  });
});

describe('Cost and Usage Reports and Data Exports', () => {
  it('lists report definitions five at a most, and exports with their bucket', async () => {
    const reports = Array.from({ length: 7 }, (_, i) => ({ name: `cur-${i}`, bucket: 'billing-reports' }));
    const { cur, exports } = await start({ ...base, reportDefinitions: reports, dataExports: [{ name: 'cur2', bucket: 'exports-bucket', prefix: 'cur2' }] });
    const first = await cur.send(new DescribeReportDefinitionsCommand({}));
    expect(first.ReportDefinitions).toHaveLength(5);
    expect(first.ReportDefinitions![0]).toMatchObject({ ReportName: 'cur-0', S3Bucket: 'billing-reports', S3Region: 'us-east-1', TimeUnit: 'HOURLY' });
    const second = await cur.send(new DescribeReportDefinitionsCommand({ NextToken: first.NextToken }));
    expect(second.ReportDefinitions!.map((r) => r.ReportName)).toEqual(['cur-5', 'cur-6']);
    expect(second.NextToken).toBeUndefined();

    const list = await exports.send(new ListExportsCommand({}));
    expect(list.Exports).toHaveLength(1);
    expect(list.Exports![0]!.ExportStatus!.StatusCode).toBe('HEALTHY');
    expect(list.Exports![0]!.ExportStatus!.CreatedAt).toBeInstanceOf(Date);
    const one = await exports.send(new GetExportCommand({ ExportArn: list.Exports![0]!.ExportArn }));
    expect(one.Export!.DestinationConfigurations!.S3Destination).toMatchObject({ S3Bucket: 'exports-bucket', S3Prefix: 'cur2', S3Region: 'us-east-1' });
    const missing = await rejection(exports.send(new GetExportCommand({ ExportArn: 'arn:aws:bcm-data-exports:us-east-1:111111111111:export/x' })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('the clean account has a budget, an anomaly monitor and a CUR; the leaky one none of them', async () => {
    const clean = await start(CLEAN, 'AKIACLEANCI000000001');
    expect((await clean.budgets.send(new DescribeBudgetsCommand({ AccountId: '210987654321' }))).Budgets).toHaveLength(1);
    expect((await clean.ce.send(new GetAnomalyMonitorsCommand({}))).AnomalyMonitors).toHaveLength(1);
    expect((await clean.ce.send(new GetAnomalySubscriptionsCommand({}))).AnomalySubscriptions).toHaveLength(1);
    expect((await clean.cur.send(new DescribeReportDefinitionsCommand({}))).ReportDefinitions).toHaveLength(1);
    await emulator!.close();
    const leaky = await start(LEAKY, 'AKIADEVADMIN00000001');
    expect((await leaky.ce.send(new GetAnomalyMonitorsCommand({}))).AnomalyMonitors).toEqual([]);
    expect((await leaky.cur.send(new DescribeReportDefinitionsCommand({}))).ReportDefinitions).toEqual([]);
    expect((await leaky.exports.send(new ListExportsCommand({}))).Exports).toEqual([]);
  });
});
