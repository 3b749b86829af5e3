// Every condition operator AWS documents ("IAM JSON policy elements: Condition operators"), with the IfExists forms,
// the set qualifiers on multi-valued keys, absent keys and policy variables. Each case: one condition, one request.
import { describe, expect, it } from 'vitest';
import { PolicyShapeError } from '../model.js';
import { decide, doc } from '../../../test/fixtures/policy-eval.js';

type Values = string | string[] | undefined;

/** Allow s3:GetObject when the single condition holds; the decision says whether it matched. */
function matches(operator: string, key: string, policy: string | string[], request: Values, extraContext: Record<string, string | string[]> = {}, version = '2012-10-17'): boolean {
  const policyDoc = doc('p', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [operator]: { [key]: policy } } });
  const p = version === '2012-10-17' ? policyDoc : { ...policyDoc, version };
  const context = { ...extraContext, ...(request === undefined ? {} : { [key]: request }) };
  return decide({ identity: [p] }, { action: 's3:GetObject', context }).decision === 'Allow';
}

const cases: [string, string, string | string[], Values, boolean][] = [
  // String
  ['StringEquals', 'aws:RequestedRegion', 'us-east-1', 'us-east-1', true],
  ['StringEquals', 'aws:RequestedRegion', 'us-east-1', 'US-EAST-1', false],
  ['StringEquals', 'aws:RequestedRegion', ['eu-west-1', 'us-east-1'], 'us-east-1', true],
  ['StringEquals', 'aws:RequestedRegion', 'us-east-1', undefined, false],
  ['StringNotEquals', 'aws:RequestedRegion', 'us-east-1', 'eu-west-1', true],
  ['StringNotEquals', 'aws:RequestedRegion', ['eu-west-1', 'us-east-1'], 'us-east-1', false],
  ['StringNotEquals', 'aws:RequestedRegion', 'us-east-1', undefined, true],
  ['StringEqualsIgnoreCase', 'aws:PrincipalTag/team', 'Ops', 'oPS', true],
  ['StringEqualsIgnoreCase', 'aws:PrincipalTag/team', 'Ops', 'dev', false],
  ['StringNotEqualsIgnoreCase', 'aws:PrincipalTag/team', 'Ops', 'OPS', false],
  ['StringNotEqualsIgnoreCase', 'aws:PrincipalTag/team', 'Ops', 'dev', true],
  ['StringLike', 's3:prefix', 'home/*', 'home/alice/x', true],
  ['StringLike', 's3:prefix', 'home/?', 'home/a', true],
  ['StringLike', 's3:prefix', 'home/?', 'home/ab', false],
  ['StringLike', 's3:prefix', 'Home/*', 'home/a', false],
  ['StringNotLike', 's3:prefix', 'home/*', 'public/x', true],
  ['StringNotLike', 's3:prefix', 'home/*', 'home/x', false],
  ['StringNotLike', 's3:prefix', 'home/*', undefined, true],
  // Numeric
  ['NumericEquals', 's3:max-keys', '10', '10', true],
  ['NumericEquals', 's3:max-keys', '10', '10.0', true],
  ['NumericEquals', 's3:max-keys', '10', 'ten', false],
  ['NumericNotEquals', 's3:max-keys', '10', '11', true],
  ['NumericNotEquals', 's3:max-keys', '10', '10', false],
  ['NumericLessThan', 's3:max-keys', '10', '9', true],
  ['NumericLessThan', 's3:max-keys', '10', '10', false],
  ['NumericLessThanEquals', 's3:max-keys', '10', '10', true],
  ['NumericLessThanEquals', 's3:max-keys', '10', '11', false],
  ['NumericGreaterThan', 's3:max-keys', '10', '11', true],
  ['NumericGreaterThan', 's3:max-keys', '10', '10', false],
  ['NumericGreaterThanEquals', 's3:max-keys', '10', '10', true],
  ['NumericGreaterThanEquals', 's3:max-keys', '10', '-3', false],
  // Date (ISO 8601 and epoch seconds on either side)
  ['DateEquals', 'aws:CurrentTime', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z', true],
  ['DateEquals', 'aws:CurrentTime', '2025-06-01T00:00:00Z', '1748736000', true],
  ['DateNotEquals', 'aws:CurrentTime', '2025-06-01T00:00:00Z', '2025-06-02T00:00:00Z', true],
  ['DateNotEquals', 'aws:CurrentTime', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z', false],
  ['DateLessThan', 'aws:CurrentTime', '2025-12-31T23:59:59Z', '2025-06-01T00:00:00Z', true],
  ['DateLessThan', 'aws:CurrentTime', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', false],
  ['DateLessThanEquals', 'aws:CurrentTime', '1748736000', '2025-06-01T00:00:00Z', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-01-01T00:00:00Z', '2024-06-01T00:00:00Z', false],
  ['DateGreaterThanEquals', 'aws:CurrentTime', '2025-01-01', '2025-01-01T00:00:00Z', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-01-01T00:00:00Z', 'not a date', false],
  // Bool
  ['Bool', 'aws:MultiFactorAuthPresent', 'true', 'true', true],
  ['Bool', 'aws:MultiFactorAuthPresent', 'true', 'TRUE', true],
  ['Bool', 'aws:MultiFactorAuthPresent', 'true', 'false', false],
  ['Bool', 'aws:MultiFactorAuthPresent', 'false', undefined, false],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', undefined, true],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', 'true', false],
  // Binary
  ['BinaryEquals', 'aws:SomeBinary', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5VmFsdWU=', true],
  ['BinaryEquals', 'aws:SomeBinary', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5', false],
  // IP, v4 and v6
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.77', true],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.114.1', false],
  ['IpAddress', 'aws:SourceIp', '203.0.113.9', '203.0.113.9', true],
  ['IpAddress', 'aws:SourceIp', '0.0.0.0/0', '8.8.8.8', true],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db8:1234::1', true],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db9::1', false],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '203.0.113.1', false],
  ['IpAddress', 'aws:SourceIp', '::ffff:203.0.113.0/120', '::ffff:203.0.113.5', true],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', 'not-an-ip', false],
  ['NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '198.51.100.0/24'], '192.0.2.1', true],
  ['NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '198.51.100.0/24'], '198.51.100.4', false],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', undefined, true],
  ['IpAddressIfExists', 'aws:SourceIp', '203.0.113.0/24', undefined, true],
  // ARN
  ['ArnEquals', 'aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:us-east-1:111122223333:topic', true],
  ['ArnEquals', 'aws:SourceArn', 'arn:aws:sns:*:111122223333:topic', 'arn:aws:sns:eu-west-1:111122223333:topic', true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket-*', 'arn:aws:s3:::bucket-logs', true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:iam::*:role/ops-?', 'arn:aws:iam::111122223333:role/ops-a', true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:iam::*:role/ops-?', 'arn:aws:iam::111122223333:role/ops-ab', false],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket-*', 'not an arn', false],
  // `*` in one part does not run into the next: the region part is empty here, so no ARN of another shape matches
  ['ArnLike', 'aws:SourceArn', 'arn:aws:sqs:*:111122223333:q', 'arn:aws:sqs:us-east-1:444455556666:111122223333:q', false],
  ['ArnNotEquals', 'aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:us-east-1:111122223333:other', true],
  ['ArnNotLike', 'aws:SourceArn', 'arn:aws:s3:::bucket-*', 'arn:aws:s3:::bucket-x', false],
  ['ArnNotLike', 'aws:SourceArn', 'arn:aws:s3:::bucket-*', undefined, true],
  ['ArnLikeIfExists', 'aws:SourceArn', 'arn:aws:s3:::bucket-*', undefined, true],
  // Null: "true" = the key must be absent, "false" = present
  ['Null', 'aws:TokenIssueTime', 'true', undefined, true],
  ['Null', 'aws:TokenIssueTime', 'true', '2025-01-01T00:00:00Z', false],
  ['Null', 'aws:TokenIssueTime', 'false', '2025-01-01T00:00:00Z', true],
  ['Null', 'aws:TokenIssueTime', 'false', undefined, false],
  // Every IfExists form: absent key matches, present key is tested as usual
  ['StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', undefined, true],
  ['StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', 'm5.large', false],
  ['StringNotEqualsIfExists', 'ec2:InstanceType', 't3.micro', 't3.micro', false],
  ['StringEqualsIgnoreCaseIfExists', 'ec2:InstanceType', 'T3.MICRO', 't3.micro', true],
  ['StringNotEqualsIgnoreCaseIfExists', 'ec2:InstanceType', 'T3.MICRO', undefined, true],
  ['StringLikeIfExists', 'ec2:InstanceType', 't3.*', 't3.nano', true],
  ['StringNotLikeIfExists', 'ec2:InstanceType', 't3.*', 't3.nano', false],
  ['NumericEqualsIfExists', 's3:max-keys', '10', undefined, true],
  ['NumericNotEqualsIfExists', 's3:max-keys', '10', '10', false],
  ['NumericLessThanIfExists', 's3:max-keys', '10', '11', false],
  ['NumericLessThanEqualsIfExists', 's3:max-keys', '10', undefined, true],
  ['NumericGreaterThanIfExists', 's3:max-keys', '10', '11', true],
  ['NumericGreaterThanEqualsIfExists', 's3:max-keys', '10', undefined, true],
  ['DateEqualsIfExists', 'aws:CurrentTime', '2025-01-01T00:00:00Z', undefined, true],
  ['DateNotEqualsIfExists', 'aws:CurrentTime', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', false],
  ['DateLessThanIfExists', 'aws:CurrentTime', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
  ['DateLessThanEqualsIfExists', 'aws:CurrentTime', '2025-01-01T00:00:00Z', undefined, true],
  ['DateGreaterThanIfExists', 'aws:CurrentTime', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
  ['DateGreaterThanEqualsIfExists', 'aws:CurrentTime', '2025-01-01T00:00:00Z', undefined, true],
  ['BinaryEqualsIfExists', 'aws:SomeBinary', 'QQ==', undefined, true],
  ['NotIpAddressIfExists', 'aws:SourceIp', '10.0.0.0/8', '10.1.2.3', false],
  ['ArnEqualsIfExists', 'aws:SourceArn', 'arn:aws:s3:::b', 'arn:aws:s3:::c', false],
  ['ArnNotEqualsIfExists', 'aws:SourceArn', 'arn:aws:s3:::b', undefined, true],
  ['ArnNotLikeIfExists', 'aws:SourceArn', 'arn:aws:s3:::b*', 'arn:aws:s3:::c', true],
  // Multi-valued keys: ForAnyValue / ForAllValues, with empty and absent keys
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env', 'team'], ['team', 'cost'], true],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env', 'team'], ['cost'], false],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env'], undefined, false],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env'], [], false],
  ['ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', ['env'], undefined, true],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team'], ['team', 'env'], true],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team'], ['team', 'cost'], false],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env'], undefined, true],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env'], [], true],
  ['ForAllValues:StringLike', 'aws:TagKeys', ['env*'], ['env', 'environment'], true],
  // Negated operators with set qualifiers: per request value, "matches none of the policy values"
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['env', 'team'], true],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['env', 'secret'], false],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['secret'], ['env', 'secret'], true],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['secret'], ['secret'], false],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['secret'], undefined, false],
  // Without a qualifier a multi-valued key matches when any value does; the negated form when none does
  ['StringEquals', 'aws:TagKeys', 'env', ['team', 'env'], true],
  ['StringNotEquals', 'aws:TagKeys', 'env', ['team', 'env'], false],
  ['StringNotEquals', 'aws:TagKeys', 'env', ['team', 'cost'], true],
];

