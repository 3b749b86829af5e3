// How fast `rampart scan --history` reads a long history, and whether it finds every planted key with the right commit.
// Builds a repository with git fast-import (a few hundred source files, each commit touching a few, access keys planted
// at known commits, half of them removed later, two on a side branch only), then scans it in a child process so the
// peak RSS is the scan's alone. Two sizes in one run show whether memory grows with the history.
// Run: npm run bench:scan-history [-- --commits 2500,10000 --files 300 --keys 20]
import { execFileSync, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scanHistory } from '../src/secrets/git/history.js';
import { emptyStats, type ScanStats } from '../src/secrets/git/scan-stats.js';
import type { SecretFinding } from '../src/secrets/types.js';
import { seededRandom } from '../test/aws-emulator/prng.js';
import { detectSecrets as detect } from '../src/secrets/detect.js';

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '2500,10000' },
    files: { type: 'string', default: '300' },
    keys: { type: 'string', default: '20' },
    scan: { type: 'string' }, // internal: the child's job
    keep: { type: 'boolean', default: false },
  },
});

interface Planted {
  key: string;
  mark: number;
  path: string;
  removed: boolean;
}

interface ScanResult {
  ms: number;
  stats: ScanStats;
  findings: { secret: string; path: string; commit?: string; inHead?: boolean }[];
  maxRssMb: number;
  /** Node's own CPU (user + system), the git processes' not included: on a shared machine, wall time alone misleads. */
  cpuS: number;
}

if (values.scan) {
  const stats = emptyStats();
  const started = performance.now();
  const findings: SecretFinding[] = [];
  for await (const f of scanHistory({ cwd: values.scan, detect, stats })) findings.push(f);
  const ms = performance.now() - started;
  const result: ScanResult = {
    ms,
    stats,
    findings: findings.map((f) => ({ secret: f.secret, path: f.location.path, commit: f.location.commit?.commit, inHead: f.location.commit?.inHead })),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuS: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  };
  process.send!(result);
} else {
  for (const commits of values.commits.split(',').map(Number)) await measure(commits, Number(values.files), Number(values.keys));
}

