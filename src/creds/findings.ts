// What `rampart creds audit` reports. Ids are stable (they never change once shipped); each finding carries its fix.
import type { Severity } from '../checks/types.js';

export const CREDS_FINDINGS = {
  'creds-file-mode': { severity: 'high', title: 'a shared AWS file is readable or writable by others (looser than 0600)' },
  'creds-dir-mode': { severity: 'medium', title: 'the ~/.aws directory is open to others (looser than 0700)' },
  'creds-long-lived-key': { severity: 'medium', title: 'a long-lived access key sits in a plain file where SSO or a role would do' },
  'creds-root-key': { severity: 'critical', title: "a profile holds the root user's access key (--online)" },
  'creds-prod-without-mfa': { severity: 'high', title: 'a production-looking profile has no mfa_serial' },
  'creds-key-age': { severity: 'medium', title: 'a profile key is older than --max-key-age (--online)' },
  'creds-key-unused': { severity: 'low', title: 'a profile key has not been used for --max-unused (--online)' },
  'creds-duplicate-key': { severity: 'medium', title: 'the same access key is in two profiles' },
  'creds-env-shadow': { severity: 'medium', title: 'access keys in the environment are used instead of a profile' },
  'creds-process-writable': { severity: 'high', title: 'a credential_process command can be changed by other users' },
  'creds-online-unknown': { severity: 'info', title: 'an --online check could not be made' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type CredsFindingId = keyof typeof CREDS_FINDINGS;

export interface CredsFinding {
  readonly id: CredsFindingId;
  readonly severity: Severity;
  /** The profile concerned, if any. */
  readonly profile?: string;
  /** The file concerned, if any. */
  readonly file?: string;
  /** What is wrong, with key ids masked (AKIA…WXYZ); never a secret. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

export const finding = (id: CredsFindingId, fields: Omit<CredsFinding, 'id' | 'severity'>): CredsFinding => ({
  id,
  severity: CREDS_FINDINGS[id].severity,
  ...fields,
});
