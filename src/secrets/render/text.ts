// The terminal report: one block per finding (place, rule, the secret masked, account, pair, verification, what to
// do next), then one summary line. Problems go to stderr from the CLI, not here.
import { nextSteps, maskId } from '../next-steps.js';
import type { ScanReport } from '../report.js';
import type { SecretFinding } from '../types.js';
import { commitText, ruleName, verificationText } from './describe.js';

export function renderScanText(report: ScanReport): string {
  const out: string[] = [];
  const byFingerprint = new Map(report.findings.map((f) => [f.fingerprint, f]));
  for (const f of report.findings) {
    const where = `${f.location.path}:${f.location.line}:${f.location.column}`;
    const account = f.accountId ? `  account ${f.accountId}` : '';
    const key = f.kind !== 'access-key-id' && f.accessKeyId ? `  (key ${maskId(f.accessKeyId)})` : '';
    out.push(`${where}  ${ruleName(f.rule)}  ${f.masked}${account}${key}`);
    const commit = commitText(f);
    if (commit) out.push(`    ${commit}`);
    const pair = f.pairedWith ? byFingerprint.get(f.pairedWith) : undefined;
    if (pair && f.kind === 'access-key-id') out.push(`    paired with the ${ruleName(pair.rule)} at ${pair.location.path}:${pair.location.line}:${pair.location.column}`);
    const verification = report.verifications.get(f.fingerprint);
    const verified = verificationText(verification);
    if (verified) out.push(`    verified: ${verified}`);
    if (ownsNextSteps(f)) {
      const [first, ...rest] = nextSteps(f, verification);
      out.push(`    next: ${first}`, ...rest.map((s) => `          ${s}`));
    }
  }
  if (out.length > 0) out.push('');
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

/** Next steps are printed once per key: under its id, or under a secret or token that has no id near it. */
const ownsNextSteps = (f: SecretFinding): boolean => f.kind === 'access-key-id' || f.kind === 'bedrock-api-key' || !f.accessKeyId;

export function summaryLine(report: ScanReport): string {
  const n = report.findings.length;
  const files = new Set(report.findings.map((f) => f.location.path)).size;
  const pairs = report.findings.filter((f) => f.kind === 'access-key-id' && f.pairedWith).length;
  const parts = [n === 0 ? 'no AWS credentials found' : `${n} finding${n === 1 ? '' : 's'}${pairs ? ` (${pairs} key pair${pairs === 1 ? '' : 's'})` : ''} in ${files} file${files === 1 ? '' : 's'}`];
  parts.push(`${report.files} file${report.files === 1 ? '' : 's'} scanned (${formatBytes(report.bytes)})`);
  const binary = report.skipped.filter((s) => s.reason === 'binary').length;
  const large = report.skipped.length - binary;
  if (binary) parts.push(`${binary} binary skipped (--include-binary)`);
  if (large) parts.push(`${large} over the size limit skipped (--max-file-size)`);
  if (report.problems.length) parts.push(`${report.problems.length} could not be read`);
  const { baseline, inline } = report.accepted;
  if (baseline) parts.push(`${baseline} accepted by the baseline`);
  if (inline) parts.push(`${inline} allowed inline (rampart:allow)`);
  return parts.join('; ');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
