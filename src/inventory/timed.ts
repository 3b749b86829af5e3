// A deadline for the global collectors' calls, like the regional fan-out's: a trail's home region that does not
// answer must cost one deadline, not the audit. Without a deadline the call runs under the SDK's own timeouts.
import { withDeadline } from '../aws/deadline.js';

/** Runs one AWS call; pass the signal on: `timed('cloudtrail:GetTrailStatus in us-east-1', (abortSignal) => client.send(cmd, { abortSignal }))`. */
export type Timed = <T>(what: string, fn: (abortSignal: AbortSignal) => Promise<T>) => Promise<T>;

export function deadline(ms: number | undefined): Timed {
  if (ms === undefined) return (_what, fn) => fn(new AbortController().signal);
  return (what, fn) => withDeadline(ms, what, fn);
}
