// One error type for every service; each protocol renders it its own way (XML ErrorResponse, JSON __type, ...).

export type FaultKind = 'AccessDenied' | 'Throttling';

export class ApiError extends Error {
  constructor(
    /** The wire code, e.g. `NoSuchEntity`, `ResourceNotFoundException`. */
    readonly code: string,
    message: string,
    readonly status = 400,
    /** awsQuery's `<Type>`: who is at fault. */
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
    /** Extra members some errors carry (restJson `reason`, S3 `BucketName`, ...). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** A bug in the emulator itself: answered as the protocol's internal error, never a crash. */
export function internalError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError('InternalFailure', `emulator error: ${detail}`, 500, 'Receiver');
}
