// Custom endpoints (LocalStack, moto, the test emulator). The SDK honours AWS_ENDPOINT_URL and
// AWS_ENDPOINT_URL_<SERVICE> by itself for every client; only S3 Control needs help, because its
// endpoint rules prefix the host with the account id (`http://123456789012.127.0.0.1:4566` is no URL).

const truthy = (v: string | undefined): boolean => v !== undefined && ['true', '1'].includes(v.trim().toLowerCase());

/** `S3 Control` -> `AWS_ENDPOINT_URL_S3_CONTROL`, the SDK's naming. */
export const endpointEnvName = (serviceId: string): string =>
  ['AWS_ENDPOINT_URL', ...serviceId.split(' ').map((w) => w.toUpperCase())].join('_');

/** The endpoint the environment configures for a service, as the SDK would pick it, or undefined. */
export function configuredEndpoint(serviceId: string, env: NodeJS.ProcessEnv): string | undefined {
  if (truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)) return undefined;
  return env[endpointEnvName(serviceId)] || env.AWS_ENDPOINT_URL || undefined;
}

/** An endpointProvider that sends every request to `url` unchanged, whatever the rules would add. */
export function fixedEndpointProvider(url: string): () => { url: URL } {
  const parsed = new URL(url);
  return () => ({ url: new URL(parsed.href) });
}

/** serviceId as the SDK spells it ("S3 Control") -> the short name used in `service:Operation` ("s3control"). */
export const serviceKey = (serviceId: string): string => serviceId.toLowerCase().replace(/\s+/g, '');
