// Every rule with passing and failing cases: a statement (or document) in, the rule's findings out.
import { describe, expect, it } from 'vitest';
import { lintDocument, LINT_RULES } from './index.js';
import type { LintOptions } from './types.js';
import { indexSnapshot } from './snapshot-index.js';
import { snapshot, user, customerPolicy } from '../../../test/fixtures/snapshot.js';

const stmt = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...s }] });
const lint = (doc: unknown, rule: string, options: Partial<LintOptions> = {}) =>
  lintDocument(doc, { kind: 'identity', requireMfa: false, ...options }).filter((f) => f.rule === rule);

interface Case {
  name: string;
  doc: unknown;
  /** Substrings of the messages expected, in order; [] for a passing case. */
  expect: string[];
  options?: Partial<LintOptions>;
  path?: string;
}

const cases: Record<string, Case[]> = {
  version: [
    { name: '2012-10-17 passes', doc: stmt({}), expect: [] },
    { name: 'missing', doc: { Statement: stmt({}).Statement }, expect: ['Version is missing'] },
    { name: 'old', doc: { ...stmt({}), Version: '2008-10-17' }, expect: ['2008-10-17 is the old policy language'] },
    { name: 'wrong', doc: { ...stmt({}), Version: '2024-01-01' }, expect: ['"2024-01-01" is not a policy language version'] },
  ],
  'document-shape': [
    { name: 'one statement object passes', doc: { Version: '2012-10-17', Statement: stmt({}).Statement[0] }, expect: [] },
    { name: 'no Statement', doc: { Version: '2012-10-17' }, expect: ['Statement is missing'] },
    { name: 'statement not an object', doc: { Version: '2012-10-17', Statement: ['x'] }, expect: ['statement 0 is "x", not an object'] },
    { name: 'unknown top-level element', doc: { ...stmt({}), Statements: [] }, expect: ['unknown policy element "Statements" (did you mean "Statement"?)'] },
    { name: 'not an object at all', doc: [1, 2], expect: ['not a list'] },
  ],
  'statement-element': [
    { name: 'known elements pass', doc: stmt({ Sid: 'Read1' }), expect: [] },
    { name: 'misspelt element', doc: stmt({ Resources: ['*'] }), expect: ['unknown statement element "Resources" (did you mean "Resource"?)'] },
    { name: 'Sid with spaces', doc: stmt({ Sid: 'read logs' }), expect: ['may only hold letters and digits'] },
  ],
  effect: [
    { name: 'Deny passes', doc: stmt({ Effect: 'Deny' }), expect: [] },
    { name: 'lower case', doc: stmt({ Effect: 'allow' }), expect: ['Effect "allow" is not "Allow" or "Deny" (did you mean "Allow"?)'], path: '$.Statement[0].Effect' },
    { name: 'missing', doc: { Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] }, expect: ['the statement has no Effect'] },
  ],
  'action-element': [
    { name: 'a list passes', doc: stmt({ Action: ['s3:GetObject', 's3:List*'] }), expect: [] },
    { name: 'both Action and NotAction', doc: stmt({ NotAction: 'iam:*' }), expect: ['both Action and NotAction'] },
    { name: 'neither', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }, expect: ['neither Action nor NotAction'] },
    { name: 'seed 003: a lost wildcard', doc: stmt({ Action: ['billing:'] }), expect: ['Action "billing:" is not of the form service:Action'] },
    { name: 'a number', doc: stmt({ Action: [3] }), expect: ['values must be strings'] },
    { name: 'empty list', doc: stmt({ Action: [] }), expect: ['empty list'] },
  ],
  'resource-element': [
    { name: 'trust policy without Resource passes', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, options: { kind: 'trust' }, expect: [] },
    { name: 'identity policy without Resource', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] }, expect: ['neither Resource nor NotResource'] },
    { name: 'not an ARN', doc: stmt({ Resource: 'my-bucket' }), expect: ['Resource "my-bucket" is not an ARN or "*"'] },
  ],
  'principal-element': [
    { name: 'identity policy without Principal passes', doc: stmt({}), expect: [] },
    { name: 'Principal in an identity policy', doc: stmt({ Principal: '*' }), expect: ['Principal is not allowed in an identity policy'] },
    { name: 'NotPrincipal in an SCP', doc: stmt({ NotPrincipal: { AWS: 'x' } }), options: { kind: 'scp' }, expect: ['NotPrincipal is not allowed in a scp policy'] },
    { name: 'resource policy needs one', doc: stmt({}), options: { kind: 'resource' }, expect: ['needs a Principal'] },
    { name: 'resource policy with one passes', doc: stmt({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } }), options: { kind: 'resource' }, expect: [] },
    { name: 'unknown principal type', doc: stmt({ Principal: { Services: 'ec2.amazonaws.com' } }), options: { kind: 'trust' }, expect: ['unknown principal element "Services" (did you mean "Service"?)'] },
  ],
  'empty-value': [
    { name: 'seed 003 "Action": ""', doc: stmt({ Action: '', Resource: '' }), expect: ['Action is an empty string', 'Resource is an empty string'] },
    { name: 'in a list', doc: stmt({ Action: ['s3:GetObject', ' '] }), expect: ['Action is an empty string'] },
  ],
  'duplicate-sid': [
    { name: 'distinct Sids pass', doc: { Version: '2012-10-17', Statement: [{ ...stmt({}).Statement[0], Sid: 'A' }, { ...stmt({}).Statement[0], Sid: 'B' }] }, expect: [] },
    { name: 'repeated', doc: { Version: '2012-10-17', Statement: [{ ...stmt({}).Statement[0], Sid: 'A' }, { ...stmt({}).Statement[0], Sid: 'A' }] }, expect: ['Sid "A" is already used by $.Statement[0]'], path: '$.Statement[1].Sid' },
  ],
  'condition-operator': [
    { name: 'known operators pass', doc: stmt({ Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' }, Null: { 'aws:TagKeys': 'false' } } }), expect: [] },
    { name: 'StringEqualz', doc: stmt({ Condition: { StringEqualz: { 'aws:username': 'a' } } }), expect: ['unknown condition operator "StringEqualz" (did you mean "StringEquals"?)'] },
    { name: 'NullIfExists does not exist', doc: stmt({ Condition: { NullIfExists: { 'aws:username': 'true' } } }), expect: ['unknown condition operator "NullIfExists"'] },
    { name: 'not an object', doc: stmt({ Condition: 'yes' }), expect: ['Condition must be an object'] },
    { name: 'a value that is an object', doc: stmt({ Condition: { StringEquals: { 'aws:username': { a: 1 } } } }), expect: ['must be strings, numbers or booleans'] },
  ],
  'condition-set-operator': [
    { name: 'ForAnyValue on a multi-valued key passes', doc: stmt({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } } }), expect: [] },
    { name: 'ForAllValues in an Allow with a Null check passes', doc: stmt({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] }, Null: { 'aws:TagKeys': 'false' } } }), expect: [] },
    { name: 'ForAllValues in an Allow without one', doc: stmt({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } } }), expect: ['ForAllValues in an Allow is true when aws:TagKeys is absent'] },
    { name: 'set operator on a single-valued key', doc: stmt({ Effect: 'Deny', Condition: { 'ForAnyValue:StringEquals': { 'aws:username': 'a' } } }), expect: ['ForAnyValue on aws:username, a single-valued key'] },
    { name: 'multi-valued key without a set operator', doc: stmt({ Condition: { StringEquals: { 'aws:TagKeys': 'a' } } }), expect: ['aws:TagKeys is multi-valued'] },
    { name: 'BoolIfExists MFA true in an Allow', doc: stmt({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } }), expect: ['passes when the key is absent'] },
    { name: 'BoolIfExists MFA false in a Deny passes (seed 003)', doc: stmt({ Effect: 'Deny', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), expect: [] },
  ],
  'condition-value': [
    { name: 'good values pass', doc: stmt({ Condition: { Bool: { 'aws:SecureTransport': true }, IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] }, DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 }, ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:t' } } }), expect: [] },
    { name: 'Bool "yes"', doc: stmt({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'yes' } } }), expect: ['Bool value "yes" for aws:MultiFactorAuthPresent is not "true" or "false"'] },
    { name: 'a date that is not one', doc: stmt({ Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-13-45' } } }), expect: ['is not a date'] },
    { name: 'a CIDR that is not one', doc: stmt({ Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/33'] } } }), expect: ['is not an IP address or CIDR block'], path: '$.Statement[0].Condition.NotIpAddress["aws:SourceIp"][0]' },
    { name: 'Numeric not a number', doc: stmt({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'an hour' } } }), expect: ['is not a number'] },
    { name: 'policy variables are not judged', doc: stmt({ Condition: { DateLessThan: { 'aws:CurrentTime': '${aws:TokenIssueTime}' } } }), expect: [] },
  ],
  'condition-key-unknown': [
    { name: 'global, service and tag keys pass', doc: stmt({ Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x', 's3:prefix': 'home/', 'aws:RequestedRegion': 'eu-west-1', 'ec2:ResourceTag/env': 'prod' } } }), expect: [] },
    { name: 'identity providers\' keys are not judged', doc: stmt({ Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'saml:aud': 'https://signin.aws.amazon.com/saml' } } }), expect: [] },
    { name: 'misspelt global key', doc: stmt({ Condition: { Bool: { 'aws:MultiFactorAuthPresnt': 'true' } } }), expect: ['unknown condition key aws:MultiFactorAuthPresnt (did you mean aws:MultiFactorAuthPresent?)'] },
    { name: 'misspelt service key', doc: stmt({ Condition: { StringLike: { 's3:prefx': 'home/' } } }), expect: ['unknown condition key s3:prefx (did you mean s3:prefix?)'] },
    { name: 'unknown service', doc: stmt({ Condition: { StringEquals: { 'nosuch:key': 'x' } } }), expect: ['names no AWS service'] },
  ],
  'action-unknown': [
    { name: 'real actions and matching wildcards pass', doc: stmt({ Action: ['s3:GetObject', 's3:get*', 'iam:*', '*', 'ec2:Describe*'] , Resource: '*' }), expect: [] },
    { name: 's3:GetObjcet', doc: stmt({ Action: ['s3:GetObjcet'] }), expect: ['unknown action s3:GetObjcet (did you mean s3:GetObject'], path: '$.Statement[0].Action[0]' },
    { name: 'a wildcard that matches nothing', doc: stmt({ Action: 's3:Get*Foo' }), expect: ['s3:Get*Foo matches no s3 action'] },
    { name: 'unknown service', doc: stmt({ Action: 's4:GetObject' }), expect: ['unknown service "s4"'] },
  ],
  'action-resource-mismatch': [
    { name: 'object action on objects, bucket action on the bucket pass', doc: stmt({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }), expect: [] },
    { name: 's3:GetObject on a bucket ARN', doc: stmt({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' }), expect: ['s3:GetObject acts on accesspointobject or object resources'] },
    { name: 's3:ListBucket on objects', doc: stmt({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b/*' }), expect: ['s3:ListBucket acts on accesspoint or bucket resources'] },
    { name: 'a wildcard-only action on an ARN', doc: stmt({ Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::b' }), expect: ['only supports "Resource": "*"'] },
    { name: 'names with "/" and a trailing "*" that covers the sub-resource pass (log streams, secrets, parameters)', doc: { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*' },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf' },
      { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/*' },
    ] }, expect: [] },
    { name: 'other services\' ARNs are not judged', doc: stmt({ Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:dynamodb:us-east-1:123456789012:table/t'] }), expect: [] },
  ],
  'arn-malformed': [
    { name: 'well-formed ARNs pass', doc: stmt({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:iam::123456789012:role/path/r', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:dynamodb:us-east-1:123456789012:table/t', 'arn:aws:s3:::*'] }), expect: [] },
    { name: 'too few parts', doc: stmt({ Resource: 'arn:aws:s3:b' }), expect: ['has 4 colon-separated parts'] },
    { name: 'a region in an S3 ARN', doc: stmt({ Resource: 'arn:aws:s3:us-east-1::b/*' }), expect: ['has no region, but this one says "us-east-1"'] },
    { name: 'a region in an IAM ARN', doc: stmt({ Resource: 'arn:aws:iam:us-east-1:123456789012:user/a' }), expect: ['has no region'] },
    { name: 'an account id that is not 12 digits', doc: stmt({ Resource: 'arn:aws:iam::12345:user/a' }), expect: ['account id "12345" is not 12 digits'] },
    { name: 'an account in an S3 bucket ARN', doc: stmt({ Resource: 'arn:aws:s3:::b' }), expect: [] },
    { name: 'a resource type that does not exist', doc: stmt({ Resource: 'arn:aws:dynamodb:us-east-1:123456789012:tabel/t' }), expect: ['matches no dynamodb resource type'] },
    { name: 'unknown partition', doc: stmt({ Resource: 'arn:aws-cm:s3:::b' }), expect: ['"aws-cm" is not an AWS partition'] },
  ],
  'star-on-star': [
    { name: 'Deny * on * passes', doc: stmt({ Effect: 'Deny', Action: '*', Resource: '*' }), expect: [] },
    { name: 'Allow * on *', doc: stmt({ Action: '*', Resource: '*' }), expect: ['allows "*" on "*": full administrator access'] },
    { name: 'even with a condition', doc: stmt({ Action: ['*'], Resource: ['*'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), expect: ['its conditions narrow when, not what'] },
  ],
  'not-action-allow': [
    { name: 'NotAction with Deny passes', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' }] }, expect: [] },
    { name: 'NotAction with Allow', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, expect: ['NotAction with Allow'] },
  ],
  'not-resource-allow': [
    { name: 'NotResource with Allow', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }] }, expect: ['NotResource with Allow'] },
  ],
  'privilege-escalation': [
    { name: 'PassRole alone passes', doc: stmt({ Action: 'iam:PassRole', Resource: '*' }), expect: [] },
    { name: 'PassRole + RunInstances', doc: stmt({ Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }), expect: ['allows iam:PassRole + ec2:RunInstances'] },
    { name: 'iam:Put* expands through the catalogue', doc: stmt({ Action: 'iam:Put*', Resource: '*' }), expect: ['iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:PutRolePolicy'] },
    { name: 'managing one\'s own access keys is not escalation (AWS\'s force-MFA self-service)', doc: stmt({ Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], Resource: 'arn:aws:iam::*:user/${aws:username}' }), expect: [] },
    { name: 'creating anyone\'s access keys is', doc: stmt({ Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/*' }), expect: ['allows iam:CreateAccessKey'] },
    { name: 'an unconditional Deny takes it away', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }] }, expect: [] },
    { name: '* on * is reported as such, not as every path', doc: stmt({ Action: '*', Resource: '*' }), expect: [] },
  ],
  'mfa-missing': [
    { name: 'not asked for: nothing', doc: stmt({ Action: 'ec2:TerminateInstances', Resource: '*' }), expect: [] },
    { name: 'destructive without MFA', doc: stmt({ Action: 'ec2:TerminateInstances', Resource: '*' }), options: { requireMfa: true }, expect: ['allows ec2:terminateinstances without MFA'.replace('ec2:terminateinstances', 'ec2:TerminateInstances')] },
    { name: 'with an MFA condition passes', doc: stmt({ Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), options: { requireMfa: true }, expect: [] },
    { name: 'covered by a Deny without MFA passes', doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] }, options: { requireMfa: true }, expect: [] },
    { name: 'reads are not sensitive', doc: stmt({ Action: 's3:Get*', Resource: '*' }), options: { requireMfa: true }, expect: [] },
  ],
};

describe('lint rules', () => {
  it('every rule has a case table', () => {
    expect(LINT_RULES.map((r) => r.id).filter((id) => id !== 'duplicate-key' && id !== 'resource-missing' && !(id in cases))).toEqual([]);
  });

  for (const [rule, table] of Object.entries(cases)) {
    describe(rule, () => {
      it.each(table)('$name', (c) => {
        const found = lint(c.doc, rule, c.options);
        expect(found.map((f) => f.message)).toHaveLength(c.expect.length);
        c.expect.forEach((text, i) => expect(found[i]?.message).toContain(text));
        if (c.path) expect(found[0]?.path).toBe(c.path);
        for (const f of found) expect(f.fix).not.toBe('');
      });
    });
  }
});

describe('resource-missing (against a snapshot)', () => {
  const s = snapshot({ iam: { users: [user('user-sessions-prod')], policies: [customerPolicy('ReadLogs', stmt({}))] } });
  const options = { snapshot: indexSnapshot(s) };
  it('suggests the closest existing name for an ARN that names nothing', () => {
    const found = lint(stmt({ Action: 'iam:GetUser', Resource: 'arn:aws:iam::123456789012:user/user-session-prod' }), 'resource-missing', options);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe('no IAM user named user-session-prod in account 123456789012 (did you mean user-sessions-prod?)');
    expect(found[0]?.fix).toBe('Write arn:aws:iam::123456789012:user/user-sessions-prod.');
  });
  it('passes existing resources, wildcards, other accounts and kinds the snapshot does not hold', () => {
    const doc = stmt({
      Action: 'iam:GetUser',
      Resource: [
        'arn:aws:iam::123456789012:user/user-sessions-prod',
        'arn:aws:iam::123456789012:user/user-*',
        'arn:aws:iam::999999999999:user/nobody',
        'arn:aws:iam::123456789012:policy/ReadLogs',
        'arn:aws:dynamodb:us-east-1:123456789012:table/user-session-prod',
      ],
    });
    expect(lint(doc, 'resource-missing', options)).toEqual([]);
  });
  it('judges nothing without a snapshot', () => {
    expect(lint(stmt({ Resource: 'arn:aws:iam::123456789012:user/x' }), 'resource-missing')).toEqual([]);
  });
});
