import { describe, expect, it } from 'vitest';
import { ACCOUNT, cloudTrail, loggingSnapshot, options, snapshot } from '../../../test/fixtures/snapshot.js';
import { cloudtrailCloudwatchLogs } from './cloudtrail-cloudwatch-logs.js';

const run = (s: ReturnType<typeof snapshot>) => {
  const out = cloudtrailCloudwatchLogs.evaluate(s, options());
  expect(out).toHaveLength(1);
  return out[0]!;
};

describe('cloudtrail-cloudwatch-logs', () => {
  it('passes a qualifying trail delivering to a log group, naming the group', () => {
    expect(run(loggingSnapshot())).toMatchObject({
      status: 'PASS',
      resource: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`,
      message: 'trail management-events delivers to CloudWatch Logs log group cloudtrail/management-events (us-east-1)',
    });
  });

  it('fails a qualifying trail without CloudWatch Logs, with the update-trail command filled in', () => {
    const o = run(loggingSnapshot({ trails: [cloudTrail('main', { cloudWatchLogsLogGroupArn: null, cloudWatchLogsRoleArn: null })] }));
    expect(o).toMatchObject({ status: 'FAIL', message: 'trail main does not deliver to CloudWatch Logs: no metric filter or alarm can see its events' });
    expect(o.remediation?.cli).toContain('aws logs create-log-group --log-group-name cloudtrail/main --region us-east-1');
  });

  it('does not count a single-region trail that delivers', () => {
    const trails = [cloudTrail('main', { cloudWatchLogsLogGroupArn: null }), cloudTrail('local', { isMultiRegion: false })];
    expect(run(loggingSnapshot({ trails })).status).toBe('FAIL');
  });

  it('lists every qualifying trail when none delivers', () => {
    const trails = [cloudTrail('a', { cloudWatchLogsLogGroupArn: null }), cloudTrail('b', { cloudWatchLogsLogGroupArn: null })];
    const o = run(loggingSnapshot({ trails }));
    expect(o).toMatchObject({ status: 'FAIL', resource: `arn:aws:::${ACCOUNT}` });
    expect(o.message).toMatch(/^trail a does not deliver .*; trail b does not deliver/);
    expect(o.remediation?.cli).toEqual(expect.arrayContaining([expect.stringContaining('--name a '), expect.stringContaining('--name b ')]));
  });

  it('fails "see cloudtrail-multi-region" without a qualifying trail, UNKNOWN without logging data', () => {
    expect(run(loggingSnapshot({ trails: [] })).message).toContain('see cloudtrail-multi-region');
    expect(run(snapshot()).status).toBe('UNKNOWN');
  });
});
