// How rampart retries throttling and transient errors: the standard strategy (a retry quota per client), with
// exponential backoff and full jitter, base 100 ms, capped at 1 s, 8 attempts by default (about 3 s of patience).
//
// Why not the SDK's defaults: a throttled call there waits up to 500 ms x 2^attempt (8 s before a fifth try), and
// adaptive mode paces a client at the rate it has measured, which for a client that sent two calls is a fraction of a
// call per second. An audit is ~175 calls spread over ~60 clients: its time is its slowest chain, so one unlucky call
// backing off for 8 s costs the whole audit 8 s. With 30% of calls throttled (bench/audit-full) the SDK defaults made the
// audit 8 to 14 times slower; this backoff keeps it at 2.2 to 2.5 times. AWS_RETRY_MODE=adaptive restores adaptive mode.
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

export const RETRY_BASE_MS = 100;
export const RETRY_CAP_MS = 1_000;

/** Delay before retry number `attempt` (1, 2, ...): uniform in [0, min(cap, base * 2^attempt)]. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt));
}

export function retryStrategy(maxAttempts: number): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(maxAttempts, (attempt) => backoffMs(attempt));
}
