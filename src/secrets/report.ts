// What one scan found, in the shape every renderer reads: findings that were not accepted, with their verification
// when --verify asked, and what could not be read or was left out.
import type { SkipReason } from './source.js';
import type { SecretFinding } from './types.js';

/** What STS GetCallerIdentity said about an id and its secret. */
export type Verification =
  | { readonly status: 'live'; readonly account: string; readonly arn: string }
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'unknown'; readonly reason: string };

export interface ScanReport {
  /** Sorted by path, line, column; the secrets are in them for --verify and must never be printed. */
  readonly findings: SecretFinding[];
  /** By the key id's fingerprint. */
  readonly verifications: ReadonlyMap<string, Verification>;
  readonly problems: { readonly path: string; readonly message: string }[];
  readonly skipped: { readonly path: string; readonly reason: SkipReason }[];
  readonly accepted: { readonly baseline: number; readonly inline: number };
  readonly files: number;
  readonly bytes: number;
}

/** The key id finding a finding belongs to (itself for an id), when it is in the report. */
export function idFindingOf(report: Pick<ScanReport, 'findings'>, f: SecretFinding): SecretFinding | undefined {
  if (f.kind === 'access-key-id') return f;
  if (!f.accessKeyId) return undefined;
  return report.findings.find((o) => o.kind === 'access-key-id' && o.secret === f.accessKeyId && o.location.path === f.location.path && o.location.commit?.commit === f.location.commit?.commit);
}
