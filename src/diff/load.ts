// Either side of a diff: a snapshot (audited here, with default thresholds) or a saved `rampart audit --format json`.
import { readFile } from 'node:fs/promises';
import { auditSnapshot } from '../audit.js';
import { snapshotFromData } from '../inventory/load.js';
import { SNAPSHOT_KIND, type AccountSnapshot } from '../inventory/snapshot.js';
import { auditOutputSchema, type AuditOutput } from '../report/audit-output.js';
import { renderJson } from '../report/json.js';
import { InputError } from '../util/errors.js';
import { cannotRead } from '../util/unreadable.js';

export interface DiffSide {
  readonly file: string;
  readonly audit: AuditOutput;
  /** Present when the file was a snapshot: the inventory can then be compared too. */
  readonly snapshot?: AccountSnapshot;
}

export async function loadDiffSide(file: string): Promise<DiffSide> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: ${cannotRead(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not a rampart snapshot or audit: invalid JSON (${(err as Error).message})`);
  }
  if (typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === SNAPSHOT_KIND) {
    const snapshot = snapshotFromData(data, file);
    return { file, audit: renderJson({ snapshot, results: auditSnapshot(snapshot) }), snapshot };
  }
  const parsed = auditOutputSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new InputError(`${file}: not a rampart snapshot or audit: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { file, audit: parsed.data };
}
