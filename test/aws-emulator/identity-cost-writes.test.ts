// The write operations apply calls for identity, the account and cost, through the real SDK clients: each changes the
// world so that the next read sees it, answers errors as AWS does, is counted like every call, and never echoes a secret.
import { PutAlternateContactCommand, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { BCMDataExportsClient, CreateExportCommand, GetExportCommand, ListExportsCommand } from '@aws-sdk/client-bcm-data-exports';
import { BudgetsClient, CreateBudgetCommand, CreateNotificationCommand, CreateSubscriberCommand, DescribeBudgetsCommand, DescribeSubscribersForNotificationCommand } from '@aws-sdk/client-budgets';
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CostExplorerClient,
  CreateAnomalyMonitorCommand,
  CreateAnomalySubscriptionCommand,
  GetAnomalySubscriptionsCommand,
  UpdateAnomalySubscriptionCommand,
} from '@aws-sdk/client-cost-explorer';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  GetGroupCommand,
  GetLoginProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Scenario } from './index.js';
import { NOW, clients, config, rejection, startRecorder } from './test-helpers.js';

const KEY = 'AKIAWRITER0000000001';
const ACCOUNT = '222222222222';
const scenario: Scenario = {
  account: { id: ACCOUNT },
  root: { mfa: 'virtual' },
  users: [{ name: 'ops', created: '-30d', accessKeys: [{ id: KEY, secret: 'CANARY-ops-key', created: '-30d' }] }],
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(endpointOf: (emulator: Emulator) => Promise<string> | string = (e) => e.endpoint) {
  emulator = await startEmulator({ scenario, now: NOW });
  const endpoint = await endpointOf(emulator);
  const cfg = config(endpoint, KEY);
  return {
    ...clients(endpoint, KEY),
    budgets: new BudgetsClient(cfg),
    ce: new CostExplorerClient(cfg),
    sns: new SNSClient(cfg),
    cloudwatch: new CloudWatchClient(cfg),
  };
}

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' }] });

describe('IAM writes', () => {
  it('creates a group, a user in it with a console password, a policy and a role, and reads them back', async () => {
    const { iam } = await start();
    const group = await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
    expect(group.Group).toMatchObject({ GroupName: 'admins', Arn: `arn:aws:iam::${ACCOUNT}:group/admins`, CreateDate: NOW });
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: ADMIN }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: ADMIN }));
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'admins' }))).AttachedPolicies).toEqual([{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN }]);

    expect((await iam.send(new CreateUserCommand({ UserName: 'alice' }))).User).toMatchObject({ UserName: 'alice', UserId: expect.stringMatching(/^AIDA/) });
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'alice' }));
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))).Groups?.map((g) => g.GroupName)).toEqual(['admins']);
    expect((await iam.send(new GetGroupCommand({ GroupName: 'admins' }))).Users?.map((u) => u.UserName)).toEqual(['alice']);
    expect((await iam.send(new GetUserCommand({ UserName: 'alice' }))).User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);

    const profile = await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'CANARY-Pw-1234567890!', PasswordResetRequired: true }));
    expect(profile.LoginProfile).toEqual({ UserName: 'alice', CreateDate: NOW, PasswordResetRequired: true });
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'alice' }))).LoginProfile).toEqual({ UserName: 'alice', CreateDate: NOW, PasswordResetRequired: true });

    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'ForceMFA', PolicyDocument: DOC }));
    const arn = `arn:aws:iam::${ACCOUNT}:policy/ForceMFA`;
    expect(policy.Policy).toMatchObject({ Arn: arn, DefaultVersionId: 'v1', AttachmentCount: 0 });
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: arn }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1);
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? ''))).toEqual(JSON.parse(DOC));
    expect((await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.map((p) => p.PolicyName)).toEqual(['ForceMFA']);

    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    await iam.send(new CreateRoleCommand({ RoleName: 'AWSSupport', AssumeRolePolicyDocument: trust, Description: 'support' }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'AWSSupport', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }));
    const role = await iam.send(new GetRoleCommand({ RoleName: 'AWSSupport' }));
    expect(JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''))).toEqual(JSON.parse(trust));
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AWSSupport' }))).AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AWSSupportAccess']);

    // What the collector reads sees all of it.
    const details = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(details.UserDetailList?.find((u) => u.UserName === 'alice')?.GroupList).toEqual(['admins']);
    expect(details.GroupDetailList?.[0]?.AttachedManagedPolicies?.map((p) => p.PolicyName)).toEqual(['AdministratorAccess', 'ForceMFA']);
    expect(details.RoleDetailList?.map((r) => r.RoleName)).toEqual(['AWSSupport']);
    await iam.send(new GenerateCredentialReportCommand({}));
    await iam.send(new GenerateCredentialReportCommand({}));
    const csv = Buffer.from((await iam.send(new GetCredentialReportCommand({}))).Content ?? new Uint8Array()).toString('utf8');
    expect(csv.split('\n').find((l) => l.startsWith('alice,'))?.split(',')[3]).toBe('true');

    expect(emulator!.calls()).toMatchObject({ 'iam:CreateUser': 1, 'iam:AttachGroupPolicy': 3, 'iam:CreateLoginProfile': 1 });
  });

  it('answers as IAM does: duplicates, missing entities, bad documents, a password the policy refuses', async () => {
    const { iam } = await start();
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    expect(await rejection(iam.send(new CreateUserCommand({ UserName: 'alice' })))).toMatchObject({ name: 'EntityAlreadyExistsException', $metadata: { httpStatusCode: 409 } });
    expect((await rejection(iam.send(new AddUserToGroupCommand({ GroupName: 'nope', UserName: 'alice' })))).name).toBe('NoSuchEntityException');
    expect((await rejection(iam.send(new GetLoginProfileCommand({ UserName: 'alice' })))).name).toBe('NoSuchEntityException');
    expect((await rejection(iam.send(new GetRoleCommand({ RoleName: 'nope' })))).name).toBe('NoSuchEntityException');
    expect((await rejection(iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{not json' })))).name).toBe('MalformedPolicyDocumentException');
    await iam.send(new CreateGroupCommand({ GroupName: 'g' }));
    expect((await rejection(iam.send(new AttachGroupPolicyCommand({ GroupName: 'g', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })))).name).toBe('NoSuchEntityException');

    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireSymbols: true }));
    const weak = await rejection(iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'CANARY-short1' })));
    expect(weak).toMatchObject({ name: 'PasswordPolicyViolationException', message: 'Password should have at least 14 characters' });
    expect(weak.message).not.toContain('CANARY');
  });

  it('UpdateAccountPasswordPolicy replaces the whole policy; CreateAccountAlias replaces the alias', async () => {
    const { iam } = await start();
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireNumbers: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 }));
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toMatchObject({
      MinimumPasswordLength: 14,
      RequireNumbers: true,
      RequireSymbols: false,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
    });
    // Left out: back to the defaults.
    await iam.send(new UpdateAccountPasswordPolicyCommand({ RequireSymbols: true }));
    const after = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    expect(after).toMatchObject({ MinimumPasswordLength: 8, RequireNumbers: false, RequireSymbols: true, ExpirePasswords: false });
    expect(after?.PasswordReusePrevention).toBeUndefined();

    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'first-name' }));
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'second-name' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['second-name']);
    expect((await rejection(iam.send(new CreateAccountAliasCommand({ AccountAlias: 'Bad--Alias' })))).name).toBe('ValidationError');
  });
});

