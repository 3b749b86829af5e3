// What a source hands the scanner: texts to run the detector over, findings it made itself (git history reports
// each with its commit), files it could not read, and files it left out on purpose.
import type { SecretFinding } from './types.js';

export type SourceItem =
  | { readonly kind: 'text'; readonly path: string; readonly text: string; readonly bytes: number }
  /** Read and found by a byte-level prefilter to hold nothing: counted as scanned, never decoded. */
  | { readonly kind: 'clean'; readonly path: string; readonly bytes: number }
  | { readonly kind: 'finding'; readonly finding: SecretFinding }
  | { readonly kind: 'problem'; readonly path: string; readonly message: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: SkipReason };

export type SkipReason = 'binary' | 'too-large';

/** A source: anything that yields items; the scanner reads several in turn. */
export type Source = AsyncIterable<SourceItem>;
