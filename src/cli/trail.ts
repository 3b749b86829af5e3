// `rampart trail hunt` (read CloudTrail, find compromise) and `rampart trail athena` (the same detections on Athena).
import type { Command } from 'commander';
import { athenaScript } from '../trail/athena.js';
import { TrailEngine } from '../trail/engine.js';
import { atOrAbove, hunt, worstSeverity } from '../trail/hunt.js';
import { scanLocal } from '../trail/local-files.js';
import { renderHuntCsv, renderHuntJson, renderHuntText, type HuntReport } from '../trail/render.js';
import type { SourceProblem } from '../trail/source.js';
import { createSession } from '../aws/session.js';
import { FailureLog } from '../inventory/context.js';
import { chooseRegions, listRegions } from '../inventory/regions.js';
import { LOOKUP_RETENTION_MS, lookupEventsSource } from '../trail/sources/lookup-events.js';
import { s3Source } from '../trail/sources/s3.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { durationSeconds } from '../util/duration.js';
import { InputError } from '../util/errors.js';
import { assertWritable } from '../util/writable.js';
import { addAwsOptions, type AwsOptions } from './collect.js';
import type { CommandState, Io } from './main.js';
import { failOn, list, oneOf, type FailOn } from './options.js';

interface HuntOptions extends AwsOptions {
  s3?: string;
  lookup?: boolean;
  account: string[];
  accessKey?: string;
  principal?: string;
  since?: Date;
  until?: Date;
  format: 'text' | 'json' | 'csv';
  output?: string;
  failOn: FailOn;
}

interface AthenaOptions {
  bucket: string;
  prefix?: string;
  account: string[];
  regions: string[];
  database: string;
}

export function registerTrail(program: Command, io: Io, state: CommandState): void {
  const trail = program.command('trail').description('hunt for compromise in CloudTrail logs');
  const huntCommand = trail
    .command('hunt')
    .description('read CloudTrail files and directories, run every detection, print incidents with their timelines')
    .argument('[paths...]', 'CloudTrail files or directories ({"Records":[...]} .json/.json.gz, JSON arrays, JSON Lines)')
    .option('--s3 <uri>', "read a trail's bucket: s3://bucket[/prefix] (only the day folders between --since and --until; default the last 30 days)")
    .option('--lookup', 'read the LookupEvents API in every enabled region (management events of the last 90 days, 2 requests/s per region)')
    .option('--account <ids>', 'with --s3: only these accounts\' folders (comma-separated, repeatable)', list, [])
    .option('--access-key <id>', 'the full timeline of one access key (AKIA... or ASIA...)', accessKeyId)
    .option('--principal <arn>', 'the full timeline of one identity', principalArn)
    .option('--since <time>', 'only events at or after this time (2026-11-20, 2026-11-20T03:00Z, or 7d / 12h / 30m ago)', time('--since'))
    .option('--until <time>', 'only events before this time (a date, a time, or 7d / 12h ago)', time('--until'))
    .option('--format <format>', 'text, json or csv', oneOf('--format', ['text', 'json', 'csv'] as const), 'text')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when an incident of this severity or worse is found (or none)', failOn, 'high')
    .option('-q, --quiet', 'no progress on stderr');
  addAwsOptions(huntCommand).action(async (paths: string[], opts: HuntOptions) => {
    if (paths.length === 0 && !opts.s3 && !opts.lookup) throw new InputError('trail hunt needs CloudTrail files or directories, --s3 s3://bucket/prefix or --lookup');
    if (opts.since && opts.until && opts.since >= opts.until) throw new InputError('--since must be before --until');
    if (opts.output) await assertWritable(opts.output);
    const problems: SourceProblem[] = [];
    const report = (p: SourceProblem) => {
      problems.push(p);
      io.stderr.write(`rampart: ${p.origin}: ${p.message}\n`);
    };
    const scan = await scanLocal(paths);
    for (const p of scan.problems) report(p);
    const engine = await TrailEngine.open();
    let huntReport: HuntReport;
    try {
      await engine.loadFiles(scan.files, report);
      if (opts.s3 || opts.lookup) await loadFromAws(engine, opts, io, report);
      // An event can be read twice: a bucket and LookupEvents, or two trails logging the same events into folders
      // under one path. Counted twice it would double bursts and timelines (0.2 s at 2 million events).
      const dropped = await engine.dropDuplicateEvents();
      if (dropped > 0 && !opts.quiet) io.stderr.write(`rampart: ${dropped} events read more than once (same event id) counted once\n`);
      const events = await engine.count();
      if (events === 0 && paths.length > 0 && !opts.s3 && !opts.lookup && (problems.length > 0 || scan.files.length === 0)) {
        throw new InputError(`no readable CloudTrail events in ${paths.join(', ')}`);
      }
      const result = await hunt(engine, opts);
      huntReport = { ...result, files: scan.files.length, problems };
    } finally {
      await engine.close();
    }
    const text = opts.format === 'json' ? renderHuntJson(huntReport) : opts.format === 'csv' ? renderHuntCsv(huntReport) : renderHuntText(huntReport);
    if (opts.output) await writeFileAtomic(opts.output, text, { mode: 0o600 });
    else io.stdout.write(text);
    const worst = worstSeverity(huntReport);
    state.exitCode = opts.failOn !== 'none' && worst !== undefined && atOrAbove(worst, opts.failOn) ? 1 : 0;
  });
  trail
    .command('athena')
    .description("print Athena DDL for a trail's bucket, an `events` view and every detection as an Athena query")
    .requiredOption('--bucket <name>', 'the S3 bucket the trail delivers to')
    .option('--prefix <prefix>', 'the trail\'s S3 key prefix, if it has one')
    .option('--account <ids>', 'account ids whose logs are in the bucket (required; comma-separated, repeatable)', list, [])
    .option('--regions <names>', 'regions to query (comma-separated; default: the 17 regions enabled by default)', list, [])
    .option('--database <name>', 'Glue database for the table and view', 'default')
    .action((opts: AthenaOptions) => {
      io.stdout.write(athenaScript(opts));
    });
}

