// Security Hub: restJson1. DescribeHub says whether the region's hub is on; an account that never subscribed
// gets InvalidAccessException (HTTP 401) "not subscribed", which is what AWS answers, not a 404. EnableSecurityHub
// subscribes the region (its own facts only); a second time is ResourceConflictException (409).
import { ApiError } from '../errors.js';
import type { RegionFacts } from '../scenario-regional.js';
import type { RestJsonService, RestRequest } from '../service.js';
import { at, factsHere, regionOf } from './region-facts.js';
import { findingRoutes } from './securityhub-findings.js';

/** The JSON body of a write; InvalidInputException when it is not an object. */
function bodyOf(req: RestRequest): Record<string, unknown> {
  try {
    const parsed: unknown = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    /* answered below */
  }
  throw new ApiError('InvalidInputException', 'The request body is not valid JSON.', 400);
}

export const securityhub: RestJsonService = {
  name: 'securityhub',
  signingName: 'securityhub',
  protocol: 'restJson1',
  routes: [
    {
      method: 'GET',
      path: '/accounts',
      operation: 'DescribeHub',
      handler(_req, ctx) {
        const hub = factsHere(ctx).securityHub;
        const { id: account, partition } = ctx.world.account;
        if (!hub) throw new ApiError('InvalidAccessException', `Account ${account} is not subscribed to AWS Security Hub`, 401);
        return {
          body: {
            HubArn: `arn:${partition}:securityhub:${regionOf(ctx)}:${account}:hub/default`,
            // An ISO string in Security Hub's model.
            SubscribedAt: at(hub.subscribed, ctx).toISOString(),
            AutoEnableControls: hub.autoEnableControls,
            ControlFindingGenerator: 'SECURITY_CONTROL',
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/accounts',
      operation: 'EnableSecurityHub',
      handler(req, ctx) {
        const body = bodyOf(req);
        const { id: account } = ctx.world.account;
        if (factsHere(ctx).securityHub) throw new ApiError('ResourceConflictException', `Account ${account} is already subscribed to Security Hub`, 409);
        if (body['EnableDefaultStandards'] !== undefined && typeof body['EnableDefaultStandards'] !== 'boolean') {
          throw new ApiError('InvalidInputException', 'EnableDefaultStandards must be a boolean', 400);
        }
        const regional = ctx.world.regional as Record<string, RegionFacts>;
        const own = (regional[regionOf(ctx)] ??= {} as RegionFacts);
        own.securityHub = { subscribed: ctx.now.toISOString(), autoEnableControls: true };
        return { body: {} };
      },
    },
    ...findingRoutes,
  ],
};
