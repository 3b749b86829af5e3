// GuardDuty: restJson1 with lowercase member names. One detector per region at most, as AWS allows.
import { ApiError } from '../errors.js';
import type { RequestContext, RestJsonService } from '../service.js';
import { at, factsHere, page, pageStart, regionOf, stableHex } from './region-facts.js';

const MAX_RESULTS = 50;

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
  ],
};
