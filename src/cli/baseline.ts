// What `rampart plan` and `rampart apply` share: the spec (or the seeds' defaults), the live snapshot, who is
// calling, and the plan made from them.
import type { Command } from 'commander';
import { createSession, type Session } from '../aws/session.js';
import { defaultSpec, loadSpec, SpecNotFoundError } from '../baseline/load-spec.js';
import { callerOf, makePlan, planRegions } from '../baseline/plan.js';
import type { BaselineSpec } from '../baseline/spec.js';
import type { PlanContext, Step } from '../baseline/types.js';
import { InputError } from '../util/errors.js';
import { addAwsOptions, collectWithSession, type AwsOptions } from './collect.js';
import type { Io } from './main.js';

export interface SpecOptions {
  spec: string;
  defaults?: boolean;
}

export const DEFAULT_SPEC_FILE = 'rampart.yaml';

export const addBaselineOptions = (cmd: Command): Command =>
  addAwsOptions(
    cmd
      .option('--spec <file>', 'the baseline spec', DEFAULT_SPEC_FILE)
      .option('--defaults', "when the spec file does not exist, plan the seeds' defaults instead"),
  );

/** The spec file, validated; a missing file is an error unless --defaults says to take the seeds' defaults. */
export async function resolveSpec(opts: SpecOptions): Promise<BaselineSpec> {
  try {
    return await loadSpec(opts.spec);
  } catch (err) {
    if (!(err instanceof SpecNotFoundError)) throw err;
    if (opts.defaults) return defaultSpec();
    throw new InputError(`${opts.spec}: no such file (start from examples/rampart.yaml, or pass --defaults to use the seeds' defaults)`);
  }
}

export interface PlannedAccount {
  session: Session;
  context: PlanContext;
  steps: Step[];
}

/** Reads the spec first (bad input fails before any AWS call), then collects every area and plans. */
export async function planFromAws(opts: SpecOptions & AwsOptions, io: Io): Promise<PlannedAccount> {
  const spec = await resolveSpec(opts);
  const session = createSession({ profile: opts.profile, region: opts.region });
  try {
    await session.getCredentialsOrFail();
    // The key id only: whether the session has long-term keys (AKIA), which never carry MFA (the force-MFA guard).
    const { accessKeyId } = await session.credentials();
    const regions = opts.regions?.length ? opts.regions : spec.regions;
    const snapshot = await collectWithSession(session, { ...opts, ...(regions ? { regions } : {}) }, io);
    warnAboutFailedReads(snapshot.errors, io);
    const context: PlanContext = { snapshot, spec, caller: callerOf(snapshot, accessKeyId), regions: planRegions(snapshot, spec, session.region) };
    return { session, context, steps: makePlan(context) };
  } catch (err) {
    session.close();
    throw err;
  }
}

/** A read that failed leaves its part of the plan unsure: say so once, with the first few calls. */
function warnAboutFailedReads(errors: readonly { service: string; operation: string; code: string; region: string | null }[], io: Io): void {
  if (!errors.length) return;
  const shown = errors.slice(0, 3).map((e) => `${e.service}:${e.operation}${e.region ? ` in ${e.region}` : ''} (${e.code})`);
  const more = errors.length > shown.length ? ` and ${errors.length - shown.length} more` : '';
  io.stderr.write(`rampart: warning: ${errors.length} read${errors.length === 1 ? '' : 's'} failed: ${shown.join(', ')}${more}; the steps that depend on them may be incomplete\n`);
}
