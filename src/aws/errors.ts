// What went wrong with an AWS call, in words safe to print, log and store in a snapshot.
import { RunError } from '../util/errors.js';

export type AwsErrorKind = 'permission' | 'credentials' | 'throttling' | 'network' | 'not-found' | 'other';

export interface AwsErrorInfo {
  /** The service's error code (AccessDenied, NoSuchEntity, ...) or, for transport failures, the Node error code. */
  code: string;
  /** One line, secrets redacted, at most MAX_MESSAGE characters. */
  message: string;
  httpStatusCode?: number;
}

const MAX_MESSAGE = 300;

const PERMISSION_CODES = new Set([
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AuthorizationErrorException',
  'NotAuthorized',
  'Forbidden',
  'OptInRequired',
]);
const CREDENTIAL_CODES = new Set([
  'CredentialsProviderError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'AuthFailure',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'PriorRequestNotComplete',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'NetworkingError',
]);

interface ErrorLike {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const asErrorLike = (err: unknown): ErrorLike => (typeof err === 'object' && err !== null ? (err as ErrorLike) : {});
const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The error's code: the modelled Code, else the error name, else a Node errno code, else HTTP status. */
export function awsErrorCode(err: unknown): string {
  const e = asErrorLike(err);
  const name = nonEmpty(e.name);
  const genericName = name === undefined || name === 'Error' || name === 'TypeError' || name === 'ServiceException';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  return (
    nonEmpty(e.Code) ??
    (genericName ? undefined : name) ??
    nonEmpty(e.code) ??
    (status !== undefined ? `HTTP${status}` : undefined) ??
    name ??
    'UnknownError'
  );
}

/**
 * Blanks anything that looks like a secret access key or session token: an unbroken run of 40 or more
 * base64 characters. Error texts rarely carry one, but a snapshot or a report must never do so.
 */
export function redactSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9/+=]{40,}/g, '[redacted]');
}

export function describeAwsError(err: unknown): AwsErrorInfo {
  const e = asErrorLike(err);
  const code = awsErrorCode(err);
  const raw = nonEmpty(e.message) ?? (typeof err === 'string' ? err : code);
  let message = redactSecrets(raw.replace(/\s+/g, ' ').trim());
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 1)}…`;
  const status = e.$metadata?.httpStatusCode;
  return typeof status === 'number' ? { code, message, httpStatusCode: status } : { code, message };
}

export function classifyAwsError(err: unknown): AwsErrorKind {
  const { code, httpStatusCode } = describeAwsError(err);
  if (CREDENTIAL_CODES.has(code)) return 'credentials';
  if (code.startsWith('AccessDenied') || PERMISSION_CODES.has(code)) return 'permission';
  if (THROTTLING_CODES.has(code) || httpStatusCode === 429) return 'throttling';
  if (NETWORK_CODES.has(code)) return 'network';
  if (/^NoSuch|NotFound/.test(code) || httpStatusCode === 404) return 'not-found';
  if (httpStatusCode === 403) return 'permission';
  return 'other';
}

export const isPermissionError = (err: unknown): boolean => classifyAwsError(err) === 'permission';
export const isNotFoundError = (err: unknown): boolean => classifyAwsError(err) === 'not-found';

/** AWS cannot be used at all: the CLI prints the message on one line and exits 3 (a RunError). */
export class FatalAwsError extends RunError {
  override name = 'FatalAwsError';
}

/** No usable credentials: the chain found none, or the profile's could not be loaded. */
export class NoCredentialsError extends FatalAwsError {
  override name = 'NoCredentialsError';
  constructor(profile: string | undefined, reason: string | undefined, options?: { cause?: unknown }) {
    const where = profile ? ` for profile '${profile}'` : '';
    const why = reason ? ` (${reason})` : '';
    super(
      `no AWS credentials found${where}${why}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ` +
        'run `aws configure` or `aws sso login`, or pass --profile NAME',
      options,
    );
  }
}

/** Credentials exist but AWS could not be asked who they belong to (network down, keys rejected, ...). */
export class AwsUnreachableError extends FatalAwsError {
  override name = 'AwsUnreachableError';
  readonly code: string;
  constructor(operation: string, info: AwsErrorInfo, options?: { cause?: unknown }) {
    super(`cannot run: ${operation} failed (${info.code}: ${info.message})`, options);
    this.code = info.code;
  }
}
