// Shared by the remote CloudTrail sources' tests: a source drained into its records and problems, and a session
// whose SDK clients report each command as it is sent (before retries), to see what a source asked for and when.
import type { ClientConstructor, Session } from '../src/aws/session.js';
import type { RecordSource } from '../src/trail/source.js';

export interface Drained {
  records: Record<string, unknown>[];
  problems: { origin: string; message: string }[];
  origins: string[];
}

export async function drain(source: RecordSource): Promise<Drained> {
  const out: Drained = { records: [], problems: [], origins: [] };
  for await (const item of source) {
    out.origins.push(item.origin);
    if (item.kind === 'records') out.records.push(...item.records);
    else out.problems.push({ origin: item.origin, message: item.message });
  }
  return out;
}

export interface Sent {
  command: string;
  region: string;
  input: Record<string, unknown>;
  /** performance.now() when the command entered the client. */
  at: number;
}

interface Stackable {
  middlewareStack: {
    add(m: (next: (args: { input: unknown }) => Promise<unknown>, context: { commandName?: string }) => (args: { input: unknown }) => Promise<unknown>, o: object): void;
  };
}

/** Wraps session.client so every client of `Client` it gives records what is sent through it into `sent`. */
export function recordSends<C>(session: Session, Client: ClientConstructor<C>, sent: Sent[]): void {
  const original = session.client.bind(session);
  const seen = new Set<unknown>();
  session.client = ((Wanted, options) => {
    const client = original(Wanted, options);
    if ((Wanted as unknown) === Client && !seen.has(client)) {
      seen.add(client);
      const region = options?.region ?? session.region;
      (client as unknown as Stackable).middlewareStack.add(
        (next, context) => (args) => {
          sent.push({ command: context.commandName ?? '?', region, input: args.input as Record<string, unknown>, at: performance.now() });
          return next(args);
        },
        { step: 'initialize', name: 'recordSends' },
      );
    }
    return client;
  }) as Session['client'];
}
