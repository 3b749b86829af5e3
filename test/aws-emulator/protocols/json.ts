// awsJson1_0 / awsJson1_1 (Budgets, CloudTrail, Config, Logs, KMS, CloudWatch, ...): POST `/` with
// `X-Amz-Target: Prefix.Operation`, JSON both ways. Timestamps are epoch seconds: an ISO string makes the SDK throw.
import { ApiError, type FaultKind } from '../errors.js';
import type { JsonService, RequestContext } from '../service.js';
import { REQUEST_ID_HEADER, type Routed, type WireReply } from './wire.js';

/** Dates -> epoch seconds, Buffers -> base64 (JSON blobs), recursively. */
export function toWireJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(toWireJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWireJson(v);
    return out;
  }
  return value;
}

/** Parses a JSON request body; an empty body is `{}` (operations without input). */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 'Request body is not valid JSON', 400);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError('SerializationException', 'Request body must be a JSON object', 400);
  }
  return parsed as Record<string, unknown>;
}

function contentType(service: JsonService): string {
  return service.protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
}

export function jsonError(service: JsonService, error: ApiError, ctx: RequestContext): WireReply {
  const headers: Record<string, string> = {
    'content-type': contentType(service),
    'x-amzn-errortype': error.code,
    [REQUEST_ID_HEADER]: ctx.requestId,
  };
  // Query-compatible services (CloudWatch) keep their old awsQuery codes: the SDK fills Code/Type from this.
  if (service.queryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.type}`;
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.code, message: error.message, ...error.fields }),
  };
}

export function jsonFault(service: JsonService, kind: FaultKind): ApiError {
  const custom = service.faultErrors?.[kind];
  if (custom) return custom();
  return kind === 'AccessDenied'
    ? new ApiError('AccessDeniedException', 'User is not authorized to perform this action (injected fault)', 403)
    : new ApiError('ThrottlingException', 'Rate exceeded', 400);
}

/** A target whose prefix matches no service: still a proper awsJson error. */
export function unknownJsonService(target: string): Routed {
  const pseudo: JsonService = { name: 'unknown', signingName: '', protocol: 'awsJson1_1', targetPrefix: '', operations: {} };
  return bindJson(pseudo, target.split('.').pop() ?? target, Buffer.alloc(0));
}

export function bindJson(service: JsonService, operation: string, body: Buffer): Routed {
  const handler = Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
  return {
    key: `${service.name}:${operation}`,
    invoke(ctx) {
      if (!handler) throw new ApiError('UnknownOperationException', `Unknown operation ${operation}`, 400);
      const output = handler(parseJsonBody(body), ctx);
      return {
        status: 200,
        headers: { 'content-type': contentType(service), [REQUEST_ID_HEADER]: ctx.requestId },
        body: JSON.stringify(toWireJson(output ?? {})),
      };
    },
    renderError: (error, ctx) => jsonError(service, error, ctx),
    faultError: (kind) => jsonFault(service, kind),
  };
}
