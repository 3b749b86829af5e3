// What the git sources read and skipped, for the summary line and the benchmark.

/** Blobs bigger than this are skipped unless the caller asks for more (minified bundles, data files, dumps). */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface ScanStats {
  blobsRead: number;
  bytesRead: number;
  skippedBinary: number;
  skippedLarge: number;
  /** A shallow clone: the oldest commit it has may not be where a secret really first appeared. */
  shallow: boolean;
}

export const emptyStats = (): ScanStats => ({ blobsRead: 0, bytesRead: 0, skippedBinary: 0, skippedLarge: 0, shallow: false });
