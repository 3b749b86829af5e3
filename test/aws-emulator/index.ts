// The local AWS endpoint for tests: an in-process HTTP server on 127.0.0.1 speaking the real wire protocols,
// so tests go through the real SDK clients. Point a client at `endpoint` (S3 Control also needs a custom
// endpointProvider, see AWS-WIRE.md).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, internalError } from './errors.js';
import { buildOrganization, type OrganizationOptions, type OrganizationRuntime } from './organization.js';
import { pickFault, validateFaults, type Fault } from './faults.js';
import { seededRandom } from './prng.js';
import { REQUEST_ID_HEADER, type WireReply } from './protocols/wire.js';
import { route } from './router.js';
import { loadScenario, type Scenario } from './scenario.js';
import type { RequestContext } from './service.js';
import { SERVICES } from './services/index.js';
import { confirmSubscriptions } from './services/sns-attributes.js';
import { signingScope } from './signature.js';
import { buildWorld, type World } from './world.js';

export type { Fault } from './faults.js';
export type { Scenario } from './scenario.js';
export type { OrganizationOptions, OrgMember, OrgPolicy } from './organization.js';

export interface EmulatorOptions {
  /** The account to emulate, or the path of a JSON scenario file. */
  scenario: Scenario | string;
  /** Delay added to every response. */
  latencyMs?: number;
  faults?: Fault[];
  /** The clock for relative scenario dates and the credential report. Default: new Date(). */
  now?: Date;
  /** Seed of the PRNG behind fault rates. Default 1. */
  seed?: number;
  /** Requests signed for these regions are counted and never answered (with the scenario's `hangRegions`). */
  hangRegions?: string[];
  /** Serve an organization: the scenario is its management account, these its members (organization.ts). */
  organization?: OrganizationOptions;
}

export interface Emulator {
  /** 'http://127.0.0.1:PORT' */
  endpoint: string;
  /** Requests per 'service:Operation', faulted ones included. */
  calls(): Record<string, number>;
  resetCalls(): void;
  setFaults(faults: Fault[]): void;
  setLatency(ms: number): void;
  /** Replaces the regions that never answer. */
  setHangRegions(regions: string[]): void;
  /** Test hook: every pending SNS subscription is confirmed, as if each person clicked the email's link; returns how many. */
  confirmSubscriptions(): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Runtime {
  readonly world: World;
  readonly counts: Map<string, number>;
  readonly random: () => number;
  faults: Fault[];
  latencyMs: number;
  hangRegions: Set<string>;
  readonly org: OrganizationRuntime | undefined;
}

/** The reply, or 'hang' for a request signed for a region that does not answer. */
async function answer(rt: Runtime, req: IncomingMessage): Promise<WireReply | 'hang'> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const body = await readBody(req);
  const call = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
  const scope = signingScope(req.headers, url.searchParams);
  const routed = route(SERVICES, call, scope);
  rt.counts.set(routed.key, (rt.counts.get(routed.key) ?? 0) + 1);
  if (scope.region !== undefined && rt.hangRegions.has(scope.region)) return 'hang';

  const world = rt.org?.worldFor(scope.accessKeyId) ?? rt.world;
  const ctx: RequestContext = {
    world,
    now: rt.world.now,
    ...(rt.org ? { org: rt.org } : {}),
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    requestId: randomUUID(),
  };
  const fault = pickFault(rt.faults, routed.key, rt.random, scope.region);
  if (fault) return routed.renderError(routed.faultError(fault.kind), ctx);
  try {
    return routed.invoke(ctx);
  } catch (error) {
    return routed.renderError(error instanceof ApiError ? error : internalError(error), ctx);
  }
}

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let reply: WireReply | 'hang';
  try {
    reply = await answer(rt, req);
  } catch (error) {
    // Only reading the request can get here (a reset connection): nothing sensible to say in any protocol.
    reply = {
      status: 500,
      headers: { 'content-type': 'text/plain', [REQUEST_ID_HEADER]: randomUUID() },
      body: `emulator: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  // A region that does not answer: nothing is written until the client gives up (or the emulator closes).
  if (reply === 'hang') return;
  if (rt.latencyMs > 0) await sleep(rt.latencyMs);
  if (res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const scenario = await loadScenario(opts.scenario);
  const now = opts.now ?? new Date();
  const world = buildWorld(scenario, now);
  const rt: Runtime = {
    world,
    org: opts.organization ? await buildOrganization(world, opts.organization, now) : undefined,
    counts: new Map(),
    random: seededRandom(opts.seed ?? 1),
    faults: validateFaults(opts.faults ?? []),
    latencyMs: opts.latencyMs ?? 0,
    hangRegions: new Set([...scenario.hangRegions, ...(opts.hangRegions ?? [])]),
  };

  const server = createServer((req, res) => void handle(rt, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => Object.fromEntries([...rt.counts].sort(([a], [b]) => a.localeCompare(b))),
    resetCalls: () => rt.counts.clear(),
    setFaults: (faults) => {
      rt.faults = validateFaults(faults);
    },
    setLatency: (ms) => {
      rt.latencyMs = ms;
    },
    setHangRegions: (regions) => {
      rt.hangRegions = new Set(regions);
    },
    confirmSubscriptions: () => confirmSubscriptions(rt.world),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
