// STS: awsQuery, 2011-06-15. GetCallerIdentity answers for the access key that signed the request; a key just
// created is refused for a while (scenario `sts.newKeyDelay`). GetSessionToken and AssumeRole check the MFA code
// (scenario `sts.mfaCode`) and hand out session credentials that then sign as their caller.
import { ApiError } from '../errors.js';
import type { XmlValue } from '../protocols/xml.js';
import type { QueryParams, QueryService, RequestContext } from '../service.js';
import { callerFromArn, type Caller } from '../world.js';
import { randomKeyId, randomSecret } from './iam/access-keys.js';

const invalidToken = () => new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);

function signingCaller(ctx: RequestContext): Caller {
  const id = ctx.accessKeyId;
  const caller = id ? ctx.world.callers.get(id) : undefined;
  if (!id || !caller) throw invalidToken();
  const propagating = ctx.world.sts.propagating.get(id);
  if (propagating) {
    if (propagating.callsLeft > 0 || Date.now() < propagating.until) {
      propagating.callsLeft = Math.max(0, propagating.callsLeft - 1);
      throw invalidToken();
    }
    ctx.world.sts.propagating.delete(id);
  }
  return caller;
}

function duration(params: QueryParams, min: number, max: number, fallback: number): number {
  const raw = params['DurationSeconds'];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ApiError('ValidationError', `1 validation error detected: Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${n < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`}`, 400);
  }
  return n;
}

/** AWS's answers: a code that is not the device's, or a serial that is not the caller's device. */
function checkMfa(params: QueryParams, ctx: RequestContext, caller: Caller, required: boolean): boolean {
  const serial = params['SerialNumber'];
  const code = params['TokenCode'];
  if (!serial && !code) {
    if (required) throw new ApiError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${params['RoleArn'] ?? ''}`, 403);
    return false;
  }
  const { world } = ctx;
  const devices = caller.isRoot ? [world.root.mfaSerial] : (world.users.find((u) => u.name === caller.userName)?.mfaDevices.map((d) => d.serial) ?? []);
  if (!serial || !devices.includes(serial)) {
    throw new ApiError('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.', 403);
  }
  if (code !== world.sts.mfaCode) throw new ApiError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', 403);
  return true;
}

function issue(ctx: RequestContext, caller: Caller, seconds: number) {
  const id = randomKeyId('ASIA');
  const secret = randomSecret();
  ctx.world.callers.set(id, caller);
  ctx.world.sts.sessionSecrets.set(id, secret);
  return {
    AccessKeyId: id,
    SecretAccessKey: secret,
    SessionToken: `FwoGZXIvYXdzE${randomSecret()}${randomSecret()}`,
    Expiration: new Date(Math.floor(ctx.now.getTime() / 1000) * 1000 + seconds * 1000),
  };
}

const isSession = (ctx: RequestContext) => ctx.accessKeyId?.startsWith('ASIA') === true;

export const sts: QueryService = {
  name: 'sts',
  signingName: 'sts',
  protocol: 'awsQuery',
  version: '2011-06-15',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  operations: {
    GetCallerIdentity(_params, ctx) {
      const caller = signingCaller(ctx);
      return { Arn: caller.arn, UserId: caller.userId, Account: caller.account };
    },
    GetSessionToken(params, ctx) {
      const caller = signingCaller(ctx);
      if (isSession(ctx)) throw new ApiError('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403);
      const seconds = duration(params, 900, caller.isRoot ? 3600 : 129_600, caller.isRoot ? 3600 : 43_200);
      checkMfa(params, ctx, caller, false);
      return { Credentials: issue(ctx, caller, seconds) };
    },
    AssumeRole(params, ctx) {
      const caller = signingCaller(ctx);
      const roleArn = params['RoleArn'] ?? '';
      const sessionName = params['RoleSessionName'] ?? '';
      if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) throw new ApiError('ValidationError', `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`, 400);
      // Into another account of an emulated organization (organization.ts): that member's world answers the session.
      if (ctx.org && roleArn.split(':')[4] !== ctx.world.account.id) return ctx.org.assumeRole(caller, roleArn, sessionName, ctx.now) as XmlValue;
      const role = ctx.world.roles.find((r) => r.arn === roleArn);
      if (!role) throw new ApiError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
      checkMfa(params, ctx, caller, role.trustPolicy.includes('aws:MultiFactorAuthPresent'));
      const seconds = duration(params, 900, role.maxSessionDuration, 3600);
      const session = callerFromArn(ctx.world, `arn:${ctx.world.account.partition}:sts::${ctx.world.account.id}:assumed-role/${role.name}/${sessionName}`, undefined);
      return {
        Credentials: issue(ctx, session, seconds),
        AssumedRoleUser: { AssumedRoleId: session.userId, Arn: session.arn },
      };
    },
  },
};
