// `rampart audit --org` at scale: an emulated organization of N member accounts, every call delayed by the latency.
// The emulator runs here; rampart runs in a child process (bench/lib/org-child.mjs) from the built dist/.
// Run: npm run bench:audit-org [-- --accounts 1000 --latency 50 --at-once 32 --regions us-east-1,eu-west-1 --report org.json]
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startEmulator } from '../test/aws-emulator/index.js';
import { CLEAN_ACCOUNT, CLEAN_CI_KEY, readScenario } from '../test/aws-emulator/test-helpers.js';
import { emulatedChildEnv } from './lib/child-env.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '50' },
    'at-once': { type: 'string', default: '32' },
    regions: { type: 'string' },
    /** Keep the report there (default: a temporary file, removed). */
    report: { type: 'string' },
  },
});
const members = Array.from({ length: Number(values.accounts) - 1 }, (_, i) => ({ id: String(300000000000 + i), name: `workload-${i}` }));
const emu = await startEmulator({
  scenario: { ...readScenario('clean-account'), organization: { id: 'o-benchorg001', managementAccountId: CLEAN_ACCOUNT, managementAccountEmail: 'root@clean.example', featureSet: 'ALL' } },
  // Members are copies of the hardened account: every check has something to read.
  organization: { members, memberScenario: readScenario('clean-account') },
  latencyMs: Number(values.latency),
});
const args = ['audit', '--org', '--format', 'json', '--fail-on', 'none', '--accounts-at-once', values['at-once']!, ...(values.regions ? ['--regions', values.regions] : [])];
const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-org-'));
const reportPath = values.report ?? join(dir, 'report.json');
try {
  const { stdout } = await promisify(execFile)(process.execPath, [join(import.meta.dirname, 'lib/org-child.mjs'), reportPath, ...args], {
    env: emulatedChildEnv(emu.endpoint, CLEAN_CI_KEY),
    maxBuffer: 1 << 20,
  });
  const report = JSON.parse(stdout.trim().split('\n').pop()!);
  const emulatorCpu = process.resourceUsage();
  // Read once the child is done: the report's size and parsing are not rampart's time or memory.
  const doc = report.code <= 1 ? JSON.parse(readFileSync(reportPath, 'utf8')) : null;
  const count = (status: string): number => doc?.accounts.filter((a: { status: string }) => a.status === status).length ?? 0;
  const calls = Object.values(emu.calls()).reduce((a, b) => a + b, 0);
  console.log(`organization of ${values.accounts} accounts, latency ${values.latency} ms per call, ${values['at-once']} accounts at once, regions: ${values.regions ?? 'all enabled'}`);
  console.log(`exit ${report.code}: ${count('audited')} audited, ${count('failed')} failed, ${calls} requests, ${(report.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(report.maxRssMb)} MB, report ${(report.bytes / 1e6).toFixed(1)} MB`);
  console.log(`CPU: rampart ${(report.cpuMs / 1000).toFixed(1)} s (user+sys of the child), emulator ${((emulatorCpu.userCPUTime + emulatorCpu.systemCPUTime) / 1e6).toFixed(1)} s (this process)`);
} finally {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}
