// S3 Control: restXml under /v20180820/, the account in the `x-amz-account-id` header. Signs as `s3`, like S3
// itself, so its pathPrefix is what sets it apart.
import { ApiError } from '../errors.js';
import type { RestRequest, RestXmlService } from '../service.js';
import type { World } from '../world.js';
import { publicAccessBlockReply } from './s3.js';

function checkAccount(req: RestRequest, world: World): void {
  const id = req.headers['x-amz-account-id'];
  if (id !== world.account.id) {
    throw new ApiError('AccessDenied', `Access Denied: account ${String(id ?? '(missing)')} is not the caller's account`, 403);
  }
}

export const s3control: RestXmlService = {
  name: 's3control',
  signingName: 's3',
  protocol: 'restXml',
  pathPrefix: '/v20180820/',
  xmlns: 'http://awss3control.amazonaws.com/doc/2018-08-20/',
  errorWrapper: 'ErrorResponse',
  routes: [
    {
      method: 'GET',
      path: '/v20180820/configuration/publicAccessBlock',
      operation: 'GetPublicAccessBlock',
      handler(req, ctx) {
        checkAccount(req, ctx.world);
        return publicAccessBlockReply(ctx.world.s3PublicAccessBlock, { AccountId: ctx.world.account.id });
      },
    },
    {
      method: 'PUT',
      path: '/v20180820/configuration/publicAccessBlock',
      operation: 'PutPublicAccessBlock',
      handler(req, ctx) {
        checkAccount(req, ctx.world);
        const xml = req.body.toString('utf8');
        if (!/<PublicAccessBlockConfiguration[\s>]/.test(xml)) throw new ApiError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
        // A setting left out is false, as S3 Control stores it.
        const setting = (name: string) => new RegExp(`<${name}>\\s*true\\s*</${name}>`).test(xml);
        ctx.world.s3PublicAccessBlock = {
          blockPublicAcls: setting('BlockPublicAcls'),
          ignorePublicAcls: setting('IgnorePublicAcls'),
          blockPublicPolicy: setting('BlockPublicPolicy'),
          restrictPublicBuckets: setting('RestrictPublicBuckets'),
        };
        return {};
      },
    },
  ],
};
