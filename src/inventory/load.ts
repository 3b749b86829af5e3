// Reads a snapshot file and validates it; every way it can be wrong becomes one InputError line.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { InputError } from '../util/errors.js';
import { SNAPSHOT_KIND, SNAPSHOT_SCHEMA_VERSION, snapshotSchema, type AccountSnapshot } from './snapshot.js';
import { unreadable } from '../util/unreadable.js';

export async function loadSnapshot(path: string): Promise<AccountSnapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read the snapshot: ${unreadable(err)}`);
  }
  return parseSnapshot(text, path);
}

export function parseSnapshot(text: string, name: string): AccountSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${name}: not a rampart snapshot: invalid JSON (${(err as Error).message})`);
  }
  return snapshotFromData(data, name);
}

/** Already-parsed JSON as a snapshot, validated: for a reader that looked at the document's kind first. */
export function snapshotFromData(data: unknown, name: string): AccountSnapshot {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${name}: not a rampart snapshot: expected a JSON object`);
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== SNAPSHOT_KIND) {
    throw new InputError(`${name}: not a rampart snapshot: "kind" is ${JSON.stringify(record.kind) ?? 'missing'}, expected "${SNAPSHOT_KIND}"`);
  }
  if (record.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new InputError(
      `${name}: snapshot schema version ${JSON.stringify(record.schemaVersion) ?? 'missing'} is not supported (this rampart reads version ${SNAPSHOT_SCHEMA_VERSION})`,
    );
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${name}: invalid snapshot: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const path = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${path || '(top level)'}: ${issue.message}${more}`;
}