describe('condition operators', () => {
  it.each(cases)('%s %s %j against %j -> %s', (operator, key, policy, request, expected) => {
    expect(matches(operator, key, policy, request)).toBe(expected);
  });

  it('reads condition key names case-insensitively but compares values case-sensitively', () => {
    expect(matches('StringEquals', 'AWS:RequestedRegion', 'us-east-1', undefined, { 'aws:requestedregion': 'us-east-1' })).toBe(true);
    expect(matches('StringEquals', 'aws:requestedregion', 'us-east-1', undefined, { 'AWS:REQUESTEDREGION': 'US-EAST-1' })).toBe(false);
  });

  it('ANDs operators and keys, ORs the values of one key', () => {
    const p = doc('p', {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'], 'aws:PrincipalTag/team': 'ops' } },
    });
    const ask = (context: Record<string, string>) => decide({ identity: [p] }, { action: 's3:GetObject', context }).decision;
    expect(ask({ 'aws:MultiFactorAuthPresent': 'true', 'aws:RequestedRegion': 'us-west-2', 'aws:PrincipalTag/team': 'ops' })).toBe('Allow');
    expect(ask({ 'aws:MultiFactorAuthPresent': 'true', 'aws:RequestedRegion': 'us-west-2', 'aws:PrincipalTag/team': 'dev' })).toBe('ImplicitDeny');
    expect(ask({ 'aws:MultiFactorAuthPresent': 'false', 'aws:RequestedRegion': 'us-west-2', 'aws:PrincipalTag/team': 'ops' })).toBe('ImplicitDeny');
  });
});

