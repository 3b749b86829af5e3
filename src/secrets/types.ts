// The contract between the detectors (src/secrets/detect*), the sources that feed them (a directory tree, stdin,
// the staged changes, git history) and the renderers (text, JSON, SARIF). Detectors see text and a path, nothing else;
// sources add where the text came from.

export type SecretKind = 'access-key-id' | 'secret-access-key' | 'session-token' | 'bedrock-api-key';

/** The commit a git-history finding was first seen in, and whether the blob is still in HEAD. */
export interface CommitOrigin {
  readonly commit: string;
  readonly author: string;
  /** ISO 8601. */
  readonly date: string;
  readonly inHead: boolean;
}

export interface SecretLocation {
  /** Path relative to the scan root (or `stdin`); for history, the path in the commit. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  readonly commit?: CommitOrigin;
}

export interface SecretFinding {
  /** Stable rule id, e.g. `aws-access-key-id`, `aws-secret-access-key`. */
  readonly rule: string;
  readonly kind: SecretKind;
  /** The matched secret. Used for --verify and fingerprints only: renderers must never print it (use `masked`). */
  readonly secret: string;
  /** First 4 and last 4 characters, the rest as `*`. */
  readonly masked: string;
  /** The access key id this secret pairs with (or, for an id, itself), when known: printed masked too. */
  readonly accessKeyId?: string;
  /** Decoded from the key id where the format allows it. */
  readonly accountId?: string;
  /** The finding this one pairs with (an id with its secret), by fingerprint. */
  readonly pairedWith?: string;
  /** sha256 over rule + secret (not the location): what baseline/ignore files hold. */
  readonly fingerprint: string;
  readonly location: SecretLocation;
}

/** A detector: every secret in one text. `path` is for context rules (`.env`, `*.tf`) and locations. */
export type Detect = (text: string, path: string) => SecretFinding[];
