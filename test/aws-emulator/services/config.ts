// AWS Config: awsJson1_1, `StarlingDoveService.Op`. The recorders, their status, the rules and the delivery
// channels of the request's region (scenario `regional.*`); the writes apply makes are in config-writes.ts.
import { ApiError } from '../errors.js';
import type { ConfigRecorderFacts, ConfigRuleFacts } from '../scenario-regional.js';
import type { JsonService, RequestContext } from '../service.js';
import { CONFIG_WRITE_OPERATIONS } from './config-writes.js';
import { factsHere, page, pageStart, regionOf, stableHex } from './region-facts.js';

/** The identifiers of the AWS managed rules the seeds ask for; other names are written in UPPER_SNAKE. */
export const MANAGED_RULE_IDENTIFIERS: Readonly<Record<string, string>> = {
  'root-access-key-check': 'IAM_ROOT_ACCESS_KEY_CHECK',
  'mfa-enabled-for-iam-console-access': 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS',
  'iam-password-policy': 'IAM_PASSWORD_POLICY',
  'cloudtrail-enabled': 'CLOUD_TRAIL_ENABLED',
  's3-bucket-public-read-prohibited': 'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  's3-bucket-public-write-prohibited': 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  'root-account-mfa-enabled': 'ROOT_ACCOUNT_MFA_ENABLED',
};

/** DescribeConfigRules answers 25 rules a page. */
const RULES_PAGE = 25;

const names = (input: Readonly<Record<string, unknown>>, key: string): string[] | undefined =>
  Array.isArray(input[key]) && (input[key] as unknown[]).length > 0 ? (input[key] as unknown[]).map(String) : undefined;

function recordersNamed(ctx: RequestContext, wanted: string[] | undefined): ConfigRecorderFacts[] {
  const recorders = factsHere(ctx).configRecorders ?? [];
  if (!wanted) return recorders;
  const missing = wanted.find((n) => !recorders.some((r) => r.name === n));
  if (missing) {
    throw new ApiError('NoSuchConfigurationRecorderException', `Cannot find configuration recorder with the specified name '${missing}'.`, 400);
  }
  return recorders.filter((r) => wanted.includes(r.name));
}

function rule(ctx: RequestContext, facts: ConfigRuleFacts): Record<string, unknown> {
  const r = typeof facts === 'string' ? { name: facts, owner: 'AWS', state: 'ACTIVE', sourceIdentifier: undefined } : facts;
  const id = `config-rule-${stableHex(6, ctx.world.account.id, regionOf(ctx), r.name)}`;
  const identifier = r.sourceIdentifier ?? MANAGED_RULE_IDENTIFIERS[r.name] ?? r.name.toUpperCase().replace(/-/g, '_');
  return {
    ConfigRuleName: r.name,
    ConfigRuleArn: `arn:${ctx.world.account.partition}:config:${regionOf(ctx)}:${ctx.world.account.id}:config-rule/${id}`,
    ConfigRuleId: id,
    Source: { Owner: r.owner, SourceIdentifier: identifier },
    ConfigRuleState: r.state,
    EvaluationModes: [{ Mode: 'DETECTIVE' }],
  };
}

export const config: JsonService = {
  name: 'config',
  signingName: 'config',
  protocol: 'awsJson1_1',
  targetPrefix: 'StarlingDoveService',
  operations: {
    DescribeConfigurationRecorders(input, ctx) {
      const { id: account, partition } = ctx.world.account;
      return {
        ConfigurationRecorders: recordersNamed(ctx, names(input, 'ConfigurationRecorderNames')).map((r) => ({
          arn: `arn:${partition}:config:${regionOf(ctx)}:${account}:configuration-recorder/${r.name}/${stableHex(16, account, regionOf(ctx), r.name)}`,
          name: r.name,
          roleARN: `arn:${partition}:iam::${account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: {
            allSupported: r.allSupported,
            includeGlobalResourceTypes: r.includeGlobalResourceTypes,
            resourceTypes: r.resourceTypes,
            exclusionByResourceTypes: { resourceTypes: [] },
            ...(r.recordingStrategy ? { recordingStrategy: { useOnly: r.recordingStrategy } } : {}),
          },
          recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
          recordingScope: 'PAID',
        })),
      };
    },

    DescribeConfigurationRecorderStatus(input, ctx) {
      const since = new Date(ctx.now.getTime() - 300 * 86_400_000);
      const lastChange = new Date(ctx.now.getTime() - 3_600_000);
      return {
        ConfigurationRecordersStatus: recordersNamed(ctx, names(input, 'ConfigurationRecorderNames')).map((r) => ({
          name: r.name,
          lastStartTime: since,
          ...(r.recording ? {} : { lastStopTime: lastChange }),
          recording: r.recording,
          lastStatus: r.lastStatus,
          lastStatusChangeTime: lastChange,
        })),
      };
    },

    DescribeConfigRules(input, ctx) {
      const all = (factsHere(ctx).configRules ?? []).map((r) => rule(ctx, r));
      const wanted = names(input, 'ConfigRuleNames');
      if (wanted) {
        const missing = wanted.find((n) => !all.some((r) => r['ConfigRuleName'] === n));
        if (missing) throw new ApiError('NoSuchConfigRuleException', `The ConfigRule '${missing}' provided in the request is invalid.`, 400);
      }
      const chosen = wanted ? all.filter((r) => wanted.includes(String(r['ConfigRuleName']))) : all;
      const { items, next } = page(chosen, pageStart(input['NextToken'], 'InvalidNextTokenException'), RULES_PAGE);
      return { ConfigRules: items, NextToken: next };
    },

    DescribeDeliveryChannels(_input, ctx) {
      return {
        DeliveryChannels: (factsHere(ctx).deliveryChannels ?? []).map((c) => ({
          name: c.name,
          s3BucketName: c.bucket,
          s3KeyPrefix: c.prefix,
          snsTopicARN: c.snsTopicArn,
          configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
        })),
      };
    },
    ...CONFIG_WRITE_OPERATIONS,
  },
};
