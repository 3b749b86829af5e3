// For every CIS item: three rewrites that mean the same as the reference pattern pass, three broken ones fail.
import { describe, expect, it } from 'vitest';
import { CIS_EVENTS, MONITORING_CHECK_IDS, type MonitoringCheckId } from './cis-events.js';
import { judgePattern } from './judge.js';

const inner = (pattern: string): string => pattern.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
/** Every run of white space outside quoted strings becomes a line break and an indent. */
const respaced = (text: string): string =>
  text
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, '\n    ')))
    .join('');

/** The reference OR-ed with a conjunction that can never hold: the same events, written longer. */
const EQUIVALENT_BY_MEANING: Record<MonitoringCheckId, (reference: string) => string> = Object.fromEntries(
  MONITORING_CHECK_IDS.map((id) => [id, (reference: string) => `{ ( ${inner(reference)} ) || ( $.eventName = "NotACisEvent" && $.eventName = "AlsoNot" ) }`]),
) as Record<MonitoringCheckId, (reference: string) => string>;

/** A broken pattern per item: it looks right and misses what CIS names. */
const MISSES_SOMETHING: Record<MonitoringCheckId, string> = {
  'alarm-unauthorized-api-calls': '{ $.errorCode = "AccessDenied" }',
  'alarm-console-login-without-mfa': '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }',
  'alarm-root-usage': '{ $.userIdentity.type = "IAMUser" && $.userIdentity.invokedBy NOT EXISTS }',
  'alarm-iam-policy-changes': '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = PutUserPolicy) }',
  'alarm-cloudtrail-changes': '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) }',
  'alarm-console-auth-failures': '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Success") }',
  'alarm-kms-cmk-deletion': '{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }',
  'alarm-s3-bucket-policy-changes': '{ ($.eventSource = s3.amazonaws.com) && ($.eventName = PutBucketAcl) }',
  'alarm-config-changes': '{ ($.eventSource = config.amazonaws.com) && ($.eventName = StopConfigurationRecorder) }',
  'alarm-security-group-changes': '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = CreateSecurityGroup) }',
  'alarm-nacl-changes': '{ ($.eventName = CreateNetworkAcl) || ($.eventName = DeleteNetworkAcl) }',
  'alarm-network-gateway-changes': '{ ($.eventName = CreateCustomerGateway) || ($.eventName = AttachInternetGateway) }',
  'alarm-route-table-changes': '{ ($.eventName = CreateRoute) || ($.eventName = DeleteRouteTable) }',
  'alarm-vpc-changes': '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) }',
  'alarm-organizations-changes': '{ ($.eventSource = organizations.amazonaws.com) && ($.eventName = "LeaveOrganization") }',
};

describe.each(MONITORING_CHECK_IDS)('%s', (id) => {
  const { reference } = CIS_EVENTS[id];

  it.each([
    ['re-spaced across lines', `{\n    ${respaced(inner(reference))}\n}`],
    ['wrapped in extra parentheses', `{ ((( ${inner(reference)} ))) }`],
    ['OR-ed with a term that can never hold', EQUIVALENT_BY_MEANING[id](reference)],
  ])('passes the reference %s', (_how, pattern) => {
    expect(judgePattern(id, pattern)).toMatchObject({ ok: true });
  });

  it.each([
    ['AND-ed with a term that never holds', `{ ( ${inner(reference)} ) && $.eventName = "NotACisEvent" }`],
    ['cut short (unparsable)', reference.replace(/\}\s*$/, '')],
    ['narrowed so it misses an event', MISSES_SOMETHING[id]],
  ])('fails the reference %s', (_how, pattern) => {
    const judged = judgePattern(id, pattern);
    expect(judged.ok).toBe(false);
    if (!judged.ok) expect(judged.reason).toMatch(/^(misses |cannot parse)/);
  });
});
