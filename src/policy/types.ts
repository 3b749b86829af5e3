// The policy model shared by the linter, the evaluator and the templates: an IAM policy document as AWS reads it,
// every list element normalised to an array of strings. Raw JSON is turned into this by toPolicy() (model.ts);
// positions (line/column) live beside it in the parser, keyed by the JSON paths carried here.

/** What a policy is attached to; decides which elements are allowed (Principal only in resource and trust policies). */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'session';

/** `*`, or principals by type: AWS, Service, Federated, CanonicalUser. */
export type Principal = '*' | Readonly<Record<string, readonly string[]>>;

/** Condition block: operator (as written, e.g. `ForAnyValue:StringLikeIfExists`) -> key -> values (stringified). */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Statement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /** Exactly one of action / notAction is set. */
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  /** Identity policies: exactly one of resource / notResource. Trust policies may have neither. */
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly principal?: Principal;
  readonly notPrincipal?: Principal;
  readonly condition?: ConditionBlock;
  /** JSON path of the statement in its document, e.g. `$.Statement[2]` (or `$.Statement` when it is one object). */
  readonly path: string;
}

export interface Policy {
  readonly version?: string;
  readonly id?: string;
  readonly statements: readonly Statement[];
  /** Where the document came from, for messages: a file name, `stdin`, or `inline:alice/ReadLogs`. */
  readonly source?: string;
}
