// One session per command run: resolved profile, region and credentials, and the factory every
// AWS client comes from, so all of them share retries, timeouts, endpoints and the call counter.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { CallCounter, countCalls, type CallEvent, type MiddlewareHost } from './call-counter.js';
import { configuredEndpoint, fixedEndpointProvider, serviceKey } from './endpoints.js';
import { NoCredentialsError, redactSecrets } from './errors.js';
import { unknownProfile } from './profiles.js';
import { resolveRegion } from './region.js';
import { retryStrategy } from './retry.js';
import { SharedClients, type CallScope } from './shared-clients.js';

export type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;

export interface SessionOptions {
  /** --profile; otherwise AWS_PROFILE, otherwise `default` (the credential chain decides). */
  profile?: string;
  /** --region; otherwise AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1. */
  region?: string;
  /** Called after every AWS call, e.g. for --debug output. */
  onCall?: (event: CallEvent) => void;
  /** Total HTTP attempts per call, retries included. */
  maxAttempts?: number;
  /** Milliseconds to wait for a TCP connection. */
  connectionTimeoutMs?: number;
  /** Milliseconds a whole request and its response may take before it is abandoned (and retried). */
  requestTimeoutMs?: number;
  /** Replaces the credential chain (tests, or a caller that already has credentials). */
  credentials?: CredentialProvider;
  /** Where AWS_* settings are read from; process.env by default. The SDK itself always reads process.env. */
  env?: NodeJS.ProcessEnv;
  /** Clients shared with other sessions (createSharedClients), used instead of the session's own where possible. */
  shared?: SharedClients;
}

/** What every SDK v3 client constructor accepts from the session. */
export interface SessionClientConfig {
  region: string;
  credentials: CredentialProvider;
  profile?: string;
  /** 'adaptive' when the user asks for it (AWS_RETRY_MODE); otherwise retryStrategy (retry.ts). */
  retryMode?: string;
  retryStrategy?: ReturnType<typeof retryStrategy>;
  maxAttempts: number;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean };
  endpointProvider?: () => { url: URL };
  /** S3 behind a custom endpoint: bucket names go in the path, as LocalStack, MinIO and moto expect. */
  forcePathStyle?: boolean;
  /** Legacy clients only (see build): the endpoint the environment configures, which they do not read themselves. */
  endpoint?: string;
}

export interface SdkClient {
  config: { serviceId?: string };
  destroy(): void;
}

export type ClientConstructor<C> = new (config: SessionClientConfig) => C;

