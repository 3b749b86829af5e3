// The IAM Identity Center portal (SSO): restJson1, unsigned, the bearer token in `x-amz-sso_bearer_token`.
// GetRoleCredentials for a permission set in an account of the emulated organization (organization.ts).
import { ApiError } from '../errors.js';
import type { RestJsonService } from '../service.js';

export const sso: RestJsonService = {
  name: 'sso',
  signingName: 'awsssoportal',
  protocol: 'restJson1',
  // Unsigned: routed by path, ahead of S3's `/{Bucket}/{Key+}`.
  pathPrefix: '/federation/',
  routes: [
    {
      method: 'GET',
      path: '/federation/credentials',
      operation: 'GetRoleCredentials',
      handler(req, ctx) {
        const token = req.headers['x-amz-sso_bearer_token'];
        if (typeof token !== 'string' || !ctx.org) throw new ApiError('UnauthorizedException', 'Session token not found or invalid', 401);
        return { body: ctx.org.ssoRoleCredentials(token, req.query.get('account_id') ?? '', req.query.get('role_name') ?? '', ctx.now) };
      },
    },
  ],
};
