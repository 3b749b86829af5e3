// An organization (or a list of profiles) audited account by account, plus the facts only the management account sees.
import type { Severity } from '../checks/types.js';
import type { KeptAudit } from './kept-audit.js';

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE; `profile` for an account given by --profile. */
  readonly status: string;
}

/** Every account ends in exactly one of these: none is ever silently skipped. */
export type AccountOutcome =
  | { readonly account: OrgAccount; readonly status: 'audited'; readonly audit: KeptAudit }
  | { readonly account: OrgAccount; readonly status: 'failed' | 'skipped'; readonly reason: string };

export interface OrgScp {
  readonly id: string;
  readonly name: string;
  readonly awsManaged: boolean;
  /** The policy document (parsed JSON). */
  readonly document: unknown;
  /** Where it is attached: the root, OUs, accounts. */
  readonly targets: readonly { readonly id: string; readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' }[];
}

export interface OrgFacts {
  readonly organizationId: string;
  readonly managementAccountId: string;
  /** null when SCPs could not be read (see errors). */
  readonly scps: readonly OrgScp[] | null;
  readonly delegatedAdministrators: readonly { readonly accountId: string; readonly name: string; readonly services: readonly string[] }[] | null;
  /** Calls that failed, one line each. */
  readonly errors: readonly string[];
}

export interface OrgFinding {
  readonly id: string;
  readonly severity: Severity;
  readonly status: 'PASS' | 'FAIL' | 'UNKNOWN';
  readonly message: string;
  readonly fix: string;
}

export interface OrgAudit {
  readonly collectedAt: string;
  /** Absent for a list of profiles. */
  readonly organization?: { readonly facts: OrgFacts; readonly findings: readonly OrgFinding[] };
  readonly accounts: readonly AccountOutcome[];
}
