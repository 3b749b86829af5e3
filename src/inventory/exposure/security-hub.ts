// Security Hub in one region: its hub, or null when the account is not subscribed there. AWS says "not
// subscribed" with InvalidAccessException (HTTP 401), the code it also uses for real permission problems, so
// only that message means "off"; ResourceNotFoundException is the older answer for the same thing.
import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { awsErrorCode } from '../../aws/errors.js';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import type { RegionCall } from '../regional.js';
import type { RegionFacts } from '../schema/regional.js';

export type SecurityHub = NonNullable<RegionFacts['securityHub']>;

export function isNotSubscribed(err: unknown): boolean {
  const code = awsErrorCode(err);
  if (code === 'ResourceNotFoundException') return true;
  return code === 'InvalidAccessException' && /not subscribed/i.test(err instanceof Error ? err.message : '');
}

export async function collectSecurityHub(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<SecurityHub | null> {
  const securityhub = session.client(SecurityHubClient, { region });
  return call(failures, { service: 'securityhub', operation: 'DescribeHub', region }, async () => {
    try {
      const out = await rc.timed((abortSignal) => securityhub.send(new DescribeHubCommand({}), { abortSignal }));
      return out.HubArn ? { hubArn: out.HubArn } : null;
    } catch (err) {
      if (isNotSubscribed(err)) return null;
      throw err;
    }
  });
}
