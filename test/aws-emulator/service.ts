// What a service module is. Each AWS service is one module: its protocol, how requests find it,
// and a table of operations. The protocol helpers turn what a handler returns into the wire format,
// so a handler only ever deals with data.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiError, FaultKind } from './errors.js';
import type { OrganizationRuntime } from './organization.js';
import type { World } from './world.js';
import type { XmlValue } from './protocols/xml.js';

export interface RequestContext {
  /** The account being emulated; handlers may read and change it. */
  readonly world: World;
  /** The emulator's clock (EmulatorOptions.now). */
  readonly now: Date;
  /** The access key id from the SigV4 credential scope, if the request was signed. */
  readonly accessKeyId: string | undefined;
  readonly region: string | undefined;
  readonly requestId: string;
  /** Present when the emulator serves an organization (organization.ts). */
  readonly org?: OrganizationRuntime;
}

interface ServiceBase {
  /** Prefix in call counts and fault patterns: `iam` -> `iam:ListUsers`. */
  readonly name: string;
  /** The service in the SigV4 credential scope (`Credential=AKID/date/region/SERVICE/aws4_request`). */
  readonly signingName: string;
  /** Replaces the protocol's default error for an injected fault (EC2's `UnauthorizedOperation`, say). */
  readonly faultErrors?: Partial<Record<FaultKind, () => ApiError>>;
}

// ---- awsQuery / ec2Query: form-encoded POST to `/`, `Action=Op`, XML back.

/** The flat form parameters: `Filter.member.1=User`, `MaxItems=10`. */
export type QueryParams = Readonly<Record<string, string>>;
/** Returns the children of `<OpResult>` (awsQuery) or of `<OpResponse>` (ec2Query). */
export type QueryHandler = (params: QueryParams, ctx: RequestContext) => XmlValue;

export interface QueryService extends ServiceBase {
  readonly protocol: 'awsQuery' | 'ec2Query';
  /** The API version, also the `Version` form parameter: routes unsigned requests. */
  readonly version: string;
  readonly xmlns: string;
  readonly operations: Readonly<Record<string, QueryHandler>>;
}

// ---- awsJson1_0 / awsJson1_1: POST `/`, `X-Amz-Target: Prefix.Op`, JSON both ways.

/** Returns the response object; Date values go out as epoch seconds, as the protocol wants. */
export type JsonHandler = (input: Readonly<Record<string, unknown>>, ctx: RequestContext) => unknown;

export interface JsonService extends ServiceBase {
  readonly protocol: 'awsJson1_0' | 'awsJson1_1';
  readonly targetPrefix: string;
  /** CloudWatch & co: errors also carry `x-amzn-query-error: Code;Type`. */
  readonly queryCompatible?: boolean;
  readonly operations: Readonly<Record<string, JsonHandler>>;
}

// ---- restJson1 / restXml: operation by method + path (+ query keys).

export interface RestRequest {
  readonly method: string;
  readonly path: string;
  /** Values of the route's `{Label}` / `{Label+}` segments, URL-decoded. */
  readonly labels: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface RestReply<B> {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: B;
}

/** restXml bodies: the root element and its content. */
export interface XmlBody {
  readonly root: string;
  readonly value: XmlValue;
}

export interface RestRoute<B> {
  readonly method: string;
  /** `/getAlternateContact`, `/{Bucket}/{Key+}`: `{x}` is one segment, `{x+}` the rest of the path. */
  readonly path: string;
  /** Query keys that must be present (S3 `?policy`, `?acl`): lets one path carry several operations. */
  readonly query?: readonly string[];
  readonly operation: string;
  readonly handler: (req: RestRequest, ctx: RequestContext) => RestReply<B>;
}

export interface RestJsonService extends ServiceBase {
  readonly protocol: 'restJson1';
  /** Routing tie-break between services with one signing name: the longest prefix is tried first. */
  readonly pathPrefix?: string;
  readonly routes: readonly RestRoute<unknown>[];
}

export interface RestXmlService extends ServiceBase {
  readonly protocol: 'restXml';
  readonly pathPrefix?: string;
  readonly xmlns?: string;
  /** S3 answers `<Error>` at the top; S3 Control wraps it in `<ErrorResponse>`. */
  readonly errorWrapper: 'Error' | 'ErrorResponse';
  /** A Buffer body is sent as it is (S3 GetObject). */
  readonly routes: readonly RestRoute<XmlBody | string | Buffer>[];
}

export type ServiceModule = QueryService | JsonService | RestJsonService | RestXmlService;
