// Async iteration helpers of the remote sources: objects fetched a few at a time but yielded in listing order, and
// regions read side by side with their batches yielded as they come.

/** Swallows a rejection for the unhandled-rejection check only: whoever awaits the promise still sees it. */
const handled = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => undefined);
  return p;
};

/** `fn` over `items` with at most `concurrency` running, results yielded in input order. */
export async function* mapWindowed<T, R>(items: AsyncIterable<T> | Iterable<T>, concurrency: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const window: Promise<R>[] = [];
  for await (const item of items) {
    window.push(handled(fn(item)));
    if (window.length >= concurrency) yield await window.shift()!;
  }
  while (window.length) yield await window.shift()!;
}

/**
 * The items of every source as each comes; a source that throws ends the merge with its error. Each source runs at
 * most one item ahead of the consumer.
 */
export async function* merge<T>(sources: readonly AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => pending.set(index, handled(iterators[index]!.next().then((result) => ({ index, result }))));
  iterators.forEach((_, i) => pull(i));
  try {
    while (pending.size) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done) pending.delete(index);
      else {
        pull(index);
        yield result.value;
      }
    }
  } finally {
    // Stopped early or failed: the others are told to finish, without waiting for a page in flight.
    for (const index of pending.keys()) void handled(Promise.resolve(iterators[index]!.return?.()));
  }
}