export interface Session {
  readonly profile: string | undefined;
  readonly region: string;
  readonly credentials: CredentialProvider;
  /** The client of that class for that region (default: the session's), built once and then reused. */
  client<C extends SdkClient>(Client: ClientConstructor<C>, options?: { region?: string }): C;
  /** Calls made so far per `service:Operation`, e.g. {'iam:GetAccountAuthorizationDetails': 1}. */
  calls(): Record<string, number>;
  /** Resolves credentials now; throws NoCredentialsError (exit 3) when there are none, an InputError (exit 2) for a profile ~/.aws does not have. */
  getCredentialsOrFail(): Promise<void>;
  /** Closes every client's sockets. */
  close(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
/** Generous: a 1000-entity page of GetAccountAuthorizationDetails takes seconds on a big account. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** The chain's catch-all message says nothing a user can act on; anything more specific is worth showing. */
const GENERIC_CHAIN_MESSAGE = /could not load credentials from any providers/i;

function credentialFailureReason(err: unknown): string | undefined {
  const message = err instanceof Error ? err.message.split('\n')[0]?.trim() : undefined;
  if (!message || GENERIC_CHAIN_MESSAGE.test(message)) return undefined;
  const safe = redactSecrets(message);
  return safe.length > 200 ? `${safe.slice(0, 199)}…` : safe;
}

/** The settings every client of a session (or of shared clients) is built with. */
type ClientSettings = Pick<SessionOptions, 'maxAttempts' | 'connectionTimeoutMs' | 'requestTimeoutMs'> & { profile: string | undefined; env: NodeJS.ProcessEnv };

/** A client from before the SDK's move to smithy (Cost and Usage Report Service, whose last release is 3.332). */
const isLegacy = (client: SdkClient): boolean => typeof (client.config as { requestHandler?: { handle?: unknown } }).requestHandler?.handle !== 'function';

const serviceOf = (client: SdkClient, Client: ClientConstructor<unknown>): string => serviceKey(client.config.serviceId ?? Client.name.replace(/Client$/, ''));

/** The client, and whether it is a legacy one (see isLegacy). */
function buildClient<C extends SdkClient>(
  Client: ClientConstructor<C>,
  clientRegion: string,
  credentials: CredentialProvider,
  settings: ClientSettings,
): { client: C; legacy: boolean } {
  const { profile, env } = settings;
  const config: SessionClientConfig = {
    region: clientRegion,
    credentials,
    ...(profile ? { profile } : {}),
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(env.AWS_RETRY_MODE === 'adaptive' ? { retryMode: 'adaptive' } : { retryStrategy: retryStrategy(settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) }),
    requestHandler: {
      connectionTimeout: settings.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Without it the SDK only logs a warning when the timeout passes, and goes on waiting.
      throwOnRequestTimeout: true,
    },
  };
  if ((Client as unknown) === S3ControlClient) {
    const override = configuredEndpoint('S3 Control', env);
    if (override) config.endpointProvider = fixedEndpointProvider(override);
  }
  // Virtual-hosted style puts the bucket in the host name (`bucket.localhost`), which a local endpoint does not serve.
  if ((Client as unknown) === S3Client && configuredEndpoint('S3', env)) config.forcePathStyle = true;
  const client = new Client(config);
  if (!isLegacy(client)) return { client, legacy: false };
  // A legacy client needs a handler object, not its options, and does not read AWS_ENDPOINT_URL: it keeps its own
  // handler, gets the endpoint.
  client.destroy();
  // It also predates the retry strategies of @smithy/core: it keeps the SDK's standard retries.
  const { requestHandler: _options, retryStrategy: _strategy, ...legacy } = config;
  const override = configuredEndpoint(client.config.serviceId ?? '', env);
  return { client: new Client({ ...legacy, retryMode: legacy.retryMode ?? 'standard', ...(override ? { endpoint: override } : {}) } as SessionClientConfig), legacy: true };
}

/**
 * Clients for many sessions at once (audit --org): built with these options' settings (profile, timeouts), each call
 * signed with the credentials of the session that makes it. Close it after the sessions.
 */
export function createSharedClients(options: Pick<SessionOptions, 'profile' | 'maxAttempts' | 'connectionTimeoutMs' | 'requestTimeoutMs' | 'env'> = {}): SharedClients {
  const settings: ClientSettings = { ...options, profile: options.profile || undefined, env: options.env ?? process.env };
  return new SharedClients((Client, region, credentials, counterOf) => {
    const { client, legacy } = buildClient(Client, region, credentials, settings);
    // A legacy client memoizes whatever provider it is given: it would sign every account's calls with the first's.
    if (legacy) {
      client.destroy();
      return undefined;
    }
    countCalls(client as unknown as MiddlewareHost, serviceOf(client, Client), region, counterOf);
    return client;
  });
}

export function createSession(options: SessionOptions = {}): Session {
  const env = options.env ?? process.env;
  const profile = options.profile || undefined;
  const region = resolveRegion(options.region, profile, env);
  // The chain may assume a role through STS; that STS call belongs in the same region and partition.
  // A provider given from outside (an assumed role, an SSO permission set) is resolved once for all the session's
  // clients, as the chain memoizes itself: otherwise each client fetches its own (an AssumeRole per client and region).
  const credentials: CredentialProvider = options.credentials
    ? memoizeIdentityProvider(options.credentials, isIdentityExpired, doesIdentityRequireRefresh)!
    : fromNodeProviderChain({ profile, clientConfig: { region } });
  const counter = new CallCounter(options.onCall);
  const scope: CallScope = { credentials, counter };
  const settings: ClientSettings = { ...options, profile, env };
  const clients = new Map<unknown, Map<string, SdkClient>>();

  function build<C extends SdkClient>(Client: ClientConstructor<C>, clientRegion: string): C {
    const view = options.shared?.view(Client, clientRegion, scope);
    if (view) return view;
    const { client } = buildClient(Client, clientRegion, credentials, settings);
    counter.attach(client as unknown as MiddlewareHost, serviceOf(client, Client), clientRegion);
    return client;
  }

  return {
    profile,
    region,
    credentials,
    client<C extends SdkClient>(Client: ClientConstructor<C>, clientOptions: { region?: string } = {}): C {
      const clientRegion = clientOptions.region ?? region;
      let byRegion = clients.get(Client);
      if (!byRegion) clients.set(Client, (byRegion = new Map()));
      let client = byRegion.get(clientRegion) as C | undefined;
      if (!client) byRegion.set(clientRegion, (client = build(Client, clientRegion)));
      return client;
    },
    calls: () => counter.calls(),
    async getCredentialsOrFail(): Promise<void> {
      try {
        const identity = await credentials();
        if (!identity.accessKeyId || !identity.secretAccessKey) throw new Error('the credentials found are incomplete');
      } catch (err) {
        const named = profile ?? env.AWS_PROFILE;
        throw (options.credentials ? undefined : unknownProfile(named, env)) ?? new NoCredentialsError(named, credentialFailureReason(err), { cause: err });
      }
    },
    close(): void {
      for (const byRegion of clients.values()) for (const client of byRegion.values()) client.destroy();
      clients.clear();
    },
  };
}
