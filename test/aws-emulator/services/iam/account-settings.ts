// Account-wide IAM settings: password policy, alias, server certificates; setting the policy and the alias.
import { ApiError } from '../../errors.js';
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

/** A whole-number parameter within [min, max], or the fallback when absent. */
function intParam(params: QueryParams, key: string, min: number, max: number, fallback: number): number {
  const raw = params[key];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    const member = key.charAt(0).toLowerCase() + key.slice(1);
    throw new ApiError('ValidationError', `1 validation error detected: Value '${raw}' at '${member}' failed to satisfy constraint: Member must have value between ${min} and ${max}`, 400);
  }
  return n;
}

/** Replaces the whole policy: what the request leaves out goes back to IAM's default, as AWS does. */
export function updateAccountPasswordPolicy(params: QueryParams, ctx: RequestContext) {
  const flag = (key: string) => params[key] === 'true';
  const maxAge = intParam(params, 'MaxPasswordAge', 1, 1095, 0);
  const reuse = intParam(params, 'PasswordReusePrevention', 1, 24, 0);
  ctx.world.passwordPolicy = {
    minimumPasswordLength: intParam(params, 'MinimumPasswordLength', 6, 128, 8),
    requireSymbols: flag('RequireSymbols'),
    requireNumbers: flag('RequireNumbers'),
    requireUppercaseCharacters: flag('RequireUppercaseCharacters'),
    requireLowercaseCharacters: flag('RequireLowercaseCharacters'),
    allowUsersToChangePassword: flag('AllowUsersToChangePassword'),
    ...(maxAge ? { maxPasswordAge: maxAge } : {}),
    ...(reuse ? { passwordReusePrevention: reuse } : {}),
    hardExpiry: flag('HardExpiry'),
  };
  return {};
}

const ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

/** An account has one alias: a new one replaces the old (whose sign-in URL stops working), as AWS does. */
export function createAccountAlias(params: QueryParams, ctx: RequestContext) {
  const alias = params['AccountAlias'] ?? '';
  if (!ALIAS.test(alias)) {
    throw new ApiError('ValidationError', `1 validation error detected: Value '${alias}' at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`, 400);
  }
  ctx.world.account.alias = alias;
  return {};
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
