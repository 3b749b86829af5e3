// Parsing request values (addresses, dates, principals) repeats across statements and requests: remember the last
// thousand results of a pure string -> value function.
export function memo<T>(fn: (text: string) => T, max = 1024): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= max) cache.clear();
    cache.set(text, value);
    return value;
  };
}
