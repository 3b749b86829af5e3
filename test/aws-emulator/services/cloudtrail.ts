// CloudTrail: awsJson1_1, `CloudTrail_20131101.Op`. What a region sees: the trails whose home it is, and the
// "shadow" of every multi-region trail (an organization trail shows in each member account the same way).
// A trail is named by its name in its home region only; elsewhere it takes the ARN, as AWS requires. The writes apply
// makes are in cloudtrail-writes.ts; LookupEvents, the events of the last 90 days, in cloudtrail-lookup.ts.
import { ApiError } from '../errors.js';
import type { JsonService, RequestContext } from '../service.js';
import type { TrailState } from '../world-logging.js';
import { lookupEvents } from './cloudtrail-lookup.js';
import { cloudtrailWriteOperations } from './cloudtrail-writes.js';

const DEFAULT_SELECTORS = [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];

const regionOf = (ctx: RequestContext): string => ctx.region ?? 'us-east-1';

/** Trails that apply to the caller's account in the request's region; shadows of other regions' trails too, if asked. */
function visibleTrails(ctx: RequestContext, includeShadows: boolean): TrailState[] {
  const region = regionOf(ctx);
  const account = ctx.world.account.id;
  return ctx.world.logging.trails.filter((t) => {
    const home = t.homeRegion === region && t.account === account;
    return home || (includeShadows && t.multiRegion && (t.account === account || t.organization));
  });
}

function findTrail(ctx: RequestContext, nameOrArn: unknown, member: string): TrailState {
  if (typeof nameOrArn !== 'string' || !nameOrArn) throw new ApiError('InvalidTrailNameException', `${member} is required`, 400);
  const account = ctx.world.account.id;
  if (nameOrArn.startsWith('arn:')) {
    if (!/^arn:[\w-]+:cloudtrail:[a-z0-9-]+:\d{12}:trail\/[\w.-]+$/.test(nameOrArn)) {
      throw new ApiError('CloudTrailARNInvalidException', `${nameOrArn} is not a valid CloudTrail ARN`, 400);
    }
    const trail = visibleTrails(ctx, true).find((t) => t.arn === nameOrArn);
    if (trail) return trail;
  } else {
    const trail = visibleTrails(ctx, false).find((t) => t.name === nameOrArn);
    if (trail) return trail;
  }
  throw new ApiError('TrailNotFoundException', `Unknown trail: ${nameOrArn} for the user: ${account}`, 400);
}

function describe(t: TrailState, partition: string): Record<string, unknown> {
  const kmsKeyArn = t.kmsKeyId && !t.kmsKeyId.startsWith('arn:') ? `arn:${partition}:kms:${t.homeRegion}:${t.account}:key/${t.kmsKeyId}` : t.kmsKeyId;
  return {
    Name: t.name,
    S3BucketName: t.bucket,
    S3KeyPrefix: t.prefix,
    IncludeGlobalServiceEvents: t.includeGlobalServiceEvents,
    IsMultiRegionTrail: t.multiRegion,
    HomeRegion: t.homeRegion,
    TrailARN: t.arn,
    LogFileValidationEnabled: t.logFileValidation,
    CloudWatchLogsLogGroupArn: t.cloudWatchLogsLogGroupArn,
    CloudWatchLogsRoleArn: t.roleArn,
    KmsKeyId: kmsKeyArn,
    HasCustomEventSelectors: Boolean(t.eventSelectors ?? t.advancedEventSelectors),
    HasInsightSelectors: false,
    IsOrganizationTrail: t.organization,
  };
}

const fieldSelector = (f: NonNullable<TrailState['advancedEventSelectors']>[number]['fieldSelectors'][number]) => ({
  Field: f.field,
  Equals: f.equals,
  NotEquals: f.notEquals,
  StartsWith: f.startsWith,
  NotStartsWith: f.notStartsWith,
  EndsWith: f.endsWith,
  NotEndsWith: f.notEndsWith,
});

export const cloudtrail: JsonService = {
  name: 'cloudtrail',
  signingName: 'cloudtrail',
  protocol: 'awsJson1_1',
  targetPrefix: 'CloudTrail_20131101',
  operations: {
    DescribeTrails(input, ctx) {
      const includeShadows = input['includeShadowTrails'] !== false;
      const wanted = Array.isArray(input['trailNameList']) ? (input['trailNameList'] as unknown[]).filter((x) => typeof x === 'string') : [];
      // Unknown names are left out, not errors: AWS answers with what it found.
      const trails = visibleTrails(ctx, includeShadows).filter((t) => wanted.length === 0 || wanted.includes(t.name) || wanted.includes(t.arn));
      return { trailList: trails.map((t) => describe(t, ctx.world.account.partition)) };
    },

    GetTrailStatus(input, ctx) {
      const trail = findTrail(ctx, input['Name'], 'Name');
      const lastDelivery = new Date(ctx.now.getTime() - 5 * 60_000);
      const started = new Date(ctx.now.getTime() - 90 * 86_400_000);
      return {
        IsLogging: trail.logging,
        StartLoggingTime: started,
        ...(trail.logging ? {} : { StopLoggingTime: new Date(ctx.now.getTime() - 86_400_000) }),
        LatestDeliveryTime: lastDelivery,
        ...(trail.logFileValidation ? { LatestDigestDeliveryTime: lastDelivery } : {}),
        ...(trail.cloudWatchLogsLogGroupArn ? { LatestCloudWatchLogsDeliveryTime: lastDelivery } : {}),
      };
    },

    GetEventSelectors(input, ctx) {
      const trail = findTrail(ctx, input['TrailName'], 'TrailName');
      if (trail.advancedEventSelectors) {
        return {
          TrailARN: trail.arn,
          AdvancedEventSelectors: trail.advancedEventSelectors.map((s) => ({ Name: s.name, FieldSelectors: s.fieldSelectors.map(fieldSelector) })),
        };
      }
      const selectors = trail.eventSelectors
        ? trail.eventSelectors.map((s) => ({
            ReadWriteType: s.readWriteType,
            IncludeManagementEvents: s.includeManagementEvents,
            DataResources: s.dataResources.map((d) => ({ Type: d.type, Values: d.values })),
            ExcludeManagementEventSources: s.excludeManagementEventSources,
          }))
        : DEFAULT_SELECTORS;
      return { TrailARN: trail.arn, EventSelectors: selectors };
    },
    LookupEvents: lookupEvents,
    ...cloudtrailWriteOperations({ findTrail, describe }),
  },
};
