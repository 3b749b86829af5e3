// One whole `rampart audit --org` through the built CLI's main(), in its own process so its time and memory are
// rampart's alone. Arguments after the script are rampart's. Prints one JSON line at the end.
import { Writable } from 'node:stream';
import { main } from '../../dist/cli/main.js';

let out = '';
const stdout = new Writable({ write(chunk, _enc, cb) { out += chunk; cb(); } });
const started = performance.now();
const code = await main(['node', 'rampart', ...process.argv.slice(2)], { stdout, stderr: process.stderr, env: process.env });
const ms = performance.now() - started;
const doc = code <= 1 ? JSON.parse(out) : null;
const count = (status) => doc?.accounts.filter((a) => a.status === status).length ?? 0;
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
const report = { code, ms, cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssMb: maxRSS / 1024, audited: count('audited'), failed: count('failed'), bytes: out.length };
process.stdout.write(`${JSON.stringify(report)}\n`);