const DAY_MS = 86_400_000;
/** --s3 without --since: a month of logs, enough for most questions, without reading a whole bucket by accident. */
const S3_DEFAULT_DAYS = 30;

/** The AWS sources: an S3 trail bucket and/or LookupEvents, with the caller's credentials (exit 3 without any). */
async function loadFromAws(engine: TrailEngine, opts: HuntOptions, io: Io, report: (p: SourceProblem) => void): Promise<void> {
  const session = createSession({ profile: opts.profile, region: opts.region });
  try {
    await session.getCredentialsOrFail();
    const progress = (message: string) => {
      if (!opts.quiet) io.stderr.write(`rampart: ${message}\n`);
    };
    const until = opts.until ?? new Date();
    if (opts.s3) {
      const since = opts.since ?? new Date(until.getTime() - S3_DEFAULT_DAYS * DAY_MS);
      const regions = opts.regions?.length ? { regions: opts.regions } : {};
      await engine.loadSource(s3Source({ uri: opts.s3, since, until, ...regions, ...(opts.account.length ? { accounts: opts.account } : {}), session, progress }), report);
    }
    if (opts.lookup) {
      const failures = new FailureLog();
      const regions = chooseRegions(await listRegions(session, failures, LOOKUP_LIST_TIMEOUT_MS), opts.regions, failures.entries[0]?.message).audited;
      const since = opts.since ?? new Date(until.getTime() - LOOKUP_RETENTION_MS);
      await engine.loadSource(lookupEventsSource({ regions, since, until, session, progress }), report);
    }
  } finally {
    session.close();
  }
}

const LOOKUP_LIST_TIMEOUT_MS = 30_000;

const ACCESS_KEY = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
function accessKeyId(value: string): string {
  if (!ACCESS_KEY.test(value)) throw new InputError(`--access-key expects an access key id (AKIA or ASIA and 16 letters or digits), got "${value}"`);
  return value;
}

function principalArn(value: string): string {
  if (!/^arn:aws[a-z-]*:(iam|sts)::/.test(value)) throw new InputError(`--principal expects an IAM or STS ARN (arn:aws:iam::123456789012:user/name), got "${value}"`);
  return value;
}

function time(flag: string) {
  return (value: string): Date => {
    // `7d`, `12h`, `30m`: that long ago (a bare number is not: `2026` is no duration here).
    const ago = durationSeconds(value, 'required');
    if (ago !== undefined) return new Date(Date.now() - ago * 1000);
    const full = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
    const t = Date.parse(full);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new InputError(`${flag} expects an ISO 8601 date or time (2026-11-20, 2026-11-20T03:00Z), got "${value}"`);
    return new Date(t);
  };
}
