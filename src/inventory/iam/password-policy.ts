// The account password policy. An account that never set one answers NoSuchEntity: that is a fact
// about the account (null, "no policy"), not a failure to collect.
import { GetAccountPasswordPolicyCommand, type IAMClient, type PasswordPolicy as AwsPasswordPolicy } from '@aws-sdk/client-iam';
import { awsErrorCode } from '../../aws/errors.js';
import { call, type FailureLog } from '../context.js';
import type { PasswordPolicy } from '../snapshot.js';

/** AWS reports "never expires" and "no reuse limit" as absent (or 0 from some emulators). */
const positiveOrNull = (n: number | undefined): number | null => (n !== undefined && n > 0 ? n : null);

export const toPasswordPolicy = (p: AwsPasswordPolicy): PasswordPolicy => ({
  minimumLength: p.MinimumPasswordLength ?? null,
  requireSymbols: p.RequireSymbols ?? false,
  requireNumbers: p.RequireNumbers ?? false,
  requireUppercase: p.RequireUppercaseCharacters ?? false,
  requireLowercase: p.RequireLowercaseCharacters ?? false,
  allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
  maxPasswordAge: positiveOrNull(p.MaxPasswordAge),
  passwordReusePrevention: positiveOrNull(p.PasswordReusePrevention),
  hardExpiry: p.HardExpiry ?? false,
});

export async function collectPasswordPolicy(iam: IAMClient, failures: FailureLog): Promise<PasswordPolicy | null> {
  return call(failures, { service: 'iam', operation: 'GetAccountPasswordPolicy' }, async () => {
    try {
      const { PasswordPolicy: policy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
      return policy ? toPasswordPolicy(policy) : null;
    } catch (err) {
      if (awsErrorCode(err) === 'NoSuchEntity') return null;
      throw err;
    }
  });
}
