// What the linter's rules are made of: metadata beside one small function over a document's context, as checks are.
import type { Severity } from '../../checks/types.js';
import type { PolicyKind } from '../types.js';
import type { SnapshotIndex } from './snapshot-index.js';

export type { Severity };

/** One statement as written (not yet validated), with its JSON path. */
export interface RawStatement {
  readonly path: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** One string of a policy element, with its own path (`$.Statement[0].Action[1]`, or the element's when it is a string). */
export interface Entry {
  readonly value: string;
  readonly path: string;
}

export interface LintOptions {
  readonly kind: PolicyKind;
  /** Demand an MFA condition on every Allow of a sensitive action (`--require-mfa`). */
  readonly requireMfa: boolean;
  /** The account's resources, for ARNs that name nothing (`--snapshot`). */
  readonly snapshot?: SnapshotIndex;
}

export interface LintContext {
  /** The document; rules only run on an object (anything else is one policy-shape finding). */
  readonly doc: Readonly<Record<string, unknown>>;
  /** Every statement that is an object; the others are reported by the statement rule. */
  readonly statements: readonly RawStatement[];
  readonly duplicateKeys: readonly string[];
  readonly options: LintOptions;
}

/** What a rule reports; the runner adds the rule id, severity and position. */
export interface Issue {
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  /** Overrides the rule's severity for this one issue. */
  readonly severity?: Severity;
}

export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  check(ctx: LintContext): Issue[];
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}