describe('policy variables in condition values', () => {
  it('substitutes ${aws:username} and tag variables, case-insensitively by key', () => {
    expect(matches('StringEquals', 's3:prefix', 'home/${aws:username}', 'home/alice')).toBe(true);
    expect(matches('StringEquals', 's3:prefix', 'home/${aws:username}', 'home/bob')).toBe(false);
    expect(matches('StringLike', 's3:prefix', 'team/${aws:PrincipalTag/Team}/*', 'team/ops/x', { 'aws:principaltag/team': 'ops' })).toBe(true);
  });

  it('uses the default when the key is absent and matches nothing without one', () => {
    expect(matches('StringEquals', 's3:prefix', "home/${aws:PrincipalTag/dept, 'none'}", 'home/none')).toBe(true);
    expect(matches('StringEquals', 's3:prefix', 'home/${aws:PrincipalTag/dept}', 'home/')).toBe(false);
  });

  it('writes ${*}, ${?} and ${$} as literal characters, not wildcards', () => {
    expect(matches('StringLike', 's3:prefix', 'a${*}b', 'a*b')).toBe(true);
    expect(matches('StringLike', 's3:prefix', 'a${*}b', 'axxb')).toBe(false);
    expect(matches('StringLike', 's3:prefix', 'a${?}', 'a?')).toBe(true);
    expect(matches('StringEquals', 's3:prefix', 'cost${$}', 'cost$')).toBe(true);
  });

  it('reads a variable value literally inside a Like pattern', () => {
    expect(matches('StringLike', 's3:prefix', 'home/${aws:PrincipalTag/dir}', 'home/anything', { 'aws:PrincipalTag/dir': '*' })).toBe(false);
  });

  it('leaves ${...} alone in a 2008-10-17 policy, where variables do not exist', () => {
    expect(matches('StringEquals', 's3:prefix', 'home/${aws:username}', 'home/alice', {}, '2008-10-17')).toBe(false);
    expect(matches('StringEquals', 's3:prefix', 'home/${aws:username}', 'home/${aws:username}', {}, '2008-10-17')).toBe(true);
  });
});

describe('values AWS would reject', () => {
  it.each([
    ['StringEqualz', 'aws:RequestedRegion', 'us-east-1', 'unknown condition operator'],
    ['ForAllValues:Null', 'aws:TagKeys', 'true', 'unknown condition operator'],
    ['Bool', 'aws:MultiFactorAuthPresent', 'yes', 'not true or false'],
    ['IpAddress', 'aws:SourceIp', '203.0.113.0/33', 'not an IPv4 or IPv6 address'],
    ['DateGreaterThan', 'aws:CurrentTime', 'tomorrow', 'not a date'],
    ['NumericLessThan', 's3:max-keys', '1e', 'not a number'],
  ])('%s %s %j is a PolicyShapeError naming the place (%s)', (operator, key, value, message) => {
    const run = () => matches(operator, key, value, 'x');
    expect(run).toThrow(PolicyShapeError);
    expect(run).toThrow(message);
    expect(run).toThrow('$.Statement[0].Condition');
  });
});
