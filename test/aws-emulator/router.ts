// Finds the service and operation of a request, the way AWS front ends do:
//   X-Amz-Target header            -> awsJson, by target prefix
//   form-encoded POST to `/`       -> awsQuery/ec2Query, by signing service, else by the Version parameter
//   anything else                  -> REST, by signing service, then method + path
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.js';
import { bindJson, unknownJsonService } from './protocols/json.js';
import { bindQuery, parseForm } from './protocols/query.js';
import { bindRest, type RestService } from './protocols/rest.js';
import { REQUEST_ID_HEADER, type Routed } from './protocols/wire.js';
import { xmlDocument } from './protocols/xml.js';
import type { JsonService, QueryService, ServiceModule } from './service.js';
import type { SigningScope } from './signature.js';

export interface IncomingCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function isQuery(s: ServiceModule): s is QueryService {
  return s.protocol === 'awsQuery' || s.protocol === 'ec2Query';
}
function isJson(s: ServiceModule): s is JsonService {
  return s.protocol === 'awsJson1_0' || s.protocol === 'awsJson1_1';
}
function isRest(s: ServiceModule): s is RestService {
  return s.protocol === 'restJson1' || s.protocol === 'restXml';
}

/** A form-encoded request nobody claims: answered as a generic awsQuery error. */
function unknownQueryService(what: string): Routed {
  return {
    key: `unknown:${what}`,
    invoke() {
      throw new ApiError('UnrecognizedService', `The emulator has no awsQuery service for ${what}`, 400);
    },
    renderError: (error, ctx) => ({
      status: error.status,
      headers: { 'content-type': 'text/xml', [REQUEST_ID_HEADER]: ctx.requestId },
      body: xmlDocument('ErrorResponse', { Error: { Type: error.type, Code: error.code, Message: error.message }, RequestId: ctx.requestId }),
    }),
    faultError: (kind) => new ApiError(kind === 'AccessDenied' ? 'AccessDenied' : 'Throttling', 'injected fault', kind === 'AccessDenied' ? 403 : 400),
  };
}

export function route(services: readonly ServiceModule[], call: IncomingCall, scope: SigningScope): Routed {
  const target = call.headers['x-amz-target'];
  if (typeof target === 'string') {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const service = services.filter(isJson).find((s) => s.targetPrefix === prefix);
    return service ? bindJson(service, target.slice(dot + 1), call.body) : unknownJsonService(target);
  }

  const contentType = String(call.headers['content-type'] ?? '');
  if (call.method === 'POST' && call.path === '/' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const params = parseForm(call.body);
    const candidates = services.filter(isQuery);
    const service =
      candidates.find((s) => s.signingName === scope.service) ?? candidates.find((s) => s.version === params['Version']);
    return service ? bindQuery(service, params) : unknownQueryService(scope.service ?? params['Version'] ?? 'unsigned request');
  }

  const rest = services.filter(isRest);
  const signedFor = rest.filter((s) => s.signingName === scope.service);
  return bindRest(signedFor.length ? signedFor : rest, call);
}
