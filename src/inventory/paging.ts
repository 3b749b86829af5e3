// Paging by hand rather than with the SDK's paginators: each page is its own call, so each gets its own
// deadline (RegionCall.timed) and abort signal, which the paginators cannot pass on.
import { UnreadableResponseError } from './context.js';

export interface Page<T> {
  readonly items: readonly T[] | undefined;
  /** The token of the next page; absent or empty on the last one. */
  readonly next: string | undefined;
}

/** Every item of every page, in order. A service that hands back a token it already gave would loop forever: that is an error. */
export async function allPages<T>(fetch: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...(page.items ?? []));
    token = page.next || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new UnreadableResponseError(`the service returned the page token "${token.slice(0, 40)}" twice`);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
