import { describe, expect, it } from 'vitest';
import { describeAwsError } from './errors.js';
import { DeadlineError, withDeadline } from './deadline.js';

describe('withDeadline', () => {
  it('gives the answer that comes in time', async () => {
    await expect(withDeadline(1_000, 'x', async () => 42)).resolves.toBe(42);
    await expect(withDeadline(1_000, 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('aborts the signal and answers TimeoutError at the deadline, even if the call ignores the signal', async () => {
    let signal: AbortSignal | undefined;
    const error = await withDeadline(50, 'cloudwatch:DescribeAlarms in ap-south-1', (s) => {
      signal = s;
      return new Promise(() => undefined);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineError);
    expect(signal?.aborted).toBe(true);
    expect(describeAwsError(error)).toEqual({ code: 'TimeoutError', message: 'cloudwatch:DescribeAlarms in ap-south-1: no answer within 0.05 s' });
  });
});
