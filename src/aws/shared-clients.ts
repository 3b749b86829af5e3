// SDK clients shared by the sessions of many accounts (`audit --org`): one client per class and region for the whole
// run instead of one per account and region. An account's audit uses about a hundred clients, and each costs its
// configuration (resolved through provider chains), its middleware stack and its own sockets: at a thousand accounts
// that is more CPU and memory than the audit itself. A session sees a shared client through a view whose send() runs
// the command inside the session's scope, where the client's credentials and its call counter are the session's.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallCounter } from './call-counter.js';
import type { ClientConstructor, CredentialProvider, SdkClient } from './session.js';

/** What a call made through a view belongs to: the session's credentials and call counter. */
export interface CallScope {
  readonly credentials: CredentialProvider;
  readonly counter: CallCounter;
}

/**
 * Builds the shared client of a class for a region, signing with `credentials` and counting in `counterOf()`;
 * undefined for a class whose client cannot take credentials per call (it would keep the first ones it saw).
 */
export type SharedClientBuilder = <C extends SdkClient>(
  Client: ClientConstructor<C>,
  region: string,
  credentials: CredentialProvider,
  counterOf: () => CallCounter | undefined,
) => C | undefined;

type Send = (...args: unknown[]) => Promise<unknown>;

export class SharedClients {
  readonly #scope = new AsyncLocalStorage<CallScope>();
  /** null: the class cannot be shared. */
  readonly #clients = new Map<unknown, Map<string, SdkClient | null>>();
  readonly #credentials: CredentialProvider;

  constructor(private readonly build: SharedClientBuilder) {
    const scoped: CredentialProvider = async (options) => {
      const scope = this.#scope.getStore();
      if (!scope) throw new Error('internal error: a shared AWS client was called outside of a session');
      return scope.credentials(options);
    };
    // The SDK memoizes a provider not marked as memoized: this one would then keep the first account's credentials
    // for every account. Each session's own provider is memoized (session.ts).
    this.#credentials = Object.assign(scoped, { memoized: true });
  }

  /** The shared client of that class and region as `scope`'s session sees it; undefined when the class cannot be shared. */
  view<C extends SdkClient>(Client: ClientConstructor<C>, region: string, scope: CallScope): C | undefined {
    let byRegion = this.#clients.get(Client);
    if (!byRegion) this.#clients.set(Client, (byRegion = new Map()));
    let shared = byRegion.get(region);
    if (shared === undefined) {
      shared = this.build(Client, region, this.#credentials, () => this.#scope.getStore()?.counter) ?? null;
      byRegion.set(region, shared);
    }
    if (shared === null) return undefined;
    const client = shared;
    const send = (client as unknown as { send: Send }).send;
    // Everything but send() and destroy() is the shared client's own (config, middlewareStack, instanceof).
    return Object.create(client, {
      send: { value: (...args: unknown[]) => this.#scope.run(scope, () => send.apply(client, args)) },
      // The shared client outlives each session: close() below ends it.
      destroy: { value: () => undefined },
    }) as C;
  }

  close(): void {
    for (const byRegion of this.#clients.values()) for (const client of byRegion.values()) client?.destroy();
    this.#clients.clear();
  }
}
