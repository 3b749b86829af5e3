// `rampart scan` throughput on a generated tree of source files with planted key pairs, side by side in one run
// with ripgrep running an equivalent access-key regex and with awslabs git-secrets (`--scan --no-index -r`), each
// in its own process under /usr/bin/time (wall time, peak RSS). Reports MB/s, recall on the planted key ids, the
// ratio to ripgrep, and rampart's peak RSS at two tree sizes (memory should stay flat as the tree grows). rampart runs
// with its default threads (as many as the CPUs, as ripgrep) and again with --threads 1, to show what one core does.
// Run: npm run bench:scan-tree [-- --mb 200 --small-mb 50 --rounds 2]   (documented run: --mb 1024)
// Needs: ripgrep (Debian `ripgrep`), optionally git-secrets (Debian `git-secrets`), GNU time.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { sourceTree, type Planted } from './lib/source-tree.js';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '200' }, 'small-mb': { type: 'string', default: '50' }, rounds: { type: 'string', default: '2' }, dir: { type: 'string', default: tmpdir() } },
});
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'rampart.js');
// The same prefixes rampart looks for, as ripgrep and git-secrets would be configured for access key ids.
const KEY_ID_REGEX = '(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16}';

interface Measured {
  tool: string;
  seconds: number;
  maxRssMb: number;
  found: Set<string>;
}

async function timed(tool: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, parse: (stdout: string) => Promise<Set<string>> | Set<string>): Promise<Measured> {
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %M', cmd, ...args], { env, maxBuffer: 1 << 28 }).catch((err: { stdout: string; stderr: string }) => err);
  const m = /TIME ([\d.]+) (\d+)\s*$/.exec(stderr);
  if (!m) throw new Error(`${tool} did not run: ${stderr.slice(-400)}`);
  return { tool, seconds: Number(m[1]), maxRssMb: Number(m[2]) / 1024, found: await parse(stdout) };
}

const idsIn = (text: string) => new Set(text.match(new RegExp(KEY_ID_REGEX, 'g')) ?? []);

async function rampart(dir: string, tool = 'rampart', extra: string[] = []): Promise<Measured> {
  const out = join(await mkdtemp(join(tmpdir(), 'rampart-bench-out-')), 'report.txt');
  // The text report shows ids masked; recall is read from the JSON's paths and lines instead.
  return timed(tool, process.execPath, [BIN, 'scan', dir, '--format', 'json', '--output', out, ...extra], { PATH: process.env.PATH }, async () => {
    const report = JSON.parse(await readFile(out, 'utf8')) as { findings: { rule: string; location: { path: string } }[] };
    return new Set(report.findings.filter((f) => f.rule === 'aws-access-key-id').map((f) => f.location.path));
  });
}

const ripgrep = (dir: string) => timed('ripgrep', 'rg', ['--hidden', '--no-heading', '-o', '-e', KEY_ID_REGEX, dir], { PATH: process.env.PATH }, idsIn);

async function gitSecrets(dir: string): Promise<Measured | undefined> {
  const home = await mkdtemp(join(tmpdir(), 'rampart-bench-home-'));
  const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  try {
    await run('git', ['secrets', '--register-aws', '--global'], { env });
  } catch {
    return undefined;
  }
  // Outside a repository `--no-index` scans the working directory recursively (`-r` is refused with it).
  return timed('git-secrets', 'sh', ['-c', `cd "${dir}" && git secrets --scan --no-index 2>&1`], env, idsIn);
}

function recall(m: Measured, planted: Planted[]): number {
  // rampart reports paths; the others print the ids they matched.
  const hit = planted.filter((p) => m.found.has(p.keyId) || m.found.has(p.path)).length;
  return hit / planted.length;
}

async function bench(mb: number, rounds: number) {
  const dir = join(values.dir, `rampart-bench-scan-${mb}mb`);
  const t0 = Date.now();
  const planted = await sourceTree(dir, mb * 1024 * 1024);
  const { stdout: du } = await run('du', ['-sb', dir]);
  const bytes = Number(du.split('\t')[0]);
  console.log(`tree ${dir}: ${(bytes / 1048576).toFixed(0)} MB, ${planted.length} planted key pairs (ready in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const best = new Map<string, Measured>();
  await run('rg', ['-c', 'warm-the-page-cache', dir]).catch(() => undefined);
  // Start-up: the same command on an empty folder (Node, the modules scan loads, writing an empty report).
  const startup = await rampart(await mkdtemp(join(tmpdir(), 'rampart-bench-empty-')), 'start-up');
  console.log(`  rampart start-up (scan of an empty folder): ${startup.seconds.toFixed(2)} s`);
  for (let r = 0; r < rounds; r++) {
    for (const m of [await rampart(dir), await rampart(dir, 'rampart 1 thread', ['--threads', '1']), await ripgrep(dir), await gitSecrets(dir)]) {
      if (!m) continue;
      console.log(`  round ${r + 1} ${m.tool.padEnd(12)} ${m.seconds.toFixed(2)} s  ${(bytes / 1048576 / m.seconds).toFixed(0)} MB/s  peak RSS ${m.maxRssMb.toFixed(0)} MB  recall ${(recall(m, planted) * 100).toFixed(1)}%`);
      const prev = best.get(m.tool);
      if (!prev || m.seconds < prev.seconds) best.set(m.tool, m);
    }
  }
  return { mb: bytes / 1048576, planted, best, startup: startup.seconds };
}

const rounds = Number(values.rounds);
const small = await bench(Number(values['small-mb']), rounds);
const large = await bench(Number(values.mb), rounds);
console.log('\nbest of each (MB/s, recall, peak RSS):');
for (const { mb, planted, best, startup } of [small, large]) {
  const rg = best.get('ripgrep');
  for (const m of best.values()) {
    const ratio = rg ? ` ${(rg.seconds / m.seconds).toFixed(2)}x ripgrep` : '';
    console.log(`  ${mb.toFixed(0)} MB  ${m.tool.padEnd(12)} ${(mb / m.seconds).toFixed(0)} MB/s${ratio}  recall ${(recall(m, planted) * 100).toFixed(1)}%  peak RSS ${m.maxRssMb.toFixed(0)} MB`);
  }
  const r = best.get('rampart')!;
  const scanOnly = Math.max(0.01, r.seconds - startup);
  console.log(`  ${mb.toFixed(0)} MB  rampart without start-up: ${(mb / scanOnly).toFixed(0)} MB/s${rg ? ` ${(rg.seconds / scanOnly).toFixed(2)}x ripgrep` : ''}`);
}
const rss = (r: typeof small) => r.best.get('rampart')!.maxRssMb;
console.log(`\nrampart peak RSS: ${rss(small).toFixed(0)} MB at ${small.mb.toFixed(0)} MB, ${rss(large).toFixed(0)} MB at ${large.mb.toFixed(0)} MB`);
