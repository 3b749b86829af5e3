// Where the monitoring facts are worth asking for. The CIS alarms only count on the log groups the trails
// deliver to, and the billing metric exists only in us-east-1: asking every region for its alarms, filters and
// subscriptions would cost three calls per region for facts no check reads. Without the trails (their call
// failed, or logging is not collected) every audited region is asked, as nothing says where to look.
import type { FanOutInputs } from '../regional.js';

/** The billing metric's only region. */
export const BILLING_REGION = 'us-east-1';

export interface TrailLogGroup {
  readonly region: string;
  readonly account: string;
  readonly name: string;
}

/** `arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/DefaultLogGroup:*` -> its region, account and name. */
export function parseLogGroupArn(arn: string): TrailLogGroup | undefined {
  const match = /^arn:[^:]+:logs:([^:]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(arn);
  return match ? { region: match[1]!, account: match[2]!, name: match[3]! } : undefined;
}

/** The log groups the trails deliver to, or undefined when the trails are not known. */
export function trailLogGroups(inputs: FanOutInputs): TrailLogGroup[] | undefined {
  const trails = inputs.logging?.trails;
  if (!trails) return undefined;
  const groups = trails.flatMap((t) => {
    const group = t.cloudWatchLogsLogGroupArn ? parseLogGroupArn(t.cloudWatchLogsLogGroupArn) : undefined;
    return group ? [group] : [];
  });
  return groups.filter((g, i) => groups.findIndex((o) => o.region === g.region && o.name === g.name) === i);
}

export function metricFilterRegions(inputs: FanOutInputs): readonly string[] {
  const groups = trailLogGroups(inputs);
  return groups ? [...new Set(groups.map((g) => g.region))] : inputs.audited;
}

/** Alarms (and the SNS subscriptions their actions reach): the trails' log group regions and the billing region. */
export function alarmRegions(inputs: FanOutInputs): readonly string[] {
  const groups = trailLogGroups(inputs);
  return groups ? [...new Set([BILLING_REGION, ...groups.map((g) => g.region)])] : inputs.audited;
}
