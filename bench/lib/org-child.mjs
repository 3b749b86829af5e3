// One whole `rampart audit --org` through the built CLI's main(), in its own process so its time and memory are
// rampart's alone. The first argument is the file the report goes to (as `rampart ... > report.json` would write it:
// the harness keeps no copy of it in memory); the rest are rampart's. Prints one JSON line at the end.
import { closeSync, openSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '../../dist/cli/main.js';

const [reportPath, ...args] = process.argv.slice(2);
const fd = openSync(reportPath, 'w');
let bytes = 0;
const stdout = new Writable({
  write(chunk, _enc, cb) {
    bytes += writeSync(fd, chunk);
    cb();
  },
});
const started = performance.now();
const code = await main(['node', 'rampart', ...args], { stdout, stderr: process.stderr, env: process.env });
const ms = performance.now() - started;
closeSync(fd);
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ code, ms, cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssMb: maxRSS / 1024, bytes })}\n`);
