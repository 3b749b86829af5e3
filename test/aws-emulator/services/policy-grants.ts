// Does a resource policy (bucket, key, topic) let an AWS service do something? What CloudTrail and Config check
// before they accept a bucket or a key: an Allow statement naming the service principal and an action pattern that
// covers the action. Conditions are not evaluated (the services' own checks do not evaluate all of them either).

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** IAM's action wildcards: `*` any run of characters, `?` one; case-insensitive. */
const covers = (pattern: string, action: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(action);

export function grantsService(policyText: string | null | undefined, service: string, action: string): boolean {
  if (!policyText) return false;
  let policy: unknown;
  try {
    policy = JSON.parse(policyText);
  } catch {
    return false;
  }
  return asList((policy as { Statement?: unknown } | null)?.Statement).some((s) => {
    const st = s as Record<string, unknown>;
    const principal = st['Principal'] as { Service?: unknown } | string | undefined;
    const services = typeof principal === 'string' ? [principal] : asList(principal?.Service);
    return st['Effect'] === 'Allow' && services.some((p) => p === service || p === '*') && asList(st['Action']).some((a) => typeof a === 'string' && covers(a, action));
  });
}
