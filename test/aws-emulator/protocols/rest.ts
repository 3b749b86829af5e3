// restJson1 (Account, Access Analyzer, Security Hub, GuardDuty) and restXml (S3, S3 Control):
// the operation is the method + path (+ required query keys) of a route.
import { ApiError, type FaultKind } from '../errors.js';
import type { RestJsonService, RestRequest, RestRoute, RestXmlService, XmlBody } from '../service.js';
import { toWireJson } from './json.js';
import { xmlDocument } from './xml.js';
import { REQUEST_ID_HEADER, S3_REQUEST_ID_HEADER, type Routed, type WireReply } from './wire.js';

export type RestService = RestJsonService | RestXmlService;

interface Match<B> {
  readonly route: RestRoute<B>;
  readonly labels: Record<string, string>;
}

/** Matches `/a/{Label}/{Rest+}` against a path; returns the decoded labels. */
function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  const labels: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] as string;
    const label = /^\{(\w+)(\+?)\}$/.exec(part);
    if (label?.[2]) {
      if (i >= got.length) return undefined;
      labels[label[1] as string] = got.slice(i).map(decodeURIComponent).join('/');
      return labels;
    }
    const actual = got[i];
    if (actual === undefined) return undefined;
    if (label) labels[label[1] as string] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return got.length === want.length ? labels : undefined;
}

export function matchRoute<B>(routes: readonly RestRoute<B>[], method: string, path: string, query: URLSearchParams): Match<B> | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    if (route.query && !route.query.every((key) => query.has(key))) continue;
    const labels = matchPath(route.path, path);
    if (labels) return { route, labels };
  }
  return undefined;
}

// ---- restJson1

function restJsonError(error: ApiError, requestId: string): WireReply {
  return {
    status: error.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ message: error.message, ...error.fields }),
  };
}

function restJsonFault(service: RestJsonService, kind: FaultKind): ApiError {
  const custom = service.faultErrors?.[kind];
  if (custom) return custom();
  return kind === 'AccessDenied'
    ? new ApiError('AccessDeniedException', 'User is not authorized to perform this action (injected fault)', 403)
    : new ApiError('ThrottlingException', 'Rate exceeded', 429);
}

// ---- restXml

function restXmlError(service: RestXmlService, error: ApiError, requestId: string): WireReply {
  const fields = { Code: error.code, Message: error.message, ...error.fields };
  const body =
    service.errorWrapper === 'Error'
      ? xmlDocument('Error', { ...fields, RequestId: requestId })
      : xmlDocument('ErrorResponse', { Error: fields, RequestId: requestId });
  return { status: error.status, headers: { 'content-type': 'application/xml', [S3_REQUEST_ID_HEADER]: requestId }, body };
}

function restXmlFault(service: RestXmlService, kind: FaultKind): ApiError {
  const custom = service.faultErrors?.[kind];
  if (custom) return custom();
  return kind === 'AccessDenied'
    ? new ApiError('AccessDenied', 'Access Denied (injected fault)', 403)
    : new ApiError('SlowDown', 'Please reduce your request rate.', 503);
}

// ---- binding

function renderError(service: RestService, error: ApiError, requestId: string): WireReply {
  return service.protocol === 'restJson1' ? restJsonError(error, requestId) : restXmlError(service, error, requestId);
}

function faultOf(service: RestService, kind: FaultKind): ApiError {
  return service.protocol === 'restJson1' ? restJsonFault(service, kind) : restXmlFault(service, kind);
}

function renderBody(service: RestService, body: unknown): { type: string; text: string | Buffer } {
  if (body === undefined) return { type: 'application/json', text: '' };
  // An object's bytes (S3 GetObject): sent as they are.
  if (Buffer.isBuffer(body)) return { type: 'application/octet-stream', text: body };
  if (service.protocol === 'restJson1') return { type: 'application/json', text: JSON.stringify(toWireJson(body)) };
  if (typeof body === 'string') return { type: 'application/xml', text: body };
  const xml = body as XmlBody;
  return { type: 'application/xml', text: xmlDocument(xml.root, xml.value, service.xmlns) };
}

/** Among the services signed with this name, the one whose route matches; the longest pathPrefix is tried first. */
export function bindRest(candidates: readonly RestService[], req: Omit<RestRequest, 'labels'>): Routed {
  // A path under a service's prefix is that service's alone (S3 Control's /v20180820/ is no S3 bucket and key).
  const prefixed = candidates.filter((s) => s.pathPrefix && req.path.startsWith(s.pathPrefix));
  const ordered = [...(prefixed.length ? prefixed : candidates)].sort((a, b) => (b.pathPrefix?.length ?? 0) - (a.pathPrefix?.length ?? 0));
  for (const service of ordered) {
    if (service.pathPrefix && !req.path.startsWith(service.pathPrefix)) continue;
    const match = matchRoute<unknown>(service.routes, req.method, req.path, req.query);
    if (!match) continue;
    const idHeader = service.protocol === 'restXml' ? S3_REQUEST_ID_HEADER : REQUEST_ID_HEADER;
    return {
      key: `${service.name}:${match.route.operation}`,
      invoke(ctx) {
        const reply = match.route.handler({ ...req, labels: match.labels }, ctx);
        const { type, text } = renderBody(service, reply.body);
        return {
          status: reply.status ?? 200,
          headers: { 'content-type': type, ...reply.headers, [idHeader]: ctx.requestId },
          body: text,
        };
      },
      renderError: (error, ctx) => renderError(service, error, ctx.requestId),
      faultError: (kind) => faultOf(service, kind),
    };
  }
  // No route: answer in the dialect of the first candidate (or restJson if the signing name is unknown).
  const fallback = ordered[0];
  return {
    key: `${fallback?.name ?? 'unknown'}:${req.method} ${req.path}`,
    invoke() {
      throw new ApiError('UnknownOperationException', `The emulator has no operation for ${req.method} ${req.path}`, 404);
    },
    renderError: (error, ctx) => (fallback ? renderError(fallback, error, ctx.requestId) : restJsonError(error, ctx.requestId)),
    faultError: (kind) =>
      fallback ? faultOf(fallback, kind) : new ApiError(kind === 'AccessDenied' ? 'AccessDeniedException' : 'ThrottlingException', 'injected fault', kind === 'AccessDenied' ? 403 : 429),
  };
}
