// Account-wide IAM settings: password policy, alias, server certificates.
import type { QueryParams, RequestContext } from '../../service.js';
import { paginate } from './paging.js';
import { noSuchEntity } from './shapes.js';

export function getAccountPasswordPolicy(_params: QueryParams, ctx: RequestContext) {
  const policy = ctx.world.passwordPolicy;
  if (!policy) throw noSuchEntity(`The Password Policy with domain name ${ctx.world.account.id} cannot be found.`);
  return {
    PasswordPolicy: {
      MinimumPasswordLength: policy.minimumPasswordLength,
      RequireSymbols: policy.requireSymbols,
      RequireNumbers: policy.requireNumbers,
      RequireUppercaseCharacters: policy.requireUppercaseCharacters,
      RequireLowercaseCharacters: policy.requireLowercaseCharacters,
      AllowUsersToChangePassword: policy.allowUsersToChangePassword,
      ExpirePasswords: policy.maxPasswordAge !== undefined,
      MaxPasswordAge: policy.maxPasswordAge,
      PasswordReusePrevention: policy.passwordReusePrevention,
      HardExpiry: policy.hardExpiry,
    },
  };
}

export function listAccountAliases(_params: QueryParams, ctx: RequestContext) {
  const alias = ctx.world.account.alias;
  return { AccountAliases: alias ? [alias] : [], IsTruncated: false };
}

export function listServerCertificates(params: QueryParams, ctx: RequestContext) {
  const prefix = params['PathPrefix'] ?? '/';
  const page = paginate(
    ctx.world.serverCertificates.filter((c) => c.path.startsWith(prefix)),
    params,
  );
  return {
    ServerCertificateMetadataList: page.items.map((c) => ({
      Path: c.path,
      ServerCertificateName: c.name,
      ServerCertificateId: c.id,
      Arn: c.arn,
      UploadDate: c.uploaded,
      Expiration: c.expiration,
    })),
    ...page.fields,
  };
}
