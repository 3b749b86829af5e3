import { describe, expect, it } from 'vitest';
import { backoffMs, RETRY_BASE_MS, RETRY_CAP_MS } from './retry.js';

describe('retry backoff', () => {
  it('grows exponentially from the base, with full jitter', () => {
    expect(backoffMs(1, () => 1)).toBe(RETRY_BASE_MS * 2);
    expect(backoffMs(3, () => 1)).toBe(RETRY_BASE_MS * 8);
    expect(backoffMs(3, () => 0.5)).toBe(RETRY_BASE_MS * 4);
    expect(backoffMs(2, () => 0)).toBe(0);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffMs(20, () => 1)).toBe(RETRY_CAP_MS);
    expect(backoffMs(1000, () => 0.999)).toBeLessThanOrEqual(RETRY_CAP_MS);
  });
});
