// Shared by the remote sources' tests: a source drained into its records and problems.
import type { RecordSource } from '../source.js';

export interface Drained {
  records: Record<string, unknown>[];
  problems: { origin: string; message: string }[];
  origins: string[];
}

export async function drain(source: RecordSource): Promise<Drained> {
  const out: Drained = { records: [], problems: [], origins: [] };
  for await (const item of source) {
    out.origins.push(item.origin);
    if (item.kind === 'records') out.records.push(...item.records);
    else out.problems.push({ origin: item.origin, message: item.message });
  }
  return out;
}