describe('Account and S3 Control writes', () => {
  it('PutAlternateContact sets a contact; PutPublicAccessBlock sets the four settings (left out: off)', async () => {
    const { account, s3control } = await start();
    await account.send(new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', Name: 'Sec', Title: 'Team', EmailAddress: 'sec@x.example', PhoneNumber: '+1' }));
    expect((await account.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }))).AlternateContact).toMatchObject({ Name: 'Sec', EmailAddress: 'sec@x.example', PhoneNumber: '+1' });

    await s3control.send(new PutPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true } }));
    expect((await s3control.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: true,
    });
    expect((await rejection(s3control.send(new PutPublicAccessBlockCommand({ AccountId: '999999999999', PublicAccessBlockConfiguration: {} })))).name).toBe('AccessDenied');
    expect(emulator!.calls()).toMatchObject({ 'account:PutAlternateContact': 1, 's3control:PutPublicAccessBlock': 2 });
  });
});

describe('cost writes', () => {
  const notification = { NotificationType: 'ACTUAL' as const, ComparisonOperator: 'GREATER_THAN' as const, Threshold: 80, ThresholdType: 'PERCENTAGE' as const };
  const email = (Address: string) => ({ SubscriptionType: 'EMAIL' as const, Address });

  it('Budgets: a budget with notifications, then one more notification and subscriber; duplicates refused', async () => {
    const { budgets } = await start();
    await budgets.send(
      new CreateBudgetCommand({
        AccountId: ACCOUNT,
        Budget: { BudgetName: 'monthly', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '20', Unit: 'USD' } },
        NotificationsWithSubscribers: [{ Notification: notification, Subscribers: [email('a@x.example')] }],
      }),
    );
    expect((await budgets.send(new DescribeBudgetsCommand({ AccountId: ACCOUNT }))).Budgets?.[0]).toMatchObject({ BudgetName: 'monthly', BudgetLimit: { Amount: '20.0', Unit: 'USD' } });
    expect((await rejection(budgets.send(new CreateBudgetCommand({ AccountId: ACCOUNT, Budget: { BudgetName: 'monthly', BudgetType: 'COST', TimeUnit: 'MONTHLY' } })))).name).toBe(
      'DuplicateRecordException',
    );
    await budgets.send(new CreateNotificationCommand({ AccountId: ACCOUNT, BudgetName: 'monthly', Notification: { ...notification, Threshold: 100 }, Subscribers: [email('a@x.example')] }));
    expect((await rejection(budgets.send(new CreateNotificationCommand({ AccountId: ACCOUNT, BudgetName: 'monthly', Notification: notification, Subscribers: [email('a@x.example')] })))).name).toBe(
      'DuplicateRecordException',
    );
    await budgets.send(new CreateSubscriberCommand({ AccountId: ACCOUNT, BudgetName: 'monthly', Notification: notification, Subscriber: email('b@x.example') }));
    const subscribers = await budgets.send(new DescribeSubscribersForNotificationCommand({ AccountId: ACCOUNT, BudgetName: 'monthly', Notification: notification }));
    expect(subscribers.Subscribers?.map((s) => s.Address)).toEqual(['a@x.example', 'b@x.example']);
  });

  it('Cost Explorer: one AWS services monitor, a subscription, an update of its subscribers', async () => {
    const { ce } = await start();
    const { MonitorArn } = await ce.send(new CreateAnomalyMonitorCommand({ AnomalyMonitor: { MonitorName: 'svc', MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' } }));
    expect(MonitorArn).toMatch(new RegExp(`^arn:aws:ce::${ACCOUNT}:anomalymonitor/`));
    expect((await rejection(ce.send(new CreateAnomalyMonitorCommand({ AnomalyMonitor: { MonitorName: 'again', MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' } })))).name).toBe(
      'LimitExceededException',
    );
    const threshold = { Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE' as const, Values: ['10'], MatchOptions: ['GREATER_THAN_OR_EQUAL' as const] } };
    const immediate = { SubscriptionName: 'x', MonitorArnList: [MonitorArn!], Subscribers: [{ Type: 'EMAIL' as const, Address: 'a@x.example' }], Frequency: 'IMMEDIATE' as const, ThresholdExpression: threshold };
    expect((await rejection(ce.send(new CreateAnomalySubscriptionCommand({ AnomalySubscription: immediate })))).name).toBe('ValidationException');
    const { SubscriptionArn } = await ce.send(new CreateAnomalySubscriptionCommand({ AnomalySubscription: { ...immediate, Frequency: 'DAILY' } }));
    await ce.send(new UpdateAnomalySubscriptionCommand({ SubscriptionArn, Subscribers: [{ Type: 'EMAIL', Address: 'a@x.example' }, { Type: 'EMAIL', Address: 'b@x.example' }] }));
    const [sub] = (await ce.send(new GetAnomalySubscriptionsCommand({ MonitorArn }))).AnomalySubscriptions ?? [];
    expect(sub).toMatchObject({ SubscriptionName: 'x', Frequency: 'DAILY', ThresholdExpression: threshold });
    expect(sub?.Subscribers?.map((s) => s.Address)).toEqual(['a@x.example', 'b@x.example']);
  });

  it('Data Exports: CreateExport needs a bucket the service may write to; ListExports and GetExport then show it', async () => {
    await start();
    const cfg = config(emulator!.endpoint, KEY);
    const exports = new BCMDataExportsClient(cfg);
    const s3 = new S3Client({ ...cfg, forcePathStyle: true });
    const destination = { S3Bucket: 'bills', S3Prefix: 'cur2', S3Region: 'us-east-1', S3OutputConfigurations: { OutputType: 'CUSTOM' as const, Format: 'PARQUET' as const, Compression: 'PARQUET' as const, Overwrite: 'OVERWRITE_REPORT' as const } };
    const input = {
      Export: {
        Name: 'cur2',
        DataQuery: { QueryStatement: 'SELECT * FROM COST_AND_USAGE_REPORT', TableConfigurations: { COST_AND_USAGE_REPORT: { TIME_GRANULARITY: 'DAILY' } } },
        DestinationConfigurations: { S3Destination: destination },
        RefreshCadence: { Frequency: 'SYNCHRONOUS' as const },
      },
    };
    expect((await rejection(exports.send(new CreateExportCommand(input)))).name).toBe('ValidationException');
    await s3.send(new CreateBucketCommand({ Bucket: 'bills' }));
    const refused = await rejection(exports.send(new CreateExportCommand(input)));
    expect([refused.name, refused.message]).toEqual(['ValidationException', 'Insufficient permissions: the policy of S3 bucket bills does not allow bcm-data-exports.amazonaws.com to write to it']);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['billingreports.amazonaws.com', 'bcm-data-exports.amazonaws.com'] }, Action: ['s3:PutObject', 's3:GetBucketPolicy'], Resource: ['arn:aws:s3:::bills', 'arn:aws:s3:::bills/*'] }] };
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'bills', Policy: JSON.stringify(policy) }));
    const { ExportArn } = await exports.send(new CreateExportCommand(input));
    expect(ExportArn).toMatch(new RegExp(`^arn:aws:bcm-data-exports:us-east-1:${ACCOUNT}:export/cur2-`));
    expect((await exports.send(new ListExportsCommand({}))).Exports?.map((e) => [e.ExportName, e.ExportArn, e.ExportStatus?.StatusCode])).toEqual([['cur2', ExportArn, 'HEALTHY']]);
    expect((await exports.send(new GetExportCommand({ ExportArn }))).Export?.DestinationConfigurations?.S3Destination).toMatchObject({ S3Bucket: 'bills', S3Prefix: 'cur2', S3Region: 'us-east-1' });
    expect((await rejection(exports.send(new CreateExportCommand(input)))).name).toBe('ValidationException');
    expect(emulator!.calls()).toMatchObject({ 'bcm-data-exports:CreateExport': 4 });
  });

  it('SNS: CreateTopic is idempotent by name; an email subscription is pending, once per address', async () => {
    const { sns } = await start();
    const first = await sns.send(new CreateTopicCommand({ Name: 'billing' }));
    const second = await sns.send(new CreateTopicCommand({ Name: 'billing' }));
    expect(second.TopicArn).toBe(first.TopicArn);
    expect(first.TopicArn).toBe(`arn:aws:sns:us-east-1:${ACCOUNT}:billing`);
    const sub = await sns.send(new SubscribeCommand({ TopicArn: first.TopicArn, Protocol: 'email', Endpoint: 'a@x.example' }));
    expect(sub.SubscriptionArn).toBe('pending confirmation');
    await sns.send(new SubscribeCommand({ TopicArn: first.TopicArn, Protocol: 'email', Endpoint: 'a@x.example' }));
    const listed = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: first.TopicArn }));
    expect(listed.Subscriptions).toEqual([{ SubscriptionArn: 'PendingConfirmation', Owner: ACCOUNT, Protocol: 'email', Endpoint: 'a@x.example', TopicArn: first.TopicArn }]);
    // Another region does not see it.
    const west = new SNSClient({ ...config(emulator!.endpoint, KEY), region: 'eu-west-1' });
    expect((await rejection(west.send(new ListSubscriptionsByTopicCommand({ TopicArn: first.TopicArn })))).name).toBe('NotFoundException');
    expect(emulator!.calls()).toMatchObject({ 'sns:CreateTopic': 2, 'sns:Subscribe': 2 });
  });

  it('CloudWatch: PutMetricAlarm creates an alarm without data, and replaces one of the same name', async () => {
    const { cloudwatch } = await start();
    const alarm = {
      AlarmName: 'billing-10',
      Namespace: 'AWS/Billing',
      MetricName: 'EstimatedCharges',
      Dimensions: [{ Name: 'Currency', Value: 'USD' }],
      Statistic: 'Maximum' as const,
      Period: 21600,
      EvaluationPeriods: 1,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold' as const,
      AlarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:billing`],
    };
    await cloudwatch.send(new PutMetricAlarmCommand(alarm));
    await cloudwatch.send(new PutMetricAlarmCommand({ ...alarm, Threshold: 20 }));
    const { MetricAlarms } = await cloudwatch.send(new DescribeAlarmsCommand({}));
    expect(MetricAlarms).toHaveLength(1);
    expect(MetricAlarms?.[0]).toMatchObject({ AlarmName: 'billing-10', Threshold: 20, StateValue: 'INSUFFICIENT_DATA', Dimensions: [{ Name: 'Currency', Value: 'USD' }], AlarmActions: alarm.AlarmActions });
  });
});

describe('the console password', () => {
  it('is in no response, whatever is asked after it is set', async () => {
    let recorder: Awaited<ReturnType<typeof startRecorder>> | undefined;
    const { iam } = await start(async (e) => {
      recorder = await startRecorder(e.endpoint);
      return recorder.endpoint;
    });
    const password = 'CANARY-Console-Pw-0987654321!';
    try {
      await iam.send(new CreateUserCommand({ UserName: 'alice' }));
      await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: password, PasswordResetRequired: true }));
      await rejection(iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: password })));
      await iam.send(new GetLoginProfileCommand({ UserName: 'alice' }));
      await iam.send(new GetUserCommand({ UserName: 'alice' }));
      await iam.send(new GetAccountAuthorizationDetailsCommand({}));
      await iam.send(new GenerateCredentialReportCommand({}));
      await iam.send(new GenerateCredentialReportCommand({}));
      const report = await iam.send(new GetCredentialReportCommand({}));
      const decoded = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8');
      const texts = [decoded, ...recorder!.responses.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`)];
      expect(recorder!.responses.length).toBeGreaterThanOrEqual(8);
      for (const text of texts) {
        expect(text).not.toContain('CANARY');
        expect(text).not.toContain(encodeURIComponent(password));
        expect(text).not.toContain(Buffer.from(password).toString('base64'));
      }
    } finally {
      await recorder?.close();
    }
  });
});
