// Where CloudTrail puts its log files in a bucket:
//   PREFIX/AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_X.json.gz
//   PREFIX/AWSLogs/ORG-ID/ACCOUNT/CloudTrail/...                        (organization trails)
// Digests go to .../CloudTrail-Digest/ and Insights to .../CloudTrail-Insight/, beside CloudTrail/: never read.
import { InputError } from '../../util/errors.js';

export interface S3Location {
  readonly bucket: string;
  /** The trail's key prefix with a trailing `/`, or '' for none. */
  readonly prefix: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `s3://bucket`, `s3://bucket/prefix`; a prefix ending in `AWSLogs` is the folder above it. */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match || !BUCKET.test(match[1]!)) {
    throw new InputError(`${uri}: expected s3://BUCKET or s3://BUCKET/PREFIX (the trail's bucket and S3 key prefix)`);
  }
  const parts = match[2]!.split('/').filter(Boolean);
  if (parts[parts.length - 1] === 'AWSLogs') parts.pop();
  return { bucket: match[1]!, prefix: parts.length ? `${parts.join('/')}/` : '' };
}

/**
 * Log files arrive about 5 minutes after their events (15 at most, AWS says), in the folder of the day they are
 * delivered: an event just before midnight can be in the next day's folder.
 */
export const DELIVERY_DELAY_MS = 15 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The day folders (`YYYY/MM/DD`, UTC) that can hold events of [since, until]. */
export function dayFolders(since: Date, until: Date): string[] {
  const days: string[] = [];
  const last = until.getTime() + DELIVERY_DELAY_MS;
  const day = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()));
  for (; day.getTime() <= last; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(`${day.getUTCFullYear()}/${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}`);
  }
  return days;
}

/** A log file of the CloudTrail/ folder: not a digest, not a folder marker, JSON (gzipped or not). */
export const isLogFileKey = (key: string): boolean => /\.json(\.gz)?$/.test(key) && !key.includes('CloudTrail-Digest');
