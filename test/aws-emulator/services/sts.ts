// STS: awsQuery, 2011-06-15. GetCallerIdentity answers for the access key that signed the request.
import { ApiError } from '../errors.js';
import type { XmlValue } from '../protocols/xml.js';
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
    // Into another account of the emulated organization (organization.ts); same-account roles are not emulated here.
    AssumeRole(params, ctx) {
      const caller = ctx.accessKeyId ? ctx.world.callers.get(ctx.accessKeyId) : undefined;
      if (!caller) throw new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      const roleArn = String(params.RoleArn ?? '');
      const sessionName = String(params.RoleSessionName ?? '');
      if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) throw new ApiError('ValidationError', `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint`, 400);
      if (!ctx.org) throw new ApiError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
      return ctx.org.assumeRole(caller, roleArn, sessionName, ctx.now) as XmlValue;
    },
  },
};
