// Every trail that applies to the account, with its status and event selectors. One DescribeTrails with shadow
// trails in the session's region lists the multi-region trails of every home region and the organization trails;
// a single-region trail of another region is not among them, and no check needs it (the logging checks ask for a
// multi-region trail). Status and selectors are asked in each trail's home region, by ARN, once per trail.
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type GetEventSelectorsCommandOutput,
  type Trail as AwsTrail,
} from '@aws-sdk/client-cloudtrail';
import { mapLimited } from '../../aws/limiter.js';
import type { Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import type { EventSelectors, Trail } from '../schema/logging.js';
import type { Timed } from '../timed.js';

/** Trails asked about at once: an account has a handful; an organization's management account may have more. */
const TRAIL_CONCURRENCY = 4;

/** `arn:aws:cloudtrail:eu-west-1:123456789012:trail/main` -> eu-west-1. */
export const regionOfTrailArn = (arn: string | undefined): string | undefined => arn?.split(':')[3] || undefined;

export function toEventSelectors(out: Pick<GetEventSelectorsCommandOutput, 'EventSelectors' | 'AdvancedEventSelectors'>): EventSelectors {
  return {
    basic: (out.EventSelectors ?? []).map((s) => ({
      readWriteType: s.ReadWriteType ?? 'All',
      includeManagementEvents: s.IncludeManagementEvents ?? true,
      dataResources: (s.DataResources ?? []).map((d) => ({ type: d.Type ?? '', values: d.Values ?? [] })),
    })),
    advanced: (out.AdvancedEventSelectors ?? []).map((s) => ({
      name: s.Name ?? null,
      fieldSelectors: (s.FieldSelectors ?? []).map((f) => ({
        field: f.Field ?? '',
        ...(f.Equals ? { equals: f.Equals } : {}),
        ...(f.NotEquals ? { notEquals: f.NotEquals } : {}),
        ...(f.StartsWith ? { startsWith: f.StartsWith } : {}),
        ...(f.NotStartsWith ? { notStartsWith: f.NotStartsWith } : {}),
        ...(f.EndsWith ? { endsWith: f.EndsWith } : {}),
        ...(f.NotEndsWith ? { notEndsWith: f.NotEndsWith } : {}),
      })),
    })),
  };
}

export const toTrail = (t: AwsTrail, homeRegion: string, isLogging: boolean | null, eventSelectors: EventSelectors | null): Trail => ({
  name: t.Name ?? '',
  arn: t.TrailARN ?? '',
  homeRegion,
  isMultiRegion: t.IsMultiRegionTrail ?? false,
  isOrganizationTrail: t.IsOrganizationTrail ?? false,
  s3BucketName: t.S3BucketName ?? null,
  s3KeyPrefix: t.S3KeyPrefix ?? null,
  kmsKeyId: t.KmsKeyId ?? null,
  logFileValidation: t.LogFileValidationEnabled ?? false,
  cloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn ?? null,
  cloudWatchLogsRoleArn: t.CloudWatchLogsRoleArn ?? null,
  isLogging,
  eventSelectors,
});

/** Each trail once: by ARN, as the same trail can be listed again (a shadow, or a second listing region). */
export function uniqueTrails(trails: readonly AwsTrail[]): AwsTrail[] {
  const seen = new Set<string>();
  return trails.filter((t) => {
    const key = t.TrailARN ?? `${t.HomeRegion ?? ''}/${t.Name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function collectTrails(session: Session, failures: FailureLog, timed: Timed): Promise<Trail[]> {
  const region = session.region;
  const listing = session.client(CloudTrailClient, { region });
  const described = await call(failures, { service: 'cloudtrail', operation: 'DescribeTrails', region }, () =>
    timed(`cloudtrail:DescribeTrails in ${region}`, (abortSignal) =>
      listing.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal }),
    ),
  );

  return mapLimited(uniqueTrails(described.trailList ?? []), TRAIL_CONCURRENCY, async (t) => {
    const home = regionOfTrailArn(t.TrailARN) ?? t.HomeRegion ?? region;
    const cloudtrail = session.client(CloudTrailClient, { region: home });
    // The ARN, not the name: outside the home region (and for another account's organization trail) only the ARN names it.
    const id = t.TrailARN ?? t.Name ?? '';
    const [status, selectors] = await Promise.all([
      attempt(failures, { service: 'cloudtrail', operation: 'GetTrailStatus', region: home }, () =>
        timed(`cloudtrail:GetTrailStatus in ${home}`, (abortSignal) => cloudtrail.send(new GetTrailStatusCommand({ Name: id }), { abortSignal })),
      ),
      attempt(failures, { service: 'cloudtrail', operation: 'GetEventSelectors', region: home }, () =>
        timed(`cloudtrail:GetEventSelectors in ${home}`, (abortSignal) =>
          cloudtrail.send(new GetEventSelectorsCommand({ TrailName: id }), { abortSignal }),
        ),
      ),
    ]);
    return toTrail(t, home, status ? (status.value.IsLogging ?? null) : null, selectors ? toEventSelectors(selectors.value) : null);
  });
}
