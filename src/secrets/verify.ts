// --verify: asks STS GetCallerIdentity, signed with a found id and its secret (and session token), whether the pair
// is live and whose it is. That call needs no permission and changes nothing; nothing else is ever sent. Opt-in only.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { configuredEndpoint } from '../aws/endpoints.js';
import type { Verification } from './report.js';
import type { SecretFinding } from './types.js';

/** Pairs checked at once. */
const CONCURRENCY = 4;
const TIMEOUT_MS = 10_000;

/** Codes with which STS says the credentials themselves are not good (as opposed to "could not ask"). */
const INVALID = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException', 'InvalidAccessKeyId']);

interface Pair {
  idFingerprint: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Every id in `findings` that has a paired secret, verified; by the id's fingerprint. */
export async function verifyPairs(findings: readonly SecretFinding[], env: NodeJS.ProcessEnv): Promise<Map<string, Verification>> {
  const pairs = pairsOf(findings);
  const out = new Map<string, Verification>();
  const queue = [...pairs];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) out.set(p.idFingerprint, await verifyOne(p, env));
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return out;
}

function pairsOf(findings: readonly SecretFinding[]): Pair[] {
  const byFingerprint = new Map(findings.map((f) => [f.fingerprint, f]));
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  for (const id of findings) {
    if (id.kind !== 'access-key-id' || !id.pairedWith || seen.has(id.fingerprint)) continue;
    const secret = byFingerprint.get(id.pairedWith);
    if (!secret) continue;
    seen.add(id.fingerprint);
    const token = findings.find((t) => t.kind === 'session-token' && t.accessKeyId === id.secret && t.location.path === id.location.path);
    pairs.push({ idFingerprint: id.fingerprint, accessKeyId: id.secret, secretAccessKey: secret.secret, ...(token ? { sessionToken: token.secret } : {}) });
  }
  return pairs;
}

async function verifyOne(pair: Pair, env: NodeJS.ProcessEnv): Promise<Verification> {
  const endpoint = configuredEndpoint('STS', env);
  const client = new STSClient({
    region: 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    credentials: { accessKeyId: pair.accessKeyId, secretAccessKey: pair.secretAccessKey, ...(pair.sessionToken ? { sessionToken: pair.sessionToken } : {}) },
    maxAttempts: 2,
  });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: 'live', account: out.Account ?? 'unknown', arn: out.Arn ?? 'unknown' };
  } catch (err) {
    const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
    const code = e.Code ?? e.name ?? 'Error';
    if (INVALID.has(code)) return { status: 'invalid', reason: code };
    return { status: 'unknown', reason: e.$metadata?.httpStatusCode ? `${code} (HTTP ${e.$metadata.httpStatusCode})` : code };
  } finally {
    client.destroy();
  }
}
