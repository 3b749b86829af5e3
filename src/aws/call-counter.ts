// Counts AWS calls per `service:Operation` from inside the SDK's middleware stack, so every client the
// session builds is counted whoever sends the command. One logical call counts once, however many
// attempts the retry strategy made (`attempts` in the event says how many).
import { describeAwsError, type AwsErrorInfo } from './errors.js';

export interface CallEvent {
  service: string;
  operation: string;
  region: string;
  durationMs: number;
  /** HTTP attempts, retries included, when the SDK reports them. */
  attempts?: number;
  error?: AwsErrorInfo;
}

type Handler = (args: unknown) => Promise<unknown>;
interface HandlerContext {
  commandName?: string;
}
export type CountingMiddleware = (next: Handler, context: HandlerContext) => Handler;

/** The part of an SDK v3 client the counter needs. */
export interface MiddlewareHost {
  middlewareStack: { add(middleware: CountingMiddleware, options: { step: 'initialize'; name: string; override?: boolean }): void };
}

const attemptsOf = (value: unknown): number | undefined => {
  const attempts = (value as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata?.attempts;
  return typeof attempts === 'number' ? attempts : undefined;
};

export class CallCounter {
  private readonly counts = new Map<string, number>();
  constructor(private readonly onCall?: (event: CallEvent) => void) {}

  calls(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  attach(client: MiddlewareHost, service: string, region: string): void {
    countCalls(client, service, region, () => this);
  }

  count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  report(event: CallEvent): void {
    // A progress or debug listener must never turn a good AWS answer into a failure.
    try {
      this.onCall?.(event);
    } catch {
      /* ignored */
    }
  }
}

/** Counts the client's calls in the counter `counterOf` gives at the time of each call (none: not counted). */
export function countCalls(client: MiddlewareHost, service: string, region: string, counterOf: () => CallCounter | undefined): void {
  const middleware: CountingMiddleware = (next, context) => async (args) => {
    const counter = counterOf();
    if (!counter) return next(args);
    const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    counter.count(`${service}:${operation}`);
    const started = performance.now();
    const report = (extra: Pick<CallEvent, 'attempts' | 'error'>): void =>
      counter.report({ service, operation, region, durationMs: Math.round(performance.now() - started), ...extra });
    try {
      const output = await next(args);
      const attempts = attemptsOf((output as { output?: unknown } | undefined)?.output);
      report(attempts === undefined ? {} : { attempts });
      return output;
    } catch (err) {
      const attempts = attemptsOf(err);
      report(attempts === undefined ? { error: describeAwsError(err) } : { attempts, error: describeAwsError(err) });
      throw err;
    }
  };
  client.middlewareStack.add(middleware, { step: 'initialize', name: 'rampartCallCounter', override: true });
}
