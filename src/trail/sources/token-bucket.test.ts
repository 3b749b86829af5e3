import { describe, expect, it } from 'vitest';
import { TokenBucket, type Clock } from './token-bucket.js';

/** Virtual time: sleeping moves the clock, and records when each take got through. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}

async function takeTimes(bucket: TokenBucket, clock: Clock, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await bucket.take();
    times.push(clock.now());
  }
  return times;
}

/** The most takes in any window of `ms` (a take at t counts in [t, t + ms)). */
const maxInWindow = (times: number[], ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe('TokenBucket', () => {
  it('spaces takes at the rate: 2 a second is one every 500 ms, never 3 within a second', async () => {
    const clock = fakeClock();
    const times = await takeTimes(new TokenBucket({ ratePerSecond: 2, clock }), clock, 7);
    expect(times).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(maxInWindow(times, 1000)).toBe(2);
  });

  it('lets a burst through at once, then keeps to the rate', async () => {
    const clock = fakeClock();
    const times = await takeTimes(new TokenBucket({ ratePerSecond: 2, burst: 2, clock }), clock, 4);
    expect(times).toEqual([0, 0, 500, 1000]);
  });

  it('does not wait when the tokens have refilled in the meantime', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 2, clock });
    await bucket.take();
    await clock.sleep(2000);
    clock.sleeps.length = 0;
    await bucket.take();
    expect(clock.sleeps).toEqual([]);
  });

  it('serves concurrent takers in turn, each a token', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 4, clock });
    const times: number[] = [];
    await Promise.all([0, 1, 2, 3].map(() => bucket.take().then(() => times.push(clock.now()))));
    expect(times).toEqual([0, 250, 500, 750]);
  });

  it('rejects with the abort reason, and the takes queued behind go on', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 1, clock });
    await bucket.take();
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(bucket.take(controller.signal)).rejects.toThrow('stopped');
    await expect(bucket.take()).resolves.toBeUndefined();
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});
