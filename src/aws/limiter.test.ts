import { describe, expect, it } from 'vitest';
import { createLimiter, mapLimited } from './limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('runs at most N tasks at once and all of them eventually', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n * 2;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => limit(() => task(n))));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(peak).toBe(2);
    expect(limit.activeCount).toBe(0);
    expect(limit.pendingCount).toBe(0);
  });

  it('frees the slot of a task that fails, even synchronously', async () => {
    const limit = createLimiter(1);
    const boom = (): Promise<never> => {
      throw new Error('sync');
    };
    await expect(limit(boom)).rejects.toThrow('sync');
    await expect(limit(() => Promise.reject(new Error('async')))).rejects.toThrow('async');
    await expect(limit(async () => 'still running')).resolves.toBe('still running');
  });

  it('reports pending tasks', async () => {
    const limit = createLimiter(1);
    let release!: () => void;
    const first = limit(() => new Promise<void>((r) => (release = r)));
    const second = limit(async () => undefined);
    await tick();
    expect(limit.activeCount).toBe(1);
    expect(limit.pendingCount).toBe(1);
    release();
    await Promise.all([first, second]);
  });

  it('refuses a concurrency below one', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe('mapLimited', () => {
  it('keeps input order', async () => {
    const out = await mapLimited([30, 10, 20], 2, async (ms, i) => {
      await new Promise((r) => setTimeout(r, ms));
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:10', '2:20']);
  });
});
