// Who signed a request and for what: the SigV4 credential scope `Credential=AKID/DATE/REGION/SERVICE/aws4_request`,
// from the Authorization header or a presigned URL's X-Amz-Credential. The signature itself is not checked.
import type { IncomingHttpHeaders } from 'node:http';

export interface SigningScope {
  readonly accessKeyId: string | undefined;
  readonly region: string | undefined;
  readonly service: string | undefined;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function signingScope(headers: IncomingHttpHeaders, query: URLSearchParams): SigningScope {
  const auth = headers['authorization'];
  const fromHeader = typeof auth === 'string' ? CREDENTIAL.exec(auth) : null;
  const presigned = query.get('X-Amz-Credential');
  const match = fromHeader ?? (presigned ? CREDENTIAL.exec(`Credential=${presigned}`) : null);
  return { accessKeyId: match?.[1], region: match?.[3], service: match?.[4] };
}
