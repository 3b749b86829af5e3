// Shared by the tests that run against the emulator: its clock, the scenario files and their callers; for the
// emulator's own tests, SDK clients pointed at an endpoint and a recording proxy that keeps every raw response,
// so tests can grep what really went over the wire.
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { AccountClient } from '@aws-sdk/client-account';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import type { Scenario } from './scenario.js';

export const NOW = new Date('2026-06-15T12:00:00Z');
export const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

export const scenarioPath = (name: string) => fileURLToPath(new URL(`./scenarios/${name}.json`, import.meta.url));
export const LEAKY = scenarioPath('leaky-account');
export const CLEAN = scenarioPath('clean-account');

/** A scenario file as written (before the schema's defaults). */
export const readScenario = (name: string): Scenario => JSON.parse(readFileSync(scenarioPath(name), 'utf8')) as Scenario;

/** The long-term access key of `ops` in firstDayWithAdmin(). */
export const OPS_KEY = 'AKIAOPS0000000000001';

/** The first-day account (empty-account) with an admin user `ops` who signs with long-term keys (OPS_KEY). */
export const firstDayWithAdmin = (): Scenario => ({
  ...readScenario('empty-account'),
  users: [
    {
      name: 'ops',
      created: '-1d',
      accessKeys: [{ id: OPS_KEY, secret: 'ops-secret-not-a-canary', status: 'Active', created: '-1d' }],
      attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    },
  ] as Scenario['users'],
});

/** A caller that is in the leaky scenario (dev-admin's key). */
export const LEAKY_ADMIN_KEY = 'AKIADEVADMIN00000001';
/** A caller that is in the clean scenario (ci's key), and the clean scenario's account. */
export const CLEAN_CI_KEY = 'AKIACLEANCI000000001';
export const CLEAN_ACCOUNT = '210987654321';

export function config(endpoint: string, accessKeyId = LEAKY_ADMIN_KEY, maxAttempts = 1) {
  return { endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'test-secret-not-a-canary' }, maxAttempts };
}

export function clients(endpoint: string, accessKeyId = LEAKY_ADMIN_KEY, maxAttempts = 1) {
  const cfg = config(endpoint, accessKeyId, maxAttempts);
  return {
    iam: new IAMClient(cfg),
    sts: new STSClient(cfg),
    account: new AccountClient(cfg),
    // S3 Control prefixes the host with the account id; only a custom endpointProvider keeps our endpoint.
    s3control: new S3ControlClient({ ...cfg, endpointProvider: () => ({ url: new URL(endpoint) }) }),
  };
}

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A pass-through proxy in front of the emulator that records every response. */
export async function startRecorder(target: string): Promise<{ endpoint: string; responses: Recorded[]; close(): Promise<void> }> {
  const upstream = new URL(target);
  const responses: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const text = Buffer.concat(body);
            responses.push({ method: req.method ?? '', path: req.url ?? '', status: up.statusCode ?? 0, headers: up.headers, body: text.toString('utf8') });
            res.writeHead(up.statusCode ?? 500, up.headers);
            res.end(text);
          });
        },
      );
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    responses,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Signs nothing, but carries a SigV4-shaped Authorization header so the emulator can route by scope. */
export function authHeader(service: string, accessKeyId = LEAKY_ADMIN_KEY, region = 'us-east-1'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260615/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

/** The error an SDK call rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; Code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}
