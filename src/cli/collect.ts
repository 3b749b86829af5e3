// Collecting from AWS for a command: credentials up front (exit 3 if none), progress on stderr.
import type { Command } from 'commander';
import { createSession, type Session } from '../aws/session.js';
import { collectSnapshot, type CollectArea } from '../inventory/collect.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import type { Io } from './main.js';
import { list } from './options.js';
import { createProgress } from './progress.js';

export interface AwsOptions {
  profile?: string;
  region?: string;
  regions?: string[];
  quiet?: boolean;
}

/** `multiProfile`: --profile may be repeated (the audit of several accounts); the option value is then a list. */
export const addAwsOptions = (cmd: Command, { multiProfile = false } = {}): Command =>
  (multiProfile
    ? cmd.option('--profile <name>', 'AWS profile from ~/.aws/config; repeat it to audit several accounts in one report', (v: string, prev: string[] = []) => [...prev, v])
    : cmd.option('--profile <name>', 'AWS profile from ~/.aws/config (default: the standard credential chain)'))
    .option('--region <region>', 'home region, for the calls that are not per region (default: AWS_REGION, the profile, us-east-1)')
    .option('--regions <list>', 'audit only these regions (comma-separated, repeatable; default: every region the account has enabled)', list);

/** `scope`: the areas to collect (the selected checks'); default all. */
export async function collectFromAws(opts: AwsOptions, io: Io, scope?: CollectArea[]): Promise<AccountSnapshot> {
  const session = createSession({ profile: opts.profile, region: opts.region });
  await session.getCredentialsOrFail();
  return collectWithSession(session, opts, io, scope);
}

/** For a command that goes on using the session after collecting (apply); credentials already checked. */
export async function collectWithSession(session: Session, opts: AwsOptions, io: Io, scope?: CollectArea[]): Promise<AccountSnapshot> {
  const progress = createProgress(io.stderr, !opts.quiet);
  try {
    return await collectSnapshot(session, { onProgress: progress.onProgress, regions: opts.regions, ...(scope ? { scope } : {}) });
  } finally {
    progress.stop();
  }
}
