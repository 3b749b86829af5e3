// `rampart scan [paths...]`: find AWS credentials in files, trees and stdin. Sources are built here and handed to
// the scanner as a list, so another source (git history, the staged changes) plugs in as one more entry.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { scan } from '../secrets/scan.js';
import { fileSource, streamSource, treeSource, type TreeOptions } from '../secrets/walk.js';
import { InputError } from '../util/errors.js';
import { cannotRead } from '../util/unreadable.js';
import type { CommandState, Io } from './main.js';
import { detectSecrets } from '../secrets/detect.js';
import { emptyStats } from '../secrets/git/scan-stats.js';
import type { Source } from '../secrets/source.js';
import { addGitOptions, describeStats, gitSources, runInstallHook, wantsGit, type GitScanOptions } from './scan-git.js';
import { oneOf, positiveInt } from './options.js';

export interface ScanOptions extends GitScanOptions {
  format: 'text' | 'json' | 'sarif';
  output?: string;
  baseline?: string;
  writeBaseline?: string;
  maxFileSize: number;
  includeBinary?: boolean;
  threads: number;
  verify?: boolean;
}

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
// Past a few threads the walk, on one of them, is what the others wait for.
const DEFAULT_THREADS = Math.min(availableParallelism(), 8);

export function registerScan(program: Command, io: Io, state: CommandState): void {
  const cmd = program
    .command('scan')
    .description('find AWS credentials (access keys, secrets, session tokens, Bedrock API keys) in files')
    .argument('[paths...]', 'files and directories to scan (`-` for standard input)', ['.'])
    .option('--format <format>', 'text, json or sarif', oneOf('--format', ['text', 'json', 'sarif'] as const), 'text')
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output')
    .option('--baseline <file>', 'accept the findings whose fingerprints this baseline file lists')
    .option('--write-baseline <file>', 'write every current finding to this baseline file and exit 0')
    .option('--max-file-size <size>', 'skip files larger than this (bytes, or with K/M/G; 0 = no limit)', fileSize, DEFAULT_MAX_FILE_SIZE)
    .option('--include-binary', 'scan binary files too (skipped by default)')
    .option('--threads <n>', 'read files on up to this many threads in a large tree, at most one per CPU (1: one thread)', positiveInt('--threads'), DEFAULT_THREADS)
    .option('--verify', 'ask AWS STS GetCallerIdentity whether each found key pair is live (sends the pair to AWS)');
  addGitOptions(cmd).action(async (paths: string[], opts: ScanOptions) => {
    if (opts.installHook) {
      await runInstallHook(resolve(paths[0] ?? '.'), opts, io);
      return;
    }
    // What only some scans use is loaded when they do: start-up is most of a pre-commit hook's time.
    if (opts.output || opts.writeBaseline) {
      const { assertWritable } = await import('../util/writable.js');
      if (opts.output) await assertWritable(opts.output);
      if (opts.writeBaseline) await assertWritable(opts.writeBaseline);
    }
    // The baseline file's schema brings zod, whose import takes longer than scanning a small tree.
    const baseline = opts.baseline && !opts.writeBaseline ? await (await import('../secrets/baseline.js')).loadBaseline(opts.baseline) : undefined;
    const stats = emptyStats();
    const sources = wantsGit(opts)
      ? [gitFindings(paths, opts, stats)]
      : await pathSources(paths, { maxFileSize: opts.maxFileSize, includeBinary: opts.includeBinary === true, threads: Math.min(opts.threads, availableParallelism()) }, io);
    let report = await scan(sources, baseline ? { baseline } : {});
    if (wantsGit(opts) && opts.format === 'text' && !opts.staged) for (const line of describeStats(stats, opts.maxFileSize || Infinity)) io.stderr.write(`rampart: ${line}\n`);
    for (const p of report.problems) io.stderr.write(`rampart: warning: ${p.path}: ${p.message}\n`);
    if (opts.writeBaseline) {
      const n = await (await import('../secrets/baseline.js')).writeBaseline(opts.writeBaseline, report.findings);
      io.stdout.write(`wrote ${opts.writeBaseline}: ${n} finding${n === 1 ? '' : 's'} accepted\n`);
      state.exitCode = 0;
      return;
    }
    // Loaded only when asked: the STS client is the one heavy import of the command.
    if (opts.verify) report = { ...report, verifications: await (await import('../secrets/verify.js')).verifyPairs(report.findings, io.env) };
    const rendered =
      opts.format === 'json'
        ? (await import('../secrets/render/json.js')).renderScanJson(report)
        : opts.format === 'sarif'
          ? (await import('../secrets/render/sarif.js')).renderScanSarif(report)
          : (await import('../secrets/render/text.js')).renderScanText(report);
    if (opts.output) await (await import('../util/atomic-write.js')).writeFileAtomic(opts.output, rendered, { mode: 0o644, backup: false });
    else io.stdout.write(rendered);
    state.exitCode = report.findings.length > 0 ? 1 : 0;
  });
}

/**
 * One source per path argument. Paths in reports are relative to the scan root when one directory is scanned (what
 * SARIF's SRCROOT means), else the argument as given followed by the path under it; always with `/`.
 */
async function pathSources(paths: string[], read: TreeOptions, io: Io): Promise<Source[]> {
  const sources: Source[] = [];
  for (const arg of paths) {
    if (arg === '-') {
      if (!io.stdin) throw new InputError('-: no standard input to read');
      sources.push(streamSource(io.stdin));
      continue;
    }
    const abs = resolve(arg);
    const info = await stat(abs).catch((err: NodeJS.ErrnoException) => {
      throw new InputError(`${arg}: ${err.code === 'ENOENT' ? 'no such file or directory' : cannotRead(err)}`);
    });
    const shown = arg.split(sep).join('/').replace(/\/+$/, '');
    if (info.isDirectory()) sources.push(treeSource(abs, read, paths.length === 1 ? '' : `${shown}/`));
    else sources.push(fileSource(abs, shown, read));
  }
  return sources;
}

/** --history / --staged over the repository of the one path given; the git side reports findings with their commits. */
function gitFindings(paths: string[], opts: ScanOptions, stats: ReturnType<typeof emptyStats>): Source {
  if (paths.length > 1 || paths[0] === '-') throw new InputError('--history and --staged take one path: a directory inside the repository');
  const findings = gitSources({ history: opts.history, staged: opts.staged, cwd: resolve(paths[0] ?? '.'), detect: detectSecrets, stats, maxBytes: opts.maxFileSize || Infinity });
  return (async function* () {
    for await (const finding of findings) yield { kind: 'finding' as const, finding };
  })();
}

/** `5242880`, `500K`, `5M`, `5MB`, `1G`; 0 = no limit. */
export function fileSize(value: string): number {
  const m = /^(\d+)\s*([KMG])?B?$/i.exec(value.trim());
  if (!m) throw new InputError(`--max-file-size expects a size like 5M, 500K or 1048576, got "${value}"`);
  const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(m[2] ?? '').toUpperCase() as 'K' | 'M' | 'G'] ?? 1;
  return Number(m[1]) * unit;
}
