// STS: awsQuery, 2011-06-15. GetCallerIdentity answers for the access key that signed the request.
import { ApiError } from '../errors.js';
import type { QueryService } from '../service.js';

export const sts: QueryService = {
  name: 'sts',
  signingName: 'sts',
  protocol: 'awsQuery',
  version: '2011-06-15',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  operations: {
    GetCallerIdentity(_params, ctx) {
      const caller = ctx.accessKeyId ? ctx.world.callers.get(ctx.accessKeyId) : undefined;
      if (!caller) throw new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      return { Arn: caller.arn, UserId: caller.userId, Account: caller.account };
    },
  },
};
