// The account password policy (seed 003, CIS 2.7-2.11): 14 characters, all four character classes, expiry 90
// days, 24 remembered, users may change their own. UpdateAccountPasswordPolicy replaces the whole policy, so the
// policy sent is the stricter of the account's and the spec's, setting by setting: a stricter account keeps what it has.
import { GetAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { toPasswordPolicy } from '../../inventory/iam/password-policy.js';
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import type { BaselineSpec } from '../spec.js';
import type { ApplyContext, Planner, Step } from '../types.js';
import { iamClient, notCollected, orNull } from './iam-common.js';

export type DesiredPasswordPolicy = Exclude<BaselineSpec['passwordPolicy'], false>;

export const PASSWORD_POLICY_STEP = 'password-policy';
const ACTIONS = ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy'];

const FLAGS = [
  ['requireSymbols', 'require symbols'],
  ['requireNumbers', 'require numbers'],
  ['requireUppercase', 'require uppercase letters'],
  ['requireLowercase', 'require lowercase letters'],
  ['allowUsersToChangePassword', 'let users change their own password'],
] as const;

const minNonNull = (a: number | null, b: number): number => (a === null ? b : Math.min(a, b));
const maxNonNull = (a: number | null, b: number): number => (a === null ? b : Math.max(a, b));

/** The stricter of the account's policy and the spec's, setting by setting. */
export function mergePasswordPolicy(current: PasswordPolicy | null, desired: DesiredPasswordPolicy): PasswordPolicy {
  return {
    minimumLength: maxNonNull(current?.minimumLength ?? null, desired.minimumLength),
    requireSymbols: desired.requireSymbols || (current?.requireSymbols ?? false),
    requireNumbers: desired.requireNumbers || (current?.requireNumbers ?? false),
    requireUppercase: desired.requireUppercase || (current?.requireUppercase ?? false),
    requireLowercase: desired.requireLowercase || (current?.requireLowercase ?? false),
    allowUsersToChangePassword: desired.allowUsersToChangePassword || (current?.allowUsersToChangePassword ?? false),
    maxPasswordAge: minNonNull(current?.maxPasswordAge ?? null, desired.maxPasswordAge),
    passwordReusePrevention: maxNonNull(current?.passwordReusePrevention ?? null, desired.passwordReusePrevention),
    hardExpiry: current?.hardExpiry ?? false,
  };
}

/** What `target` changes in `current`, in words ("minimum length 8 -> 14"); empty when nothing. */
export function passwordPolicyChanges(current: PasswordPolicy | null, target: PasswordPolicy): string[] {
  const changes: string[] = [];
  if ((current?.minimumLength ?? 0) !== target.minimumLength) changes.push(`minimum length ${current?.minimumLength ?? 'default'} -> ${target.minimumLength}`);
  for (const [key, words] of FLAGS) if (target[key] && !current?.[key]) changes.push(words);
  if ((current?.maxPasswordAge ?? null) !== target.maxPasswordAge) {
    changes.push(`expire after ${target.maxPasswordAge} days (now ${current?.maxPasswordAge ? `${current.maxPasswordAge} days` : 'never'})`);
  }
  if ((current?.passwordReusePrevention ?? null) !== target.passwordReusePrevention) {
    changes.push(`remember ${target.passwordReusePrevention} passwords (now ${current?.passwordReusePrevention ?? 'none'})`);
  }
  return changes;
}

/** "14+ characters, symbols, numbers, upper and lower case, expires after 90 days, remembers 24, users may change it". */
export function describePasswordPolicy(p: PasswordPolicy): string {
  const classes = [p.requireSymbols && 'symbols', p.requireNumbers && 'numbers', p.requireUppercase && 'uppercase', p.requireLowercase && 'lowercase'].filter(Boolean);
  return [
    `${p.minimumLength ?? 8}+ characters`,
    classes.length ? `requires ${classes.join(', ')}` : 'no character classes required',
    p.maxPasswordAge ? `expires after ${p.maxPasswordAge} days` : 'never expires',
    p.passwordReusePrevention ? `remembers ${p.passwordReusePrevention}` : 'reuse allowed',
    p.allowUsersToChangePassword ? 'users may change it' : 'users may not change it',
  ].join(', ');
}

async function readPolicy(ctx: ApplyContext): Promise<PasswordPolicy | null> {
  const out = await orNull(() => iamClient(ctx).send(new GetAccountPasswordPolicyCommand({})));
  return out?.PasswordPolicy ? toPasswordPolicy(out.PasswordPolicy) : null;
}

async function run(ctx: ApplyContext, desired: DesiredPasswordPolicy): Promise<string> {
  const current = await readPolicy(ctx);
  const target = mergePasswordPolicy(current, desired);
  if (passwordPolicyChanges(current, target).length === 0) return `password policy already as strict as the spec (${describePasswordPolicy(target)})`;
  await iamClient(ctx).send(
    new UpdateAccountPasswordPolicyCommand({
      MinimumPasswordLength: target.minimumLength ?? undefined,
      RequireSymbols: target.requireSymbols,
      RequireNumbers: target.requireNumbers,
      RequireUppercaseCharacters: target.requireUppercase,
      RequireLowercaseCharacters: target.requireLowercase,
      AllowUsersToChangePassword: target.allowUsersToChangePassword,
      MaxPasswordAge: target.maxPasswordAge ?? undefined,
      PasswordReusePrevention: target.passwordReusePrevention ?? undefined,
      HardExpiry: target.hardExpiry,
    }),
  );
  const after = await readPolicy(ctx);
  const missing = passwordPolicyChanges(after, target);
  if (missing.length) throw new Error(`the password policy was updated but still lacks: ${missing.join('; ')}`);
  return `password policy set: ${describePasswordPolicy(target)}`;
}

export const passwordPolicyPlanner: Planner = {
  id: 'password-policy',
  plan(ctx) {
    const desired = ctx.spec.passwordPolicy;
    if (desired === false) return [];
    const current = ctx.snapshot.iam.passwordPolicy;
    const base = {
      id: PASSWORD_POLICY_STEP,
      title: 'Password policy',
      actions: ACTIONS,
      // It protects the admin user's first password, which the first-day bootstrap (as root) creates.
      rootAllowed: true,
      run: (apply: ApplyContext) => run(apply, desired),
    };
    if (current === undefined) return [{ ...base, kind: 'update', detail: notCollected('the password policy') }];
    const target = mergePasswordPolicy(current, desired);
    const changes = passwordPolicyChanges(current, target);
    if (current === null) return [{ ...base, kind: 'create', detail: `no password policy (AWS default: 8 characters); set ${describePasswordPolicy(target)}` }];
    if (!changes.length) {
      const { run: _run, ...noop } = base;
      return [{ ...noop, kind: 'noop', detail: `already as strict as the spec or stricter: ${describePasswordPolicy(current)}` }];
    }
    return [{ ...base, kind: 'update', detail: `strengthen: ${changes.join('; ')} (settings stricter than the spec are kept)` } satisfies Step];
  },
};
