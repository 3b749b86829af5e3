// `--format json`: one object, for scripts. Secrets never appear: each finding carries its mask and fingerprint.
import { VERSION } from '../../version.js';
import { maskId, nextSteps } from '../next-steps.js';
import type { ScanReport } from '../report.js';

export function renderScanJson(report: ScanReport): string {
  const findings = report.findings.map((f) => {
    const verification = report.verifications.get(f.fingerprint);
    return {
      rule: f.rule,
      kind: f.kind,
      masked: f.masked,
      ...(f.accessKeyId ? { accessKeyId: maskId(f.accessKeyId) } : {}),
      ...(f.accountId ? { accountId: f.accountId } : {}),
      ...(f.pairedWith ? { pairedWith: f.pairedWith } : {}),
      fingerprint: f.fingerprint,
      location: f.location,
      ...(verification ? { verification } : {}),
      nextSteps: nextSteps(f, verification),
    };
  });
  const binary = report.skipped.filter((s) => s.reason === 'binary').length;
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: { name: 'rampart', version: VERSION },
      findings,
      problems: report.problems,
      skipped: report.skipped,
      summary: {
        findings: findings.length,
        filesScanned: report.files,
        bytesScanned: report.bytes,
        skipped: { binary, tooLarge: report.skipped.length - binary },
        unreadable: report.problems.length,
        accepted: report.accepted,
      },
    },
    null,
    2,
  )}\n`;
}
