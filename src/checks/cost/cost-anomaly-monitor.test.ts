import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, snapshot, withFailedCall } from '../../../test/fixtures/snapshot.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { costAnomalyMonitor } from './cost-anomaly-monitor.js';

type Cost = NonNullable<AccountSnapshot['cost']>;
const run = (cost: Cost, s: AccountSnapshot = snapshot({ cost })) => {
  const outcomes = costAnomalyMonitor.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const MONITOR = `arn:aws:ce::${ACCOUNT}:anomalymonitor/1`;
const monitor = { arn: MONITOR, name: 'aws-services', type: 'DIMENSIONAL' };
const subscription = (monitorArns = [MONITOR], subscribers = [{ type: 'EMAIL', address: 'ops@example.com' }]) => ({
  arn: `arn:aws:ce::${ACCOUNT}:anomalysubscription/1`,
  name: 'daily',
  monitorArns,
  frequency: 'DAILY',
  subscribers,
});

describe('cost-anomaly-monitor', () => {
  it('passes on a monitor with a subscription that names it', () => {
    expect(run({ anomalyMonitors: [monitor], anomalySubscriptions: [subscription()] })).toEqual({
      status: 'PASS',
      resource: `arn:aws:::${ACCOUNT}`,
      message: 'anomaly monitor aws-services alerts through subscription daily (DAILY)',
    });
  });

  it('fails without a monitor', () => {
    expect(run({ anomalyMonitors: [], anomalySubscriptions: [] })).toMatchObject({ status: 'FAIL', message: 'no Cost Anomaly Detection monitor' });
  });

  it('fails when no subscription names the monitor or it has no subscriber', () => {
    const message = 'anomaly monitor(s) aws-services have no subscription with a subscriber';
    expect(run({ anomalyMonitors: [monitor], anomalySubscriptions: [] })).toMatchObject({ status: 'FAIL', message });
    expect(run({ anomalyMonitors: [monitor], anomalySubscriptions: [subscription(['arn:aws:ce::1:anomalymonitor/other'])] }).message).toBe(message);
    expect(run({ anomalyMonitors: [monitor], anomalySubscriptions: [subscription([MONITOR], [])] }).message).toBe(message);
  });

  it('is UNKNOWN naming the call that failed', () => {
    const noMonitors = withFailedCall(snapshot({ cost: { anomalySubscriptions: [] } }), { service: 'ce', operation: 'GetAnomalyMonitors' });
    expect(run({}, noMonitors).message).toContain('ce:GetAnomalyMonitors failed (AccessDenied');
    const noSubs = withFailedCall(snapshot({ cost: { anomalyMonitors: [monitor] } }), { service: 'ce', operation: 'GetAnomalySubscriptions' });
    expect(run({}, noSubs)).toMatchObject({ status: 'UNKNOWN' });
    expect(run({}, noSubs).message).toContain('ce:GetAnomalySubscriptions failed (AccessDenied');
  });

  it('still fails without monitors when the subscriptions could not be read: nothing could name one', () => {
    expect(run({ anomalyMonitors: [] }).status).toBe('FAIL');
  });
});
