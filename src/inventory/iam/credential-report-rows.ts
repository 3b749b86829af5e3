// The credential report's CSV -> rows of the snapshot. Columns are found by header name, not position,
// so a column AWS adds later does not shift the others.
import { UnreadableResponseError } from '../context.js';
import { isoOrNull } from '../dates.js';
import type { CredentialRow } from '../snapshot.js';
import { parseCsv } from './csv.js';

/** Values that mean "nothing here": never set, never used, or not applicable to the root user. */
const NO_VALUE = new Set(['', 'n/a', 'no_information', 'not_supported']);
const REQUIRED_COLUMNS = ['user', 'arn', 'mfa_active'];

const value = (raw: string | undefined): string | null => (raw === undefined || NO_VALUE.has(raw.trim().toLowerCase()) ? null : raw.trim());
const flag = (raw: string | undefined): boolean | null => {
  const v = value(raw)?.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : null;
};
const date = (raw: string | undefined): string | null => isoOrNull(value(raw));

export function parseCredentialReport(csv: string): CredentialRow[] {
  const [header, ...records] = parseCsv(csv);
  if (!header) throw new UnreadableResponseError('the credential report is empty');
  const index = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) throw new UnreadableResponseError(`the credential report has no column ${missing.join(', ')}`);
  const hasCerts = index.has('cert_1_active');

  return records.map((cells) => {
    const cell = (column: string): string | undefined => {
      const i = index.get(column);
      return i === undefined ? undefined : cells[i];
    };
    const accessKey = (n: 1 | 2) => ({
      active: flag(cell(`access_key_${n}_active`)) ?? false,
      lastRotated: date(cell(`access_key_${n}_last_rotated`)),
      lastUsedDate: date(cell(`access_key_${n}_last_used_date`)),
      lastUsedRegion: value(cell(`access_key_${n}_last_used_region`)),
      lastUsedService: value(cell(`access_key_${n}_last_used_service`)),
    });
    const cert = (n: 1 | 2) => ({ active: flag(cell(`cert_${n}_active`)) ?? false, lastRotated: date(cell(`cert_${n}_last_rotated`)) });
    return {
      user: cell('user') ?? '',
      arn: cell('arn') ?? '',
      userCreationTime: date(cell('user_creation_time')),
      passwordEnabled: flag(cell('password_enabled')),
      passwordLastUsed: date(cell('password_last_used')),
      passwordLastChanged: date(cell('password_last_changed')),
      passwordNextRotation: date(cell('password_next_rotation')),
      mfaActive: flag(cell('mfa_active')) ?? false,
      accessKeys: [accessKey(1), accessKey(2)],
      certs: hasCerts ? [cert(1), cert(2)] : [],
    };
  });
}
