// Where the monitoring alarms must look: the CloudWatch Logs log groups that "that trail" (logging/trails.ts:
// multi-region, logging, read and write management events; organization trails count) delivers to. The same
// qualification as cloudtrail-cloudwatch-logs, so "see cloudtrail-cloudwatch-logs" always points at a check that
// fails for the same reason.
import type { Trail } from '../../inventory/schema/logging.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { TrailAssessment } from '../logging/trails.js';
import { listing } from '../logging/text.js';
import { assessTrail, readTrails, trailLabel } from '../logging/trails.js';
import type { Outcome } from '../types.js';

export interface LogGroup {
  /** Without the ":*" suffix CloudTrail's setting carries: the logGroupArn form. */
  arn: string;
  region: string;
  account: string;
  name: string;
}

/** arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail/main:* (the ":*" is optional). */
const LOG_GROUP_ARN = /^(arn:[^:]+:logs:([^:]+):([^:]*):log-group:(.+?))(?::\*)?$/;

export function parseLogGroupArn(arn: string): LogGroup | null {
  const m = LOG_GROUP_ARN.exec(arn);
  return m ? { arn: m[1]!, region: m[2]!, account: m[3]!, name: m[4]! } : null;
}

export interface Delivery {
  logGroup: LogGroup;
  /** Qualifying trails that deliver there. */
  trails: Trail[];
  /** Trails that deliver there and may qualify: a call about them failed (GetTrailStatus, GetEventSelectors). */
  maybe: TrailAssessment[];
}

export type DeliveriesRead =
  | { ok: true; deliveries: Delivery[]; /** "trail x delivers but is not logging", for the FAIL without deliveries. */ rejected: string[] }
  | { ok: false; outcome: Outcome };

/** The log groups the trail delivers to, each once (an organization trail and a local one may share one). */
export function trailDeliveries(snapshot: AccountSnapshot): DeliveriesRead {
  const read = readTrails(snapshot);
  if (!read.ok) return read;
  const byArn = new Map<string, Delivery>();
  const rejected: string[] = [];
  for (const trail of read.trails) {
    // A setting that is not a log group ARN cannot be looked up; treat it as no delivery.
    const logGroup = trail.cloudWatchLogsLogGroupArn ? parseLogGroupArn(trail.cloudWatchLogsLogGroupArn) : null;
    if (!logGroup) continue;
    const a = assessTrail(trail);
    if (a.reasons.length) {
      rejected.push(`${trailLabel(trail)} delivers to ${logGroup.name} but ${listing(a.reasons)}`);
      continue;
    }
    const d = byArn.get(logGroup.arn) ?? { logGroup, trails: [], maybe: [] };
    if (a.missing.length) d.maybe.push(a);
    else d.trails.push(trail);
    byArn.set(logGroup.arn, d);
  }
  // Sure deliveries first: their verdict is the one that counts.
  const deliveries = [...byArn.values()].sort((x, y) => Number(y.trails.length > 0) - Number(x.trails.length > 0));
  return { ok: true, deliveries, rejected };
}
