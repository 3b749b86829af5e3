// awsQuery (IAM, STS, SNS) and ec2Query: form-encoded requests, XML responses.
import { ApiError, type FaultKind } from '../errors.js';
import type { QueryParams, QueryService, RequestContext } from '../service.js';
import { xmlDocument, type XmlValue } from './xml.js';
import { REQUEST_ID_HEADER, type Routed, type WireReply } from './wire.js';

const XML_HEADERS = { 'content-type': 'text/xml' };

export function parseForm(body: Buffer | string): QueryParams {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body.toString())) params[key] = value;
  return params;
}

/** awsQuery lists arrive as `Name.member.1`, `Name.member.2`, ... (ec2Query: `Name.1`). */
export function listParam(params: QueryParams, name: string): string[] {
  const values: string[] = [];
  for (let i = 1; ; i++) {
    const value = params[`${name}.member.${i}`] ?? params[`${name}.${i}`];
    if (value === undefined) return values;
    values.push(value);
  }
}

/** `<OpResponse><OpResult>...</OpResult><ResponseMetadata>` (the SDK returns `{}` without the Result wrapper). */
export function queryResponse(service: QueryService, operation: string, result: XmlValue, ctx: RequestContext): WireReply {
  const body =
    service.protocol === 'ec2Query'
      ? // ec2Query: no Result wrapper, `<requestId>` first, lists are `<item>`.
        xmlDocument(`${operation}Response`, { requestId: ctx.requestId, ...asRecord(result) }, service.xmlns, 'item')
      : xmlDocument(
          `${operation}Response`,
          { [`${operation}Result`]: result ?? {}, ResponseMetadata: { RequestId: ctx.requestId } },
          service.xmlns,
        );
  return { status: 200, headers: { ...XML_HEADERS, [REQUEST_ID_HEADER]: ctx.requestId }, body };
}

function asRecord(value: XmlValue): Record<string, XmlValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, XmlValue>)
    : {};
}

export function queryError(service: QueryService, error: ApiError, ctx: RequestContext): WireReply {
  const body =
    service.protocol === 'ec2Query'
      ? xmlDocument('Response', { Errors: { Error: { Code: error.code, Message: error.message } }, RequestID: ctx.requestId })
      : xmlDocument(
          'ErrorResponse',
          { Error: { Type: error.type, Code: error.code, Message: error.message, ...error.fields }, RequestId: ctx.requestId },
          service.xmlns,
        );
  return { status: error.status, headers: { ...XML_HEADERS, [REQUEST_ID_HEADER]: ctx.requestId }, body };
}

export function queryFault(service: QueryService, kind: FaultKind): ApiError {
  const custom = service.faultErrors?.[kind];
  if (custom) return custom();
  if (service.protocol === 'ec2Query') {
    return kind === 'AccessDenied'
      ? new ApiError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)
      : new ApiError('RequestLimitExceeded', 'Request limit exceeded.', 503);
  }
  return kind === 'AccessDenied'
    ? new ApiError('AccessDenied', 'User is not authorized to perform this action (injected fault)', 403)
    : new ApiError('Throttling', 'Rate exceeded', 400);
}

export function bindQuery(service: QueryService, params: QueryParams): Routed {
  const action = params['Action'] ?? '';
  const handler = Object.hasOwn(service.operations, action) ? service.operations[action] : undefined;
  return {
    key: `${service.name}:${action || 'MissingAction'}`,
    invoke(ctx) {
      if (!action) throw new ApiError('MissingAction', 'The request must contain the parameter Action.', 400);
      if (!handler) {
        throw new ApiError('InvalidAction', `Could not find operation ${action} for version ${service.version}`, 400);
      }
      return queryResponse(service, action, handler(params, ctx), ctx);
    },
    renderError: (error, ctx) => queryError(service, error, ctx),
    faultError: (kind) => queryFault(service, kind),
  };
}
