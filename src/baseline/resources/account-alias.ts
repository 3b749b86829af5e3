// The account alias: the sign-in URL the seeds tell people to bookmark, https://ALIAS.signin.aws.amazon.com/console.
// An account has one alias, and a new one replaces the old, whose URL then stops working: an existing different
// alias is replaced only when the spec says `replaceAccountAlias: true`.
import { CreateAccountAliasCommand, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import type { ApplyContext, Planner, Step } from '../types.js';
import { iamClient, notCollected } from './iam-common.js';

export const ACCOUNT_ALIAS_STEP = 'account-alias';
const ACTIONS = ['iam:ListAccountAliases', 'iam:CreateAccountAlias'];

export const signInUrlFor = (alias: string): string => `https://${alias}.signin.aws.amazon.com/console`;

async function currentAlias(ctx: ApplyContext): Promise<string | null> {
  const out = await iamClient(ctx).send(new ListAccountAliasesCommand({}));
  return out.AccountAliases?.[0] ?? null;
}

async function run(ctx: ApplyContext, alias: string, replace: boolean): Promise<string> {
  const before = await currentAlias(ctx);
  if (before === alias) return `alias already ${alias}: sign in at ${signInUrlFor(alias)}`;
  if (before !== null && !replace) {
    throw new Error(`the account's alias is now ${before}, not ${alias}; set replaceAccountAlias: true to replace it (the old sign-in URL stops working)`);
  }
  // Alias names are global: EntityAlreadyExists here means another account has it.
  await iamClient(ctx).send(new CreateAccountAliasCommand({ AccountAlias: alias }));
  const after = await currentAlias(ctx);
  if (after !== alias) throw new Error(`the account alias is ${after ?? 'not set'} after setting it to ${alias}`);
  const replaced = before ? ` (replaced ${before}; ${signInUrlFor(before)} no longer works)` : '';
  return `alias set to ${alias}: sign in at ${signInUrlFor(alias)}${replaced}`;
}

export const accountAliasPlanner: Planner = {
  id: 'account-alias',
  plan(ctx) {
    const alias = ctx.spec.accountAlias;
    if (alias === undefined || alias === false) return [];
    const replace = ctx.spec.replaceAccountAlias === true;
    const current = ctx.snapshot.account.alias;
    const base = { id: ACCOUNT_ALIAS_STEP, title: `Account alias ${alias}`, actions: ACTIONS };
    const runnable = { ...base, run: (apply: ApplyContext) => run(apply, alias, replace) };
    const url = signInUrlFor(alias);
    // A failed ListAccountAliases leaves the alias null: unknown, not "none".
    if (ctx.snapshot.errors.some((e) => e.operation === 'ListAccountAliases')) return [{ ...runnable, kind: 'update', detail: notCollected('the account alias') }];
    if (current === alias) return [{ ...base, kind: 'noop', detail: `alias is ${alias}: sign in at ${url}` }];
    if (current === null) return [{ ...runnable, kind: 'create', detail: `create alias ${alias}: sign in at ${url}` }];
    const detail = `replace alias ${current} with ${alias}: sign in at ${url} (${signInUrlFor(current)} stops working)`;
    const step: Step = { ...runnable, kind: 'update', detail };
    if (!replace) step.refused = `the account already has alias ${current}; replacing it breaks the sign-in URL people bookmarked: set replaceAccountAlias: true in rampart.yaml to replace it, or accountAlias: ${current} to keep it`;
    return [step];
  },
};
