// How many AWS calls the identity part of `rampart audit` makes, and how long it takes, as an account grows.
// Runs the real collectors through the real SDK clients against the emulator with a fixed latency per call.
// Run: npm run bench:audit-calls [-- --latency 50 --users 500 --roles 100 --policies 300]
import { parseArgs } from 'node:util';
import { createSession } from '../src/aws/session.js';
import { auditSnapshot } from '../src/audit.js';
import { collectSnapshot } from '../src/inventory/collect.js';
import { startEmulator } from '../test/aws-emulator/index.js';
import { largeScenario } from '../test/aws-emulator/scenarios/generate.js';

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    users: { type: 'string', default: '500' },
    roles: { type: 'string', default: '100' },
    policies: { type: 'string', default: '300' },
  },
});
const latencyMs = Number(values.latency);
const size = { users: Number(values.users), roles: Number(values.roles), policies: Number(values.policies) };

interface Run {
  label: string;
  calls: Record<string, number>;
  collectMs: number;
  checksMs: number;
  results: number;
}

async function measure(label: string, users: number, preGenerated: boolean): Promise<Run> {
  const scenario = largeScenario({ ...size, users });
  scenario.credentialReport = { notReadyPolls: preGenerated ? 0 : 1, preGenerated };
  const caller = (scenario.users ?? []).flatMap((u) => u.accessKeys ?? []).find((k) => k.status !== 'Inactive' && k.active !== false);
  if (!caller) throw new Error('the generated account has no active key to call with');
  const emu = await startEmulator({ scenario, latencyMs });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: emu.endpoint,
    AWS_ACCESS_KEY_ID: caller.id,
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  try {
    const started = performance.now();
    const snapshot = await collectSnapshot(createSession({}), { scope: ['identity'] });
    const collectMs = performance.now() - started;
    const t = performance.now();
    const results = auditSnapshot(snapshot, { include: ['root', 'identity', 'password-policy'] });
    return { label, calls: emu.calls(), collectMs, checksMs: performance.now() - t, results: results.length };
  } finally {
    await emu.close();
  }
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

const runs = [
  await measure(`${size.users} users, report not yet generated`, size.users, false),
  await measure(`${size.users} users, report already fresh`, size.users, true),
  await measure(`${size.users * 4} users, report already fresh`, size.users * 4, true),
  await measure(`50 users, report already fresh`, 50, true),
];

console.log(`latency ${latencyMs} ms per call; ${size.roles} roles, ${size.policies} customer policies\n`);
for (const run of runs) {
  console.log(`${run.label}: ${total(run.calls)} calls, collect ${Math.round(run.collectMs)} ms, checks ${run.checksMs.toFixed(1)} ms (${run.results} results)`);
  for (const [op, n] of Object.entries(run.calls).sort()) console.log(`  ${op.padEnd(40)} ${n}`);
}
