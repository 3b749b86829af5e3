// One CloudTrail log file as delivered to S3: `{"Records": [...]}`, gzipped when its name ends in `.gz`.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** Why a log file cannot be read, in words for the SourceProblem. */
export class LogObjectError extends Error {
  override name = 'LogObjectError';
}

/** The file's text, gunzipped as it streams in. */
async function readText(body: Readable, gzipped: boolean): Promise<string> {
  const chunks: Buffer[] = [];
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) chunks.push(chunk);
  };
  try {
    await (gzipped ? pipeline(body, createGunzip(), collect) : pipeline(body, collect));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new LogObjectError(gzipped ? `not a complete gzip file (${reason})` : `could not be read (${reason})`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readLogObject(body: Readable, name: string): Promise<Record<string, unknown>[]> {
  const text = await readText(body, name.endsWith('.gz'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new LogObjectError(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const records = (parsed as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) throw new LogObjectError('not a CloudTrail log file: no "Records" array');
  return records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r));
}

/** Records whose eventTime is within [since, until]; a record without a readable time is kept for the engine to judge. */
export function withinTime(records: readonly Record<string, unknown>[], since: Date, until: Date): Record<string, unknown>[] {
  const from = since.getTime();
  const to = until.getTime();
  return records.filter((r) => {
    const t = typeof r['eventTime'] === 'string' ? Date.parse(r['eventTime']) : Number.NaN;
    return Number.isNaN(t) || (t >= from && t <= to);
  });
}

export const asReadable = (body: unknown): Readable => {
  if (body instanceof Readable) return body;
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body)]);
  throw new LogObjectError('the object has no readable body');
};
