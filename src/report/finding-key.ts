// One finding's identity across runs (SARIF fingerprints, ASFF and OCSF ids): account + check + resource.
// Hashed so an ARN's characters never break the id rules of a format, and short enough for every length limit.
import { createHash } from 'node:crypto';

export function findingKey(accountId: string, checkId: string, resource: string): string {
  return createHash('sha256').update(`${accountId}\n${checkId}\n${resource}`).digest('hex').slice(0, 32);
}
