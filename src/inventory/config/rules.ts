// AWS Config rules of one region: names and, for AWS managed rules, their identifiers (the seed's six rules
// may carry any name; the identifier says which managed rule it is). One paginated call for the region.
import { ConfigServiceClient, DescribeConfigRulesCommand, type ConfigRule as AwsConfigRule } from '@aws-sdk/client-config-service';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import { allPages } from '../paging.js';
import type { RegionCall } from '../regional.js';
import type { ConfigRule } from '../schema/regional.js';

export const toConfigRule = (r: AwsConfigRule): ConfigRule => ({
  name: r.ConfigRuleName ?? '',
  sourceIdentifier: r.Source?.SourceIdentifier ?? null,
  owner: r.Source?.Owner ?? '',
  state: r.ConfigRuleState ?? null,
});

export async function collectConfigRules(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<ConfigRule[]> {
  const config = session.client(ConfigServiceClient, { region });
  return call(failures, { service: 'config', operation: 'DescribeConfigRules', region }, async () => {
    const rules = await allPages<AwsConfigRule>(async (token) => {
      const out = await rc.timed((abortSignal) => config.send(new DescribeConfigRulesCommand({ NextToken: token }), { abortSignal }));
      return { items: out.ConfigRules, next: out.NextToken };
    });
    return rules.map(toConfigRule);
  });
}
