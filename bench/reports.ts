// How long each report format takes to render, and how big it is, for the leaky example and for a large audit
// (10,000 results: a 2,000-user account with five per-user checks); and what a Security Hub import of it costs
// in calls and time against the emulator with a fixed latency per call. Formats are compared as ratios to JSON
// measured in the same run: the reference machine is shared and noisy.
// Run: npm run bench:reports [-- --results 10000 --latency 50 --repeat 5]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { auditSnapshot } from '../src/audit.js';
import { loadSnapshot } from '../src/inventory/load.js';
import type { AuditOutput } from '../src/report/audit-output.js';
import { REPORT_FORMATS, renderFormat, type FileFormat } from '../src/report/formats.js';
import { renderJson } from '../src/report/json.js';
import { importToSecurityHub } from '../src/securityhub/import.js';
import { startEmulator, type Scenario } from '../test/aws-emulator/index.js';

const { values } = parseArgs({
  options: { results: { type: 'string', default: '10000' }, latency: { type: 'string', default: '50' }, repeat: { type: 'string', default: '5' } },
});
const size = Number(values.results);
const latencyMs = Number(values.latency);
const repeat = Number(values.repeat);
const FORMATS = REPORT_FORMATS.filter((f): f is FileFormat => f !== 'text');

function large(base: AuditOutput, n: number): AuditOutput {
  const failing = base.results.filter((r) => r.area === 'identity' && r.status === 'FAIL');
  const results = Array.from({ length: n }, (_, i) => {
    const t = failing[i % failing.length]!;
    return { ...t, status: i % 3 === 0 ? ('PASS' as const) : t.status, resource: `arn:aws:iam::${base.account.id}:user/team-${i % 50}/user-${Math.floor(i / failing.length)}` };
  });
  return renderJson({ account: base.account, collectedAt: base.collectedAt, results });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function renderTable(label: string, audit: AuditOutput): void {
  const rows = FORMATS.map((format) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      bytes = Buffer.byteLength(renderFormat(format, audit, { region: 'us-east-1' }));
      times.push(performance.now() - t0);
    }
    return { format, ms: median(times), bytes };
  });
  const json = rows.find((r) => r.format === 'json')!.ms;
  console.log(`\n${label}: ${audit.results.length} results (median of ${repeat})`);
  console.log('| format | render ms | x JSON | size KiB |\n| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.format} | ${r.ms.toFixed(1)} | ${(r.ms / json).toFixed(1)} | ${(r.bytes / 1024).toFixed(0)} |`);
}

async function importBench(audit: AuditOutput): Promise<void> {
  const scenario = JSON.parse(readFileSync(join(import.meta.dirname, '../test/aws-emulator/scenarios/leaky-account.json'), 'utf8')) as Scenario & { regional?: Record<string, object> };
  scenario.regional = { ...(scenario.regional ?? {}), 'us-east-1': { securityHub: { subscribed: '-30d' } } };
  const emu = await startEmulator({ scenario, latencyMs });
  const client = new SecurityHubClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIADEVADMIN00000001', secretAccessKey: 'bench' } });
  try {
    for (const run of ['first import', 'second import (updates)']) {
      emu.resetCalls();
      const t0 = performance.now();
      const s = await importToSecurityHub(client, audit, { region: 'us-east-1', now: new Date() });
      const ms = performance.now() - t0;
      console.log(`| ${run} | ${s.imported} | ${s.created} / ${s.updated} / ${s.resolved} | ${JSON.stringify(emu.calls())} | ${(ms / 1000).toFixed(1)} |`);
    }
  } finally {
    client.destroy();
    await emu.close();
  }
}

const snapshot = await loadSnapshot(join(import.meta.dirname, '../examples/leaky-account.json'));
const leaky = renderJson({ snapshot, results: auditSnapshot(snapshot) });
renderTable('examples/leaky-account.json', leaky);
const big = large(leaky, size);
renderTable('large audit', big);
console.log(`\nSecurity Hub import of the large audit, ${latencyMs} ms per call:`);
console.log('| run | findings sent | new / updated / resolved | calls | seconds |\n| --- | ---: | --- | --- | ---: |');
await importBench(big);
