// What every password-policy check shares: reading the policy (absent / none / set) and one remediation command.
import type { AccountSnapshot, PasswordPolicy } from '../../inventory/snapshot.js';
import { accountResource, fail, unknown } from '../support.js';
import type { Outcome, Remediation } from '../types.js';

const OPERATIONS = ['iam:GetAccountPasswordPolicy'];

/** Without a custom policy AWS applies its default: 8 characters, 3 of the 4 character types, never expires, reuse allowed. */
export const NO_POLICY = 'no password policy: AWS default applies (8 characters, 3 of 4 character types, no expiry, no reuse prevention)';

/**
 * One result for the account: UNKNOWN when the policy was not collected, FAIL when there is none (the requirement is
 * unmet, not inapplicable: users exist or can be created under the weak default), else what `judge` says.
 */
export function judgePolicy(snapshot: AccountSnapshot, judge: (policy: PasswordPolicy, resource: string) => Outcome): Outcome[] {
  const resource = accountResource(snapshot);
  const policy = snapshot.iam.passwordPolicy;
  if (policy === undefined) return [unknown(snapshot, resource, OPERATIONS)];
  if (policy === null) return [fail(resource, NO_POLICY)];
  return [judge(policy, resource)];
}

/**
 * update-account-password-policy replaces the whole policy: every setting left out goes back to its default.
 * So each check gives the full command with all of CHECKS.md's defaults, never just the one flag it is about.
 */
export function policyRemediation(summary: string): Remediation {
  return {
    summary: `${summary} The CLI command sets the whole policy: settings it leaves out reset to their defaults.`,
    console: [
      'Open the IAM console, then Account settings in the left menu',
      'Under Password policy, click Edit, then choose Custom',
      'Set a minimum length of 14; require uppercase, lowercase, numbers and non-alphanumeric characters',
      'Turn on password expiration at 90 days, prevent reuse of the last 24 passwords, and allow users to change their own password',
      'Click Save changes',
    ],
    cli: [
      'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers ' +
        '--require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password ' +
        '--max-password-age 90 --password-reuse-prevention 24',
      'aws iam get-account-password-policy',
    ],
  };
}
