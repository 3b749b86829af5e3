import type { AccountSnapshot } from '../inventory/snapshot.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['PASS', 'FAIL', 'UNKNOWN', 'NOT_APPLICABLE', 'MANUAL'] as const;
export type Status = (typeof STATUSES)[number];

export const AREAS = ['root', 'identity', 'password-policy', 'cost', 'logging', 'monitoring', 'exposure', 'policy'] as const;
export type Area = (typeof AREAS)[number];

export interface Remediation {
  summary: string;
  /** Console steps, in order. */
  console: string[];
  /** AWS CLI commands; placeholders in <angle brackets>. */
  cli: string[];
}

/** What a check's evaluate() says about one resource. */
export interface Outcome {
  status: Status;
  resource: string;
  message: string;
  /** Overrides the check's remediation, e.g. with the user's name filled in. */
  remediation?: Remediation;
}

/** Thresholds of CHECKS.md; every one can be changed by the user. */
export interface CheckOptions {
  now: Date;
  /** user-inactive: a console password must be used (or created) within this many days. */
  userUnusedDays: number;
  /** access-key-unused: an active key must be used (or created) within this many days. */
  keyUnusedDays: number;
  /** access-key-age: an active key must be younger than this many days. */
  keyMaxAgeDays: number;
  /** root-recent-use: root's password and keys unused for this many days. */
  rootUnusedDays: number;
  passwordMinLength: number;
  passwordReuse: number;
  passwordMaxAgeDays: number;
}

export const DEFAULT_CHECK_OPTIONS: Omit<CheckOptions, 'now'> = {
  userUnusedDays: 45,
  keyUnusedDays: 45,
  keyMaxAgeDays: 90,
  rootUnusedDays: 30,
  passwordMinLength: 14,
  passwordReuse: 24,
  passwordMaxAgeDays: 90,
};

export interface Check {
  id: string;
  title: string;
  area: Area;
  severity: Severity;
  /** Seeds (e.g. "seed 002") and CIS items (e.g. "CIS 2.4"). */
  sources: string[];
  remediation: Remediation;
  /** Pure: reads the snapshot, never throws for missing data (that is UNKNOWN). */
  evaluate(snapshot: AccountSnapshot, options: CheckOptions): Outcome[];
}

/** One line of the audit's output: the JSON contract of DESIGN.md. */
export interface CheckResult {
  checkId: string;
  status: Status;
  severity: Severity;
  area: Area;
  resource: string;
  message: string;
  remediation: Remediation;
}
