// GuardDuty: restJson1 with lowercase member names. One detector per region at most, as AWS allows. CreateDetector
// and UpdateDetector (enable, or re-enable a suspended one) change the region's own facts.
import { ApiError } from '../errors.js';
import type { RequestContext, RestJsonService, RestRequest } from '../service.js';
import { at, factsHere, ownFacts, page, pageStart, regionOf, stableHex } from './region-facts.js';

const MAX_RESULTS = 50;

const notOwned = () =>
  new ApiError('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.', 400, 'Sender', {
    type: 'InvalidInputException',
  });

/** The JSON body of a write; BadRequestException when it is not an object. */
function bodyOf(req: RestRequest): Record<string, unknown> {
  try {
    const parsed: unknown = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    /* answered below */
  }
  throw new ApiError('BadRequestException', 'The request is rejected because the JSON could not be processed.', 400);
}

function detectorsHere(ctx: RequestContext) {
  return (factsHere(ctx).guardDutyDetectors ?? []).map((d, i) => ({
    ...d,
    id: d.id ?? stableHex(32, ctx.world.account.id, regionOf(ctx), 'guardduty', String(i)),
  }));
}

export const guardduty: RestJsonService = {
  name: 'guardduty',
  signingName: 'guardduty',
  protocol: 'restJson1',
  routes: [
    {
      method: 'GET',
      path: '/detector',
      operation: 'ListDetectors',
      handler(req, ctx) {
        const max = Number(req.query.get('maxResults') ?? MAX_RESULTS);
        if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS) {
          throw new ApiError('BadRequestException', 'The request is rejected because an invalid or out-of-range value is specified as an input parameter.', 400);
        }
        const { items, next } = page(detectorsHere(ctx), pageStart(req.query.get('nextToken') ?? undefined, 'BadRequestException'), max);
        return { body: { detectorIds: items.map((d) => d.id), nextToken: next } };
      },
    },
    {
      method: 'GET',
      path: '/detector/{DetectorId}',
      operation: 'GetDetector',
      handler(req, ctx) {
        const detector = detectorsHere(ctx).find((d) => d.id === req.labels['DetectorId']);
        if (!detector) {
          throw new ApiError('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.', 400, 'Sender', {
            type: 'InvalidInputException',
          });
        }
        // GuardDuty's timestamps are ISO strings in its model, not epoch seconds.
        const created = at(detector.created, ctx).toISOString();
        return {
          body: {
            createdAt: created,
            findingPublishingFrequency: 'SIX_HOURS',
            serviceRole: `arn:${ctx.world.account.partition}:iam::${ctx.world.account.id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
            status: detector.status,
            updatedAt: created,
            tags: {},
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/detector',
      operation: 'CreateDetector',
      handler(req, ctx) {
        const body = bodyOf(req);
        if (typeof body['enable'] !== 'boolean') throw new ApiError('BadRequestException', 'The request is rejected because the enable parameter is missing.', 400);
        if (detectorsHere(ctx).length > 0) throw new ApiError('BadRequestException', 'The request is rejected because a detector already exists for the current account.', 400);
        const detectors = ownFacts(ctx, 'guardDutyDetectors');
        const id = stableHex(32, ctx.world.account.id, regionOf(ctx), 'guardduty', String(detectors.length));
        detectors.push({ id, status: body['enable'] ? 'ENABLED' : 'DISABLED', created: ctx.now.toISOString() });
        return { body: { detectorId: id, unprocessedDataSources: {} } };
      },
    },
    {
      method: 'POST',
      path: '/detector/{DetectorId}',
      operation: 'UpdateDetector',
      handler(req, ctx) {
        const body = bodyOf(req);
        const index = detectorsHere(ctx).findIndex((d) => d.id === req.labels['DetectorId']);
        const detector = ownFacts(ctx, 'guardDutyDetectors')[index];
        if (!detector) throw notOwned();
        detector.id ??= req.labels['DetectorId'];
        if (typeof body['enable'] === 'boolean') detector.status = body['enable'] ? 'ENABLED' : 'DISABLED';
        return { body: {} };
      },
    },
  ],
};
