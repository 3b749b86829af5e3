// The whole `rampart audit` at scale: a hardened account with 17 enabled regions and 500 users, 50 ms per call.
// Prints calls per operation, total calls, wall time, peak memory; then the same with 30% of calls throttled.
// Run: npm run bench:audit-full [-- --latency 50 --users 500]
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { startEmulator, type Fault } from '../test/aws-emulator/index.js';
import { hardenedLargeScenario } from './lib/hardened-large.js';
import { emulatedChildEnv } from './lib/child-env.js';

const { values } = parseArgs({
  options: { latency: { type: 'string', default: '50' }, users: { type: 'string', default: '500' } },
});
const latencyMs = Number(values.latency);
const { scenario, callerKey } = hardenedLargeScenario({ users: Number(values.users), roles: 100, policies: 300 });

interface ChildReport {
  ms: number;
  maxRssMb: number;
  results: number;
  errors: number;
  regions: number;
}

async function run(label: string, faults: Fault[]): Promise<{ label: string; report: ChildReport; calls: Record<string, number> }> {
  const emu = await startEmulator({ scenario, latencyMs, faults, seed: 11 });
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(import.meta.dirname, 'lib/audit-child.mjs')], {
      env: emulatedChildEnv(emu.endpoint, callerKey),
      maxBuffer: 1 << 20,
    });
    return { label, report: JSON.parse(stdout.trim().split('\n').pop()!) as ChildReport, calls: emu.calls() };
  } finally {
    await emu.close();
  }
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
const calm = await run('no throttling', []);
const throttled = await run('30% of calls throttled', [{ operation: '*', kind: 'Throttling', rate: 0.3 }]);

console.log(`hardened account, ${calm.report.regions} regions, ${values.users} users, 100 roles, 300 policies, latency ${latencyMs} ms per call\n`);
for (const { label, report, calls } of [calm, throttled]) {
  console.log(
    `${label}: ${total(calls)} requests, ${Math.round(report.ms)} ms, peak RSS ${Math.round(report.maxRssMb)} MB, ${report.results} results, ${report.errors} errors`,
  );
}
console.log(`throttled / calm time: ${(throttled.report.ms / calm.report.ms).toFixed(2)}x\n`);
console.log('calls per operation (no throttling):');
for (const [op, n] of Object.entries(calm.calls).sort()) console.log(`  ${op.padEnd(48)} ${n}`);
