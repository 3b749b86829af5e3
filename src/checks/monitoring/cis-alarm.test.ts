// The shared evaluation, through one representative check (alarm-iam-policy-changes, CIS 5.4: sixteen events, so a
// filter can miss one). The table in index.test.ts runs every check through the passing and the empty case.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  SECURITY_TOPIC,
  TRAIL_LOG_GROUP,
  TRAIL_LOG_GROUP_ARN,
  cisAlarmFacts,
  cloudTrail,
  loggingSnapshot,
  metricAlarm,
  metricFilter,
  monitoringSnapshot,
  options,
  snapshot,
  snsSubscriptionTo,
  withError,
} from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { alarmIamPolicyChanges as check } from './alarm-iam-policy-changes.js';
import { CIS_EVENTS } from './filter-pattern/index.js';
import { parseLogGroupArn } from './log-groups.js';

const ID = 'alarm-iam-policy-changes';
const REFERENCE = CIS_EVENTS[ID].reference;
const WHERE = `log group ${TRAIL_LOG_GROUP} (us-east-1)`;
const OTHER_TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:ops`;
/** CIS's pattern without one event. */
const WITHOUT_DETACH_GROUP = REFERENCE.replace('||($.eventName=DetachGroupPolicy)', '');
/** The same events, split in two filters: attach/detach, and the rest. */
const ATTACH_DETACH = '{ $.eventName = Attach* || $.eventName = Detach* }';
const THE_REST = `{ ${['Put', 'Delete'].flatMap((verb) => ['Group', 'Role', 'User'].map((who) => `$.eventName = ${verb}${who}Policy`)).join(' || ')} || ` +
  '$.eventName = CreatePolicy* || $.eventName = DeletePolicy* }';

const run = (s: AccountSnapshot) => {
  const out = check.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};
const chain = cisAlarmFacts(ID);

describe('cisAlarmCheck (as alarm-iam-policy-changes)', () => {
  it('passes the whole chain, naming the filter, the alarm and the topic', () => {
    expect(run(monitoringSnapshot(chain))).toEqual({
      status: 'PASS',
      resource: TRAIL_LOG_GROUP_ARN,
      message: `${WHERE}: metric filter ${ID} feeds alarm ${ID}, which notifies topic ${SECURITY_TOPIC} (1 confirmed subscription)`,
    });
  });

  it('fails a filter that misses an event, naming it, with the fix filled in for the log group', () => {
    const o = run(monitoringSnapshot({ ...chain, metricFilters: [metricFilter(ID, WITHOUT_DETACH_GROUP)] }));
    expect(o).toMatchObject({ status: 'FAIL', resource: TRAIL_LOG_GROUP_ARN, message: `metric filter ${ID} on ${WHERE} misses DetachGroupPolicy (iam.amazonaws.com)` });
    const cli = o.remediation!.cli.join('\n');
    expect(cli).toContain(`aws logs put-metric-filter --log-group-name ${TRAIL_LOG_GROUP} --filter-name ${ID} --metric-transformations metricName=${ID},metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '${REFERENCE}' --region us-east-1`);
    expect(o.remediation!.console.join('\n')).toContain(`Log groups > ${TRAIL_LOG_GROUP} > Metric filters > Create metric filter`);
  });

  it('judges the filters of the log group together, and says "miss" for several', () => {
    const split = [metricFilter('attach-detach', ATTACH_DETACH), metricFilter('the-rest', THE_REST)];
    const alarms = [metricAlarm('attach-detach'), metricAlarm('the-rest')];
    expect(run(monitoringSnapshot({ ...chain, metricFilters: split, alarms })).status).toBe('PASS');

    const o = run(monitoringSnapshot({ ...chain, metricFilters: [split[1]!, metricFilter('roles', '{ $.eventName = AttachRolePolicy }')] }));
    expect(o.message).toBe(`metric filters the-rest and roles on ${WHERE} miss DetachRolePolicy (iam.amazonaws.com), AttachUserPolicy (iam.amazonaws.com), DetachUserPolicy (iam.amazonaws.com) and 2 more`);
  });

  it('fails a filter that cannot be parsed, saying so', () => {
    const o = run(monitoringSnapshot({ ...chain, metricFilters: [metricFilter(ID, '{ $.eventName = ')] }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toMatch(new RegExp(`^metric filter ${ID} on ${WHERE.replace(/[()]/g, '\\$&')}: cannot parse: .* at column \\d+$`));
  });

  it('passes an over-broad filter with a note on what else it counts', () => {
    const o = run(monitoringSnapshot({ ...chain, metricFilters: [metricFilter(ID, '{ $.eventSource = iam.amazonaws.com }')] }));
    expect(o.status).toBe('PASS');
    expect(o.message).toMatch(/; note: also matches 3 events CIS leaves out: GetPolicy \(iam\.amazonaws\.com\)/);
  });

  it('fails a good filter without an alarm on its metric, naming the metric', () => {
    const wrongNamespace = metricAlarm(ID, { namespace: 'Custom' });
    for (const alarms of [[], [wrongNamespace]]) {
      const o = run(monitoringSnapshot({ ...chain, alarms }));
      expect(o).toMatchObject({ status: 'FAIL', message: `no alarm on CISBenchmark/${ID} (metric filter ${ID} on log group ${TRAIL_LOG_GROUP}, us-east-1)` });
      expect(o.remediation!.cli.join('\n')).toContain(`aws cloudwatch put-metric-alarm --alarm-name ${ID} --metric-name ${ID} --namespace CISBenchmark --statistic Sum --period 300 --threshold 1`);
    }
  });

  it('says so when a filter publishes no metric for an alarm to watch', () => {
    const o = run(monitoringSnapshot({ ...chain, metricFilters: [metricFilter(ID, REFERENCE, { metricTransformations: [] })] }));
    expect(o).toMatchObject({ status: 'FAIL', message: `metric filter ${ID} on ${WHERE} publishes no metric, so no alarm can watch it` });
  });

  it('needs an alarm on every filter the events depend on; an alarmed filter alone must cover them all', () => {
    const split = [metricFilter('attach-detach', ATTACH_DETACH), metricFilter('the-rest', THE_REST)];
    const o = run(monitoringSnapshot({ ...chain, metricFilters: split, alarms: [metricAlarm('the-rest')] }));
    expect(o).toMatchObject({ status: 'FAIL', message: `no alarm on CISBenchmark/attach-detach (metric filter attach-detach on log group ${TRAIL_LOG_GROUP}, us-east-1)` });
    // A second filter covering everything with its own alarm makes the unalarmed one irrelevant.
    const covered = run(monitoringSnapshot({ ...chain, metricFilters: [...split, metricFilter(ID, REFERENCE)], alarms: [metricAlarm(ID)] }));
    expect(covered.status).toBe('PASS');
  });

  it('fails an alarm without an SNS action, or with its actions disabled', () => {
    const noSns = run(monitoringSnapshot({ ...chain, alarms: [metricAlarm(ID, { alarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] })] }));
    expect(noSns).toMatchObject({ status: 'FAIL', message: `alarm ${ID} has no SNS action` });
    const disabled = run(monitoringSnapshot({ ...chain, alarms: [metricAlarm(ID, { actionsEnabled: false })] }));
    expect(disabled).toMatchObject({ status: 'FAIL', message: `alarm ${ID} has its actions disabled` });
  });

  it('fails a topic with only a pending subscription, with the topic filled in the fix', () => {
    const o = run(monitoringSnapshot({ ...chain, snsSubscriptions: [snsSubscriptionTo(SECURITY_TOPIC, false)] }));
    expect(o).toMatchObject({ status: 'FAIL', message: `alarm ${ID}: topic ${SECURITY_TOPIC} has no confirmed subscription (pending confirmation: check the inbox)` });
    expect(o.remediation!.cli.join('\n')).toContain(`--alarm-actions ${SECURITY_TOPIC} --region us-east-1`);
    expect(o.remediation!.cli.join('\n')).not.toContain('create-topic');
    expect(run(monitoringSnapshot({ ...chain, snsSubscriptions: [snsSubscriptionTo(OTHER_TOPIC)] })).message).toBe(`alarm ${ID}: topic ${SECURITY_TOPIC} has no subscription`);
  });

  it('passes when one of several alarms on the metric reaches someone', () => {
    const alarms = [metricAlarm(ID, { name: 'broken', actionsEnabled: false }), metricAlarm(ID, { name: 'works' })];
    expect(run(monitoringSnapshot({ ...chain, alarms })).message).toContain('feeds alarm works');
  });

  it('does not count filters on another log group, or alarms and subscriptions in another region', () => {
    const elsewhere = metricFilter(ID, REFERENCE, { logGroupName: 'app/web' });
    expect(run(monitoringSnapshot({ ...chain, metricFilters: [elsewhere] }))).toMatchObject({ status: 'FAIL', message: `no metric filter on ${WHERE}` });

    const euWest1 = { ...monitoringSnapshot(chain).regional['eu-west-1']!, ...chain };
    const s = monitoringSnapshot({ metricFilters: chain.metricFilters, alarms: [], snsSubscriptions: [] });
    expect(run({ ...s, regional: { ...s.regional, 'eu-west-1': euWest1 } }).status).toBe('FAIL');
  });

  it('counts an organization trail delivering to this account\'s log group', () => {
    const org = cloudTrail('management-events', { isOrganizationTrail: true });
    expect(run(monitoringSnapshot(chain, { trails: [org] })).status).toBe('PASS');
  });

  it('is UNKNOWN for a log group in another account (an organization trail seen from a member)', () => {
    const org = cloudTrail('org-trail', {
      isOrganizationTrail: true,
      arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail',
      cloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111111111111:log-group:aws-controltower/CloudTrailLogs:*',
    });
    expect(run(monitoringSnapshot(chain, { trails: [org] }))).toEqual({
      status: 'UNKNOWN',
      resource: 'arn:aws:logs:us-east-1:111111111111:log-group:aws-controltower/CloudTrailLogs',
      message:
        'could not evaluate: log group aws-controltower/CloudTrailLogs belongs to account 111111111111; its metric filters and alarms can only be read there (audit that account)',
    });
  });

  it('passes when one of two delivering trails has the chain', () => {
    const other = cloudTrail('second', { cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:cloudtrail/second:*` });
    expect(run(monitoringSnapshot(chain, { trails: [other, cloudTrail()] })).status).toBe('PASS');
    // Both failing: one FAIL on the account, both reasons, one fix per log group.
    const o = run(monitoringSnapshot({}, { trails: [other, cloudTrail()] }));
    expect(o).toMatchObject({ status: 'FAIL', resource: `arn:aws:::${ACCOUNT}`, message: `no metric filter on log group cloudtrail/second (us-east-1); no metric filter on ${WHERE}` });
  });

  describe('UNKNOWN when a call failed, naming it and the region', () => {
    it('logs:DescribeMetricFilters', () => {
      const base = monitoringSnapshot(chain);
      const { metricFilters: _gone, ...usEast1 } = base.regional['us-east-1']!;
      const s = withError({ ...base, regional: { ...base.regional, 'us-east-1': usEast1 } }, { service: 'logs', operation: 'DescribeMetricFilters', region: 'us-east-1' });
      expect(run(s)).toEqual({
        status: 'UNKNOWN',
        resource: TRAIL_LOG_GROUP_ARN,
        message: 'could not evaluate: logs:DescribeMetricFilters failed in us-east-1 (AccessDenied: User is not authorized)',
      });
    });

    it('cloudwatch:DescribeAlarms, but a filter known to miss an event still FAILs', () => {
      const s = withError(monitoringSnapshot({ ...chain, alarms: undefined }), { service: 'cloudwatch', operation: 'DescribeAlarms', region: 'us-east-1' });
      expect(run(s).message).toBe('could not evaluate: cloudwatch:DescribeAlarms failed in us-east-1 (AccessDenied: User is not authorized)');
      const missing = withError(monitoringSnapshot({ metricFilters: [metricFilter(ID, WITHOUT_DETACH_GROUP)], alarms: undefined }), { service: 'cloudwatch', operation: 'DescribeAlarms', region: 'us-east-1' });
      expect(run(missing).status).toBe('FAIL');
    });

    it('sns:ListSubscriptions, unless the alarm fails anyway', () => {
      const s = withError(monitoringSnapshot({ ...chain, snsSubscriptions: undefined }), { service: 'sns', operation: 'ListSubscriptions', region: 'us-east-1' });
      expect(run(s).message).toBe('could not evaluate: sns:ListSubscriptions failed in us-east-1 (AccessDenied: User is not authorized)');
      const disabled = monitoringSnapshot({ ...chain, alarms: [metricAlarm(ID, { actionsEnabled: false })], snsSubscriptions: undefined });
      expect(run(disabled).status).toBe('FAIL');
    });

    it('a region that was not collected', () => {
      const base = monitoringSnapshot(chain);
      const { 'us-east-1': _gone, ...rest } = base.regional;
      expect(run({ ...base, regional: rest }).message).toBe('could not evaluate: logs:DescribeMetricFilters not collected in us-east-1');
    });

    it('cloudtrail:DescribeTrails, and a logging area never collected', () => {
      const s = withError(loggingSnapshot({ logging: {} }), { service: 'cloudtrail', operation: 'DescribeTrails' });
      expect(run(s)).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('cloudtrail:DescribeTrails failed (AccessDenied') });
      expect(run(snapshot())).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('logging was not collected') });
    });

    it('a trail that would pass but whose status could not be read', () => {
      const s = withError(monitoringSnapshot(chain, { trails: [cloudTrail('management-events', { isLogging: null })] }), {
        service: 'cloudtrail',
        operation: 'GetTrailStatus',
        region: 'us-east-1',
      });
      const o = run(s);
      expect(o.status).toBe('UNKNOWN');
      expect(o.message).toMatch(/^could not evaluate: log group .*, but whether trail management-events qualifies is unknown: cloudtrail:GetTrailStatus failed in us-east-1/);
      // The same trail without the chain FAILs: nothing the call could say would make it pass.
      expect(run(withError(monitoringSnapshot({}, { trails: [cloudTrail('management-events', { isLogging: null })] }), { service: 'cloudtrail', operation: 'GetTrailStatus' })).status).toBe('FAIL');
    });
  });

  describe('without a trail delivering to CloudWatch Logs', () => {
    it('fails pointing at cloudtrail-cloudwatch-logs, on the account', () => {
      const o = run(monitoringSnapshot(chain, { trails: [cloudTrail('main', { cloudWatchLogsLogGroupArn: null })] }));
      expect(o).toMatchObject({
        status: 'FAIL',
        resource: `arn:aws:::${ACCOUNT}`,
        message: 'no multi-region trail delivers to CloudWatch Logs; see cloudtrail-cloudwatch-logs',
      });
      expect(o.remediation!.summary).toMatch(/^First deliver the multi-region trail/);
      expect(run(monitoringSnapshot(chain, { trails: [] })).status).toBe('FAIL');
    });

    it('says which delivering trails do not qualify, and why', () => {
      const trails = [cloudTrail('management-events', { isMultiRegion: false }), cloudTrail('stopped', { isLogging: false })];
      expect(run(monitoringSnapshot(chain, { trails })).message).toBe(
        'no multi-region trail delivers to CloudWatch Logs (trail management-events delivers to cloudtrail/management-events but is single-region (home us-east-1); ' +
          'trail stopped delivers to cloudtrail/stopped but is not logging); see cloudtrail-cloudwatch-logs',
      );
    });
  });
});

describe('parseLogGroupArn', () => {
  it('reads region, account and name, with or without the ":*" CloudTrail keeps', () => {
    const expected = { arn: TRAIL_LOG_GROUP_ARN, region: 'us-east-1', account: ACCOUNT, name: TRAIL_LOG_GROUP };
    expect(parseLogGroupArn(`${TRAIL_LOG_GROUP_ARN}:*`)).toEqual(expected);
    expect(parseLogGroupArn(TRAIL_LOG_GROUP_ARN)).toEqual(expected);
    expect(parseLogGroupArn('arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:trail.logs_1:*')).toMatchObject({ region: 'us-gov-west-1', name: 'trail.logs_1' });
    expect(parseLogGroupArn('cloudtrail/main')).toBeNull();
  });
});
