import { describe, expect, it } from 'vitest';
import type { MonitoringCheckId } from './cis-events.js';
import { CIS_EVENTS, MONITORING_CHECK_IDS } from './cis-events.js';
import { describeOverBroad, judgeAny, judgePattern, judgeUncached } from './judge.js';

/** The event name and source of a label like "DetachGroupPolicy (iam.amazonaws.com)". */
const nameAndSource = (label: string): [string, string] | null => {
  const m = /^([A-Za-z]+) \(([a-z0-9.-]+\.amazonaws\.com)\)$/.exec(label);
  return m ? [m[1] ?? '', m[2] ?? ''] : null;
};

/** Checks whose events CIS lists by name: the filter is an OR of event names (maybe scoped by source). */
const EVENT_LIST_CHECKS = MONITORING_CHECK_IDS.filter((id) => CIS_EVENTS[id].mustMatch.every((s) => nameAndSource(s.label)));
const eventNamesOf = (id: MonitoringCheckId): string[] => CIS_EVENTS[id].mustMatch.map((s) => nameAndSource(s.label)?.[0] ?? '');
const sourceOf = (id: MonitoringCheckId): string => nameAndSource(CIS_EVENTS[id].mustMatch[0]?.label ?? '')?.[1] ?? '';

/** Same events, another hand: reversed order, no spaces, quoted names; the event source last if CIS scopes by it. */
const compactReversed = (names: string[], source?: string): string => {
  const ors = [...names].reverse().map((n) => `$.eventName="${n}"`).join('||');
  return source ? `{(${ors})&&$.eventSource="${source}"}` : `{${ors}}`;
};
const scopedSource = (id: MonitoringCheckId): string | undefined =>
  CIS_EVENTS[id].reference.includes('$.eventSource') ? sourceOf(id) : undefined;

// Equivalent rewrites of the condition-based CIS patterns: reordered, re-spaced, requoted, regrouped.
const EQUIVALENT: Partial<Record<MonitoringCheckId, string>> = {
  'alarm-unauthorized-api-calls':
    '{($.eventName!="HeadBucket"&&$.sourceIPAddress!="delivery.logs.amazonaws.com"&&$.errorCode="AccessDenied*")||$.errorCode="*UnauthorizedOperation"}',
  'alarm-console-login-without-mfa': '{\n  $.additionalEventData.MFAUsed != Yes\n  && $.eventName = ConsoleLogin\n}',
  'alarm-root-usage': '{ ( $.eventType != "AwsServiceEvent" ) && ( $.userIdentity.invokedBy NOT EXISTS ) && ( $.userIdentity.type = Root ) }',
  'alarm-console-auth-failures': '{$.errorMessage="Failed authentication"&&$.eventName="ConsoleLogin"}',
};

describe.each(MONITORING_CHECK_IDS)('%s', (id) => {
  const spec = CIS_EVENTS[id];

  it('passes the CIS reference pattern, with nothing over-broad', () => {
    expect(judgePattern(id, spec.reference)).toEqual({ ok: true, overBroad: [] });
  });

  it('passes every other form CIS has published', () => {
    for (const form of spec.otherCisForms) expect(judgePattern(id, form), form).toMatchObject({ ok: true });
  });

  it('passes a reordered, re-spaced equivalent', () => {
    const equivalent = EQUIVALENT[id] ?? compactReversed(eventNamesOf(id), scopedSource(id));
    expect(judgePattern(id, equivalent)).toEqual({ ok: true, overBroad: [] });
  });

  it('passes the reference with an extra OR term', () => {
    const extra = spec.reference.replace(/\}\s*$/, ' || ($.eventName = "SomethingElseEntirely") }');
    expect(extra).not.toBe(spec.reference);
    expect(judgePattern(id, extra)).toEqual({ ok: true, overBroad: [] });
  });

  it('passes a catch-all, naming everything else it counts', () => {
    const j = judgePattern(id, '{ $.eventName = * }');
    expect(j).toEqual({ ok: true, overBroad: spec.shouldNotMatch.map((s) => s.label) });
  });

  it('fails a pattern that catches nothing CIS names', () => {
    const j = judgePattern(id, '{ $.eventName = "NoSuchEvent" }');
    expect(j.ok).toBe(false);
    if (!j.ok) expect(j.missed).toEqual(spec.mustMatch.map((s) => s.label));
  });
});

