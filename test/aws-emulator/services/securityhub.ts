// Security Hub: restJson1. DescribeHub says whether the region's hub is on; an account that never subscribed
// gets InvalidAccessException (HTTP 401) "not subscribed", which is what AWS answers, not a 404.
import { ApiError } from '../errors.js';
import type { RestJsonService } from '../service.js';
import { at, factsHere, regionOf } from './region-facts.js';

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
  ],
};
