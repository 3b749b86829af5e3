// A deadline for one AWS call. The client's own timeouts are per attempt and retried (6 attempts of 30 s is
// three minutes of a region that does not answer); a deadline bounds the whole call, retries included.
// The abort signal makes the SDK stop retrying and close the socket; the race makes sure the caller is
// answered on time even if something ignores the signal.

/** The call got no answer in time. Its name is its code in snapshot.errors. */
export class DeadlineError extends Error {
  override name = 'TimeoutError';
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/**
 * Runs `fn` with an AbortSignal that fires after `ms`; rejects with a DeadlineError saying `what` got no
 * answer within that time. Pass the signal on: `client.send(command, { abortSignal })`.
 */
export async function withDeadline<T>(ms: number, what: string, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineError(`${what}: no answer within ${seconds(ms)}`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