async function measure(commits: number, files: number, keys: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-history-'));
  try {
    const t0 = performance.now();
    const planted = await buildRepository(dir, commits, files, keys);
    const buildMs = performance.now() - t0;
    const marks = new Map(readFileSync(join(dir, 'marks'), 'utf8').trim().split('\n').map((l) => {
      const [mark, sha] = l.split(' ');
      return [Number(mark!.slice(1)), sha!] as const;
    }));
    const objects = execFileSync('git', ['count-objects', '-v'], { cwd: dir, encoding: 'utf8' });
    const packMb = Number(/size-pack: (\d+)/.exec(objects)?.[1] ?? 0) / 1024 + Number(/^size: (\d+)/m.exec(objects)?.[1] ?? 0) / 1024;

    const result = await new Promise<ScanResult>((resolve, reject) => {
      const child = fork(import.meta.filename, ['--scan', dir], { stdio: 'inherit' });
      child.on('message', (m) => resolve(m as ScanResult));
      child.on('error', reject);
      child.on('exit', (code) => code !== 0 && reject(new Error(`scan child exited ${code}`)));
    });
    let right = 0;
    for (const p of planted) {
      const hit = result.findings.find((f) => f.secret === p.key && f.path === p.path);
      if (hit && hit.commit === marks.get(p.mark) && hit.inHead === !p.removed) right++;
      else console.log(`MISSED or wrong: key planted at :${p.mark} in ${p.path}: ${JSON.stringify(hit && { ...hit, secret: undefined })}`);
    }
    const s = result.stats;
    console.log(
      [
        `commits ${commits} (+50 on a side branch), ${files} files, repository ${packMb.toFixed(1)} MB on disk, built in ${(buildMs / 1000).toFixed(1)} s`,
        `  history scan: ${(result.ms / 1000).toFixed(2)} s, ${s.blobsRead} blobs read (${(s.bytesRead / 1e6).toFixed(1)} MB), ` +
          `${Math.round(s.blobsRead / (result.ms / 1000))} blobs/s, ${(s.bytesRead / 1e6 / (result.ms / 1000)).toFixed(1)} MB/s, peak RSS ${result.maxRssMb.toFixed(0)} MB, node CPU ${result.cpuS.toFixed(2)} s`,
        `  recall: ${right}/${planted.length} planted keys found with the commit that added them and the right inHead; ${result.findings.length} findings`,
      ].join('\n'),
    );
  } finally {
    if (values.keep) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function buildRepository(dir: string, commits: number, fileCount: number, keyCount: number): Promise<Planted[]> {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const random = seededRandom(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = ['user', 'account', 'region', 'bucket', 'config', 'handler', 'request', 'result', 'items', 'client', 'retry', 'policy', 'token', 'cache', 'index', 'value'];
  const ident = () => `${pick(words)}${pick(words).replace(/^./, (c) => c.toUpperCase())}${Math.floor(random() * 100)}`;
  const line = () =>
    pick([
      () => `  const ${ident()} = await ${ident()}(${ident()}, ${Math.floor(random() * 1000)});`,
      () => `  if (${ident()} > ${Math.floor(random() * 50)}) return ${ident()};`,
      () => `  // ${pick(words)} ${pick(words)} ${pick(words)}: keep ${pick(words)} in sync with ${pick(words)}`,
      () => `  ${ident()}.${pick(words)} = '${pick(words)}-${Math.floor(random() * 1e6).toString(16)}';`,
      () => `  log.debug('${pick(words)} %s', ${ident()});`,
    ])();
  const dirs = Array.from({ length: 20 }, (_, i) => `${pick(['src', 'lib', 'services', 'infra', 'tools'])}/${pick(words)}-${i}`);
  const paths = Array.from({ length: fileCount }, (_, i) => `${pick(dirs)}/${pick(words)}-${i}.${pick(['ts', 'py', 'go', 'yaml', 'tf'])}`);
  const files = new Map(paths.map((p) => [p, Array.from({ length: 40 + Math.floor(random() * 120) }, line)]));

  // Keys planted at evenly spaced commits; every other one removed 100 commits later.
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const newKey = () => `AKIA${Array.from({ length: 16 }, () => pick([...b32])).join('')}`;
  const planted: Planted[] = [];
  const plantAt = new Map<number, Planted>();
  const removeAt = new Map<number, Planted>();
  for (let k = 0; k < keyCount; k++) {
    const mark = 2 + Math.floor(((commits - 200) * k) / keyCount);
    const p: Planted = { key: newKey(), mark, path: pick(paths), removed: k % 2 === 1 };
    planted.push(p);
    plantAt.set(mark, p);
    if (p.removed) removeAt.set(mark + 100, p);
  }

  const git = spawn('git', ['fast-import', '--quiet', `--export-marks=${join(dir, 'marks')}`], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => git.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))));
  const write = async (s: string) => {
    if (!git.stdin.write(s)) await new Promise((r) => git.stdin.once('drain', r));
  };
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const commit = async (ref: string, mark: number, from: number | undefined, changed: string[]) => {
    const when = 1577836800 + mark * 3600;
    let out = `commit ${ref}\nmark :${mark}\nauthor Dev ${mark % 7} <dev${mark % 7}@example.com> ${when} +0000\ncommitter Dev ${mark % 7} <dev${mark % 7}@example.com> ${when} +0000\n${data(`change ${mark}`)}`;
    if (from) out += `from :${from}\n`;
    for (const p of changed) out += `M 100644 inline ${p}\n${data(`${files.get(p)!.join('\n')}\n`)}`;
    await write(out);
  };
  const touch = (p: string) => {
    const body = files.get(p)!;
    const at = Math.floor(random() * body.length);
    if (!body[at]!.includes('AKIA')) body[at] = line(); // a planted key leaves only when the plan removes it
    body.push(line());
  };

  await commit('refs/heads/main', 1, undefined, paths);
  for (let mark = 2; mark <= commits; mark++) {
    const changed = new Set([pick(paths), pick(paths), pick(paths)]);
    for (const p of changed) touch(p);
    const plant = plantAt.get(mark);
    if (plant) {
      files.get(plant.path)!.push(`aws_access_key_id = "${plant.key}"`);
      changed.add(plant.path);
    }
    const removal = removeAt.get(mark);
    if (removal) {
      const body = files.get(removal.path)!;
      files.set(removal.path, body.filter((l) => !l.includes(removal.key)));
      changed.add(removal.path);
    }
    await commit('refs/heads/main', mark, mark - 1, [...changed]);
  }
  // A side branch off the middle with two keys of its own: never merged, never in HEAD.
  const side = commits + 1;
  for (let i = 0; i < 50; i++) {
    const p = pick(paths);
    const extra: Planted | undefined = i === 10 || i === 30 ? { key: newKey(), mark: side + i, path: `side/notes-${i}.env`, removed: true } : undefined;
    if (extra) {
      files.set(extra.path, [`AWS_ACCESS_KEY_ID=${extra.key}`]);
      planted.push(extra);
    }
    touch(p);
    await commit('refs/heads/side', side + i, i === 0 ? Math.floor(commits / 2) : side + i - 1, extra ? [p, extra.path] : [p]);
  }
  git.stdin.end();
  await done;
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  return planted;
}
