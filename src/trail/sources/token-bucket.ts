// A token bucket: at most `ratePerSecond` takes a second on average, `burst` at once. LookupEvents allows 2 requests a
// second per account and region; one bucket per region keeps each region's chain of pages under it, so the SDK's
// retries are for the rare throttle, not the rule. The clock is injected so tests run on virtual time.

export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Tokens it holds at most, and at the start. Default 1: no burst, takes evenly spaced. */
  burst?: number;
  clock?: Clock;
}

export class TokenBucket {
  private readonly rate: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private updatedAt: number;
  /** Takes queue behind one another, so callers are served in order. */
  private tail: Promise<void> = Promise.resolve();

  constructor({ ratePerSecond, burst = 1, clock = realClock }: TokenBucketOptions) {
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be positive, got ${ratePerSecond}`);
    if (!(burst >= 1)) throw new RangeError(`burst must be at least 1, got ${burst}`);
    this.rate = ratePerSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  /** Waits until a token is there and takes it. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.takeNow(signal));
    // A take that was aborted must not stall the ones behind it.
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    if (this.tokens < 1) {
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000), signal);
      this.refill();
    }
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }
}
