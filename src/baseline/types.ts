// The baseline's domain: a plan is an ordered list of steps; a step knows how to bring one thing to the spec.
import type { Session } from '../aws/session.js';
import type { AccountSnapshot } from '../inventory/snapshot.js';
import type { BaselineSpec } from './spec.js';

/** create / update: an API call will change the account; noop: already as the spec says; manual: a person must act. */
export type StepKind = 'create' | 'update' | 'noop' | 'manual';

export interface ManualInstructions {
  /** Exact console steps. */
  console: string[];
  /** How rampart (or the person) checks it is done, e.g. "rampart audit --check root-mfa". */
  verify: string;
}

/** Who runs the plan; some steps depend on it (guards, root). */
export interface Caller {
  arn: string;
  /** The account's root user (e.g. in CloudShell on the first day). */
  isRoot: boolean;
  /** The IAM user name when the caller is an IAM user. */
  userName: string | null;
  /** Long-term access keys (AKIA...): such a session never carries MFA, so force-MFA would lock it out. */
  longTermKeys: boolean;
}

export interface PlanContext {
  snapshot: AccountSnapshot;
  spec: BaselineSpec;
  caller: Caller;
  /** Where regional resources go: spec.regions, else every enabled region. */
  regions: string[];
}

/** Writes a one-time secret to a new 0600 file before anything else sees it; returns the file's path. */
export type SecretSink = (name: string, secret: string) => Promise<string>;

export interface ApplyContext extends PlanContext {
  session: Session;
  secrets: SecretSink;
}

export interface Step {
  /** Stable across runs (the journal keys on it): `password-policy`, `admin-user:alice`, `guardduty:eu-west-1`. */
  id: string;
  title: string;
  kind: StepKind;
  /** One line: what differs and what will be done (or why nothing). */
  detail: string;
  /** The IAM actions the step calls; named when one is denied. */
  actions: string[];
  /** Steps that must be done first (their ids). */
  dependsOn?: string[];
  /** Allowed when the caller is root (the first-day bootstrap: the admin user and what protects it). */
  rootAllowed?: boolean;
  /** Set when the step must not run for this caller, with the reason (the lockout guard). */
  refused?: string;
  manual?: ManualInstructions;
  /**
   * Idempotent: reads the current state, acts only on the difference, verifies, and returns one line on what it did.
   * Throws on failure (an AWS error is reported with the missing action when it is a permission error).
   */
  run?(ctx: ApplyContext): Promise<string>;
}

/** One part of the baseline (password policy, the trail, ...): pure, from the snapshot and the spec to steps. */
export interface Planner {
  id: string;
  plan(ctx: PlanContext): Step[];
}
