// What the server writes back, and what every protocol binding gives the router.
import type { ApiError, FaultKind } from '../errors.js';
import type { RequestContext } from '../service.js';

export interface WireReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** A request matched to a service and an operation (or to nothing, which still answers properly). */
export interface Routed {
  /** `service:Operation`, the key of call counts and fault patterns. */
  readonly key: string;
  /** Runs the operation; throws ApiError for a modelled error. */
  invoke(ctx: RequestContext): WireReply;
  /** Renders any error the way this protocol does. */
  renderError(error: ApiError, ctx: RequestContext): WireReply;
  /** The error this service answers an injected fault with. */
  faultError(kind: FaultKind): ApiError;
}

/** Header names for `$metadata.requestId`: S3-style REST differs from everyone else. */
export const REQUEST_ID_HEADER = 'x-amzn-requestid';
export const S3_REQUEST_ID_HEADER = 'x-amz-request-id';
