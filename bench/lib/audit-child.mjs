// One whole `rampart audit` (collect, check, render JSON) in its own process, from the built dist/ a user runs,
// so its time and memory are rampart's alone. Prints one JSON line: wall time, peak RSS, result counts.
import { auditSnapshot } from '../../dist/audit.js';
import { createSession } from '../../dist/aws/session.js';
import { collectSnapshot } from '../../dist/inventory/collect.js';
import { renderJsonString } from '../../dist/report/json.js';

const started = performance.now();
const snapshot = await collectSnapshot(createSession());
const results = auditSnapshot(snapshot);
const json = renderJsonString({ snapshot, results });
const ms = performance.now() - started;
const report = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, results: results.length, bytes: json.length, errors: snapshot.errors.length, regions: snapshot.regions?.audited.length ?? 0 };
process.stdout.write(`${JSON.stringify(report)}\n`);
