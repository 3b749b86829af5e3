// What an organization's audit keeps of each account until the report is written. Every account's whole audit is
// in the JSON report (about 220 KB of JSON for a hardened account, 150 results), so a thousand accounts held as
// objects would take hundreds of megabytes: the audit is kept as its JSON text, compressed (about a tenth of it),
// with only the failures and the score at hand for the rows, the worst findings and the exit code.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AuditOutput, AuditResult } from '../report/audit-output.js';

/** A JSON document as `JSON.stringify(value, null, 2)` prints it, held compressed; written by org/json-chunks.ts. */
export class JsonText {
  // Level 1: the text is repetitive enough that more effort buys little (18.8 KB against 22.7 KB) for twice the time.
  private constructor(private readonly deflated: Buffer) {}

  static of(value: unknown): JsonText {
    return new JsonText(deflateRawSync(JSON.stringify(value, null, 2), { level: 1 }));
  }

  text(): string {
    return inflateRawSync(this.deflated).toString('utf8');
  }
}

export interface KeptAudit {
  readonly accountId: string;
  readonly score: number | null;
  /** The results whose status is FAIL, in the audit's order. */
  readonly failures: readonly AuditResult[];
  /** The whole audit (the single-account JSON contract). */
  readonly document: JsonText;
}

export function keepAudit(audit: AuditOutput): KeptAudit {
  return { accountId: audit.account.id, score: audit.score ?? null, failures: audit.results.filter((r) => r.status === 'FAIL'), document: JsonText.of(audit) };
}