describe.each(EVENT_LIST_CHECKS)('%s without one of its events', (id) => {
  const names = eventNamesOf(id);
  it.each(names)('fails without %s and names it', (dropped) => {
    const j = judgePattern(id, compactReversed(names.filter((n) => n !== dropped)));
    expect(j).toEqual({ ok: false, reason: `misses ${dropped} (${sourceOf(id)})`, missed: [`${dropped} (${sourceOf(id)})`] });
  });
});

describe('judging by meaning: decisions', () => {
  it('unauthorized API calls: a pattern missing one error code fails and names the event', () => {
    expect(judgePattern('alarm-unauthorized-api-calls', '{ $.errorCode = "AccessDenied*" }')).toMatchObject({
      ok: false,
      reason: 'misses Client.UnauthorizedOperation on RunInstances (ec2.amazonaws.com)',
    });
    // Exact "AccessDenied" without the wildcard misses the ...Exception codes of JSON-protocol services such as KMS.
    expect(judgePattern('alarm-unauthorized-api-calls', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied") }')).toMatchObject({
      ok: false,
      reason: 'misses AccessDeniedException on Decrypt (kms.amazonaws.com)',
    });
  });

  it('unauthorized API calls: the v1.2 form without exclusions passes, noting the noise CIS later excluded', () => {
    const j = judgePattern('alarm-unauthorized-api-calls', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }');
    expect(j).toEqual({
      ok: true,
      overBroad: ['AccessDenied on HeadBucket (s3.amazonaws.com)', 'AccessDenied for log delivery (delivery.logs.amazonaws.com)'],
    });
  });

  it('console login without MFA: MFAUsed = "No" passes (CloudTrail always writes Yes or No), = "Yes" fails', () => {
    expect(judgePattern('alarm-console-login-without-mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "No") }')).toEqual({
      ok: true,
      overBroad: [],
    });
    expect(judgePattern('alarm-console-login-without-mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }')).toEqual({
      ok: false,
      reason: 'misses ConsoleLogin without MFA (IAMUser, signin.amazonaws.com)',
      missed: ['ConsoleLogin without MFA (IAMUser, signin.amazonaws.com)'],
    });
  });

  it('console login without MFA: every ConsoleLogin passes but is over-broad', () => {
    expect(judgePattern('alarm-console-login-without-mfa', '{ $.eventName = "ConsoleLogin" }')).toEqual({
      ok: true,
      overBroad: ['ConsoleLogin with MFA (IAMUser, signin.amazonaws.com)', 'ConsoleLogin with MFA (Root, signin.amazonaws.com)'],
    });
  });

  it('console login without MFA: a filter on root sign-ins only misses the IAM user', () => {
    const j = judgePattern('alarm-console-login-without-mfa', '{ $.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes" && $.userIdentity.type = "Root" }');
    expect(j).toMatchObject({ ok: false, reason: 'misses ConsoleLogin without MFA (IAMUser, signin.amazonaws.com)' });
  });

  it('root usage: without the invokedBy exclusion it still catches root (pass), and counts service activity (note)', () => {
    expect(judgePattern('alarm-root-usage', '{ $.userIdentity.type = "Root" && $.eventType != "AwsServiceEvent" }')).toEqual({
      ok: true,
      overBroad: ['root call made by an AWS service (invokedBy trustedadvisor.amazonaws.com)'],
    });
    expect(judgePattern('alarm-root-usage', '{ $.userIdentity.type = "Root" }')).toEqual({
      ok: true,
      overBroad: [
        'root call made by an AWS service (invokedBy trustedadvisor.amazonaws.com)',
        'AwsServiceEvent for root (CredentialVerification, signin.amazonaws.com)',
      ],
    });
  });

  it('root usage: root console sign-ins only is not enough', () => {
    expect(judgePattern('alarm-root-usage', '{ $.userIdentity.type = "Root" && $.eventName = "ConsoleLogin" }')).toEqual({
      ok: false,
      reason: 'misses CreateAccessKey by root (iam.amazonaws.com), ListBuckets by root (s3.amazonaws.com)',
      missed: ['CreateAccessKey by root (iam.amazonaws.com)', 'ListBuckets by root (s3.amazonaws.com)'],
    });
  });

  it('console auth failures: IAM users only misses root; a text pattern works by meaning too', () => {
    expect(
      judgePattern('alarm-console-auth-failures', '{ $.eventName = ConsoleLogin && $.errorMessage = "Failed authentication" && $.userIdentity.type = IAMUser }'),
    ).toMatchObject({ ok: false, reason: 'misses failed ConsoleLogin (Root, signin.amazonaws.com)' });
    expect(judgePattern('alarm-console-auth-failures', 'ConsoleLogin "Failed authentication"')).toEqual({ ok: true, overBroad: [] });
    expect(judgePattern('alarm-console-auth-failures', '{ $.responseElements.ConsoleLogin = "Failure" }')).toEqual({ ok: true, overBroad: [] });
  });

  it('security groups: the six-event form of CIS v3 to v6 misses ModifySecurityGroupRules', () => {
    const v3 =
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ' +
      '($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }';
    expect(judgePattern('alarm-security-group-changes', v3)).toMatchObject({ ok: false, reason: 'misses ModifySecurityGroupRules (ec2.amazonaws.com)' });
  });

  it('event source: scoping to the right service passes, to the wrong one misses everything', () => {
    const iam = CIS_EVENTS['alarm-iam-policy-changes'];
    const names = iam.mustMatch.map((s) => nameAndSource(s.label)?.[0]);
    const scoped = (source: string) => `{ $.eventSource = "${source}" && (${names.map((n) => `$.eventName = ${n}`).join(' || ')}) }`;
    expect(judgePattern('alarm-iam-policy-changes', scoped('iam.amazonaws.com'))).toEqual({ ok: true, overBroad: [] });
    const wrong = judgePattern('alarm-iam-policy-changes', scoped('organizations.amazonaws.com'));
    expect(wrong).toMatchObject({
      ok: false,
      reason: 'misses DeleteGroupPolicy (iam.amazonaws.com), DeleteRolePolicy (iam.amazonaws.com), DeleteUserPolicy (iam.amazonaws.com) and 13 more',
    });
    if (!wrong.ok) expect(wrong.missed).toHaveLength(16);
    // The organizations filter scopes by source so that IAM's CreatePolicy does not count; without it, it is noise.
    const orgs = CIS_EVENTS['alarm-organizations-changes'];
    const unscoped = `{ ${orgs.mustMatch.map((s) => `$.eventName = ${nameAndSource(s.label)?.[0]}`).join(' || ')} }`;
    expect(judgePattern('alarm-organizations-changes', unscoped)).toEqual({ ok: true, overBroad: ['CreatePolicy (iam.amazonaws.com)'] });
  });

  it('a %regex% on the event name is judged by what it matches', () => {
    const exact = '{ $.eventName = %^CreateTrail$|^UpdateTrail$|^DeleteTrail$|^StartLogging$|^StopLogging$% }';
    expect(judgePattern('alarm-cloudtrail-changes', exact)).toEqual({ ok: true, overBroad: [] });
    expect(judgePattern('alarm-cloudtrail-changes', '{ $.eventName = %Trail$% }')).toMatchObject({
      ok: false,
      reason: 'misses StartLogging (cloudtrail.amazonaws.com), StopLogging (cloudtrail.amazonaws.com)',
    });
    expect(judgePattern('alarm-cloudtrail-changes', '{ $.eventName = %Trail|Logging% }')).toEqual({
      ok: true,
      overBroad: ['DescribeTrails (cloudtrail.amazonaws.com)', 'GetTrailStatus (cloudtrail.amazonaws.com)'],
    });
  });

  it('route tables: the v3 form passes although && scopes only its first term', () => {
    const [v3] = CIS_EVENTS['alarm-route-table-changes'].otherCisForms;
    expect(v3).toContain('($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) ||');
    expect(judgePattern('alarm-route-table-changes', v3 ?? '')).toEqual({ ok: true, overBroad: [] });
  });

  it('a != that relies on an absent field is not counted on (see match.ts)', () => {
    // Only matches events whose MFAUsed exists and is not Yes; CloudTrail always writes it, so this still passes.
    expect(judgePattern('alarm-console-login-without-mfa', '{ $.additionalEventData.MFAUsed != "Yes" }')).toMatchObject({ ok: true });
    // The root filter's $.userIdentity.invokedBy != "x" is false for root's own calls, which have no invokedBy.
    expect(judgePattern('alarm-root-usage', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy != "x" }')).toMatchObject({ ok: false });
  });

  it('the empty pattern matches everything: a pass with every extra event noted', () => {
    const j = judgePattern('alarm-kms-cmk-deletion', '');
    expect(j).toEqual({ ok: true, overBroad: CIS_EVENTS['alarm-kms-cmk-deletion'].shouldNotMatch.map((s) => s.label) });
  });
});

describe('unparsable patterns', () => {
  it('says where the pattern stops making sense', () => {
    expect(judgePattern('alarm-cloudtrail-changes', '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail }')).toEqual({
      ok: false,
      reason: "cannot parse: expected ')' to close the '(' at column 34 but found '}' at column 61",
      missed: CIS_EVENTS['alarm-cloudtrail-changes'].mustMatch.map((s) => s.label),
    });
  });

  it('refuses a JSON condition without braces instead of searching for its text', () => {
    expect(judgePattern('alarm-cloudtrail-changes', '$.eventName = CreateTrail')).toMatchObject({
      ok: false,
      reason: 'cannot parse: this looks like a JSON condition: a JSON pattern must be enclosed in { } at column 1',
    });
  });
});

describe('judgeAny: several filters on one log group', () => {
  const names = ['DisableKey', 'ScheduleKeyDeletion'];

  it('passes when one filter per event covers them all', () => {
    expect(judgeAny('alarm-kms-cmk-deletion', names.map((n) => `{ $.eventName = ${n} }`))).toEqual({ ok: true, overBroad: [] });
  });

  it('fails when the union still misses one, naming it', () => {
    expect(judgeAny('alarm-kms-cmk-deletion', ['{ $.eventName = DisableKey }', '{ $.eventName = EnableKey }'])).toEqual({
      ok: false,
      reason: 'misses ScheduleKeyDeletion (kms.amazonaws.com)',
      missed: ['ScheduleKeyDeletion (kms.amazonaws.com)'],
    });
  });

  it('collects over-broad events across filters', () => {
    expect(judgeAny('alarm-kms-cmk-deletion', [...names.map((n) => `{ $.eventName = ${n} }`), '{ $.eventName = EnableKey }'])).toEqual({
      ok: true,
      overBroad: ['EnableKey (kms.amazonaws.com)'],
    });
  });

  it('ignores an unparsable filter when the others cover everything, and reports it when they do not', () => {
    expect(judgeAny('alarm-kms-cmk-deletion', ['{ broken', ...names.map((n) => `{ $.eventName = ${n} }`)])).toEqual({ ok: true, overBroad: [] });
    expect(judgeAny('alarm-kms-cmk-deletion', ['{ broken', '{ $.eventName = DisableKey }'])).toMatchObject({
      ok: false,
      reason: "misses ScheduleKeyDeletion (kms.amazonaws.com); cannot parse pattern 1: expected a selector such as $.eventName or '(' but found 'b' at column 3",
    });
    expect(judgeAny('alarm-kms-cmk-deletion', ['{ broken', '[a'])).toMatchObject({
      ok: false,
      reason:
        "cannot parse pattern 1: expected a selector such as $.eventName or '(' but found 'b' at column 3; " +
        "cannot parse pattern 2: expected ']' to close the '[' at column 1 at column 3",
    });
  });

  it('fails with no filters at all', () => {
    expect(judgeAny('alarm-kms-cmk-deletion', [])).toMatchObject({ ok: false, reason: 'no metric filter to judge' });
  });
});

describe('describeOverBroad', () => {
  it('is null for nothing, and one line otherwise', () => {
    expect(describeOverBroad([])).toBeNull();
    expect(describeOverBroad(['GetPolicy (iam.amazonaws.com)'])).toBe('also matches an event CIS leaves out: GetPolicy (iam.amazonaws.com)');
    expect(describeOverBroad(['A (x)', 'B (y)'])).toBe('also matches 2 events CIS leaves out: A (x), B (y)');
  });
});

describe('judgeAny remembers its judgements', () => {
  // Every check's reference pattern, one broken one, and each check's patterns judged under every check's rules.
  const texts = [...MONITORING_CHECK_IDS.map((id) => CIS_EVENTS[id].reference), '{ $.eventName = ', ''];
  it.each(MONITORING_CHECK_IDS)('%s: the same judgement as a fresh one, the first time and after, frozen', (id) => {
    for (const group of [...texts.map((t) => [t]), texts.slice(0, 3), texts.slice(-3), []]) {
      const fresh = judgeUncached(id, group);
      expect(judgeAny(id, group)).toEqual(fresh);
      expect(judgeAny(id, [...group])).toEqual(fresh);
      expect(Object.isFrozen(judgeAny(id, group))).toBe(true);
    }
  });
});
