// Collecting from AWS for a command: credentials up front (exit 3 if none), progress on stderr.
import type { Command } from 'commander';
import { createSession } from '../aws/session.js';
import { collectSnapshot } from '../inventory/collect.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import type { Io } from './main.js';
import { createProgress } from './progress.js';

export interface AwsOptions {
  profile?: string;
  region?: string;
  quiet?: boolean;
}

export const addAwsOptions = (cmd: Command): Command =>
  cmd
    .option('--profile <name>', 'AWS profile from ~/.aws/config (default: the standard credential chain)')
    .option('--region <region>', 'region for regional calls (default: AWS_REGION, the profile, us-east-1)');

export async function collectFromAws(opts: AwsOptions, io: Io): Promise<AccountSnapshot> {
  const session = createSession({ profile: opts.profile, region: opts.region });
  await session.getCredentialsOrFail();
  const progress = createProgress(io.stderr, !opts.quiet);
  try {
    return await collectSnapshot(session, { onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
}
