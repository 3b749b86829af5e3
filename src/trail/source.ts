// The contract between where CloudTrail records come from (local files, an S3 trail bucket, the LookupEvents API) and
// the engine that loads them. Records are CloudTrail's own JSON objects, unchanged; a source never throws for bad data:
// it reports the problem and goes on.

/** Records read from one origin (a file, an S3 object, a page of LookupEvents): raw CloudTrail event objects. */
export interface RecordBatch {
  readonly kind: 'records';
  /** For messages and the events table's source column: a path, `s3://bucket/key`, or `lookup:us-east-1#3`. */
  readonly origin: string;
  readonly records: readonly Record<string, unknown>[];
}

/** Something that could not be read (a corrupt gzip, a line that is not JSON); the source goes on after it. */
export interface SourceProblem {
  readonly kind: 'problem';
  readonly origin: string;
  readonly message: string;
}

export type SourceItem = RecordBatch | SourceProblem;
export type RecordSource = AsyncIterable<SourceItem>;

/** Progress for stderr: how far a source has got (regions done, objects read, events so far). */
export type ProgressSink = (message: string) => void;
