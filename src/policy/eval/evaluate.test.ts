// The evaluation rules of AWS's "Policy evaluation logic" and "Cross-account policy evaluation logic", one table row
// or case per rule, written from the documentation's descriptions and examples.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, decide, doc, OTHER, USER } from '../../../test/fixtures/policy-eval.js';

const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';
const OBJECT = `${BUCKET}/report.csv`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/i-0123`;

const allowAll = doc('allow-all', { Effect: 'Allow', Action: '*', Resource: '*' });
const allowGet = doc('allow-get', { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` });
const denyGet = doc('deny-get', { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' });
const rp = (principal: unknown, extra: Record<string, unknown> = {}) =>
  doc('bucket-policy', { Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*`, ...extra });

describe('the basic rules', () => {
  it('denies by default (implicit deny) and says which layer had no Allow', () => {
    const r = decide({ identity: [] }, { action: 's3:GetObject', resource: OBJECT });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.missing?.layer).toBe('identity');
  });

  it('allows with an identity Allow and names the statement', () => {
    const r = decide({ identity: [allowGet] }, { action: 's3:GetObject', resource: OBJECT });
    expect(r.decision).toBe('Allow');
    expect(r.lines[0]).toContain('allow-get $.Statement[0]');
  });

  it.each([
    ['identity', { identity: [allowAll, denyGet] }],
    ['resource policy', { identity: [allowAll], resource: doc('rp', { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' }) }],
    ['permissions boundary', { identity: [allowAll], boundary: doc('b', { Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }) }],
    ['session policy', { identity: [allowAll], session: denyGet }],
    ['SCP', { identity: [allowAll], scps: [[doc('FullAWSAccess', { Effect: 'Allow', Action: '*', Resource: '*' }), denyGet]] }],
    ['RCP', { identity: [allowAll], rcps: [[doc('rcp', { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })]] }],
  ])('an explicit deny in the %s wins over every Allow', (_layer, inputs) => {
    expect(decide(inputs, { action: 's3:GetObject', resource: OBJECT }).decision).toBe('ExplicitDeny');
  });

  it('matches actions case-insensitively with * and ?', () => {
    const p = doc('p', { Effect: 'Allow', Action: ['S3:get*', 'ec2:Describe?nstances'], Resource: '*' });
    expect(decide({ identity: [p] }, { action: 's3:GetObject' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 'EC2:DescribeInstances' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 's3:PutObject' }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [p] }, { action: 's3get:Object' }).decision).toBe('ImplicitDeny');
  });

  it('matches resources case-sensitively with wildcards', () => {
    const p = doc('p', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs-*/2025/??/*' });
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::logs-a/2025/06/x' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::logs-a/2025/6/x' }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::LOGS-a/2025/06/x' }).decision).toBe('ImplicitDeny');
  });

  it('NotAction allows everything but the listed actions', () => {
    const p = doc('p', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(decide({ identity: [p] }, { action: 's3:ListAllMyBuckets' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 'IAM:CreateUser' }).decision).toBe('ImplicitDeny');
  });

  it('NotResource applies to every resource but the listed ones', () => {
    const p = doc('p', { Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] });
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: OBJECT }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::other/x' }).decision).toBe('ExplicitDeny');
  });

  it('substitutes policy variables in Resource', () => {
    const p = doc('p', { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/home/\${aws:username}/*` });
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: `${BUCKET}/home/alice/a.txt` }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: `${BUCKET}/home/bob/a.txt` }).decision).toBe('ImplicitDeny');
    // A role session has no aws:username: the resource cannot match.
    expect(decide({ identity: [p] }, { action: 's3:GetObject', principal: SESSION, resource: `${BUCKET}/home/app/a.txt` }).decision).toBe('ImplicitDeny');
  });

  it('explains an explicit deny with the condition that made it apply', () => {
    const p = doc('production-admin', { Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
    const r = decide({ identity: [p] }, { action: 'iam:DeleteUser' });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.lines).toEqual(['Deny at production-admin $.Statement[1]: aws:MultiFactorAuthPresent is absent and BoolIfExists treats absent as match']);
  });

  it('explains an implicit deny with the Allow whose condition failed', () => {
    const p = doc('mfa-only', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    const r = decide({ identity: [p] }, { action: 'ec2:RunInstances', context: { 'aws:MultiFactorAuthPresent': 'false' } });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.lines.join('\n')).toContain('not applied: mfa-only $.Statement[0]: aws:MultiFactorAuthPresent is "false", which does not match Bool "true"');
  });
});

describe('guardrails: SCPs and RCPs', () => {
  const fullAccess = doc('FullAWSAccess', { Effect: 'Allow', Action: '*', Resource: '*' });
  const onlyS3 = doc('only-s3', { Effect: 'Allow', Action: 's3:*', Resource: '*' });

  it('needs an Allow at every SCP level', () => {
    expect(decide({ identity: [allowAll], scps: [[fullAccess], [onlyS3]] }, { action: 's3:GetObject' }).decision).toBe('Allow');
    const r = decide({ identity: [allowAll], scps: [[fullAccess], [onlyS3]] }, { action: 'ec2:RunInstances' });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.missing).toMatchObject({ layer: 'scp', level: 1 });
  });

  it('an SCP Allow grants nothing by itself', () => {
    expect(decide({ identity: [], scps: [[fullAccess]] }, { action: 's3:GetObject' }).decision).toBe('ImplicitDeny');
  });

  it('applies SCPs to the root user, who otherwise may do anything', () => {
    const root = `arn:aws:iam::${ACCOUNT}:root`;
    const allowed = decide({}, { action: 'ec2:RunInstances', principal: root });
    expect(allowed.decision).toBe('Allow');
    expect(allowed.lines[0]).toContain('account root user');
    expect(decide({ scps: [[onlyS3]] }, { action: 'ec2:RunInstances', principal: root }).decision).toBe('ImplicitDeny');
  });

  it('needs an Allow in every RCP level', () => {
    const rcpS3 = doc('rcp', { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' });
    expect(decide({ identity: [allowAll], rcps: [[rcpS3]] }, { action: 's3:GetObject' }).decision).toBe('Allow');
    expect(decide({ identity: [allowAll], rcps: [[rcpS3]] }, { action: 'sqs:SendMessage' }).missing?.layer).toBe('rcp');
  });
});

describe('resource-based policies within one account', () => {
  it('a resource policy naming the IAM user allows without an identity Allow, and past the boundary', () => {
    const boundary = doc('boundary', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' });
    const r = decide({ identity: [], resource: rp({ AWS: USER }), boundary }, { action: 's3:GetObject', resource: OBJECT });
    expect(r.decision).toBe('Allow');
    expect(r.statements.map((s) => s.layer)).toEqual(['resource']);
  });

  it('a resource policy naming the assumed-role session allows on its own, past boundary and session policy', () => {
    const limits = { boundary: doc('b', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), session: doc('s', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) };
    expect(decide({ resource: rp({ AWS: SESSION }), ...limits }, { action: 's3:GetObject', resource: OBJECT, principal: SESSION }).decision).toBe('Allow');
  });

  it('a resource policy naming the role stands in for the identity policies, but the boundary and session policy still limit it', () => {
    const base = { identity: [], resource: rp({ AWS: ROLE }) };
    expect(decide(base, { action: 's3:GetObject', resource: OBJECT, principal: SESSION }).decision).toBe('Allow');
    const boundary = doc('b', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' });
    const limited = decide({ ...base, boundary }, { action: 's3:GetObject', resource: OBJECT, principal: SESSION });
    expect(limited.decision).toBe('ImplicitDeny');
    expect(limited.missing?.layer).toBe('boundary');
    const session = decide({ ...base, session: doc('s', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }, { action: 's3:GetObject', resource: OBJECT, principal: SESSION });
    expect(session.missing?.layer).toBe('session');
  });

  it('a role with a path is named by its full ARN while the session ARN carries only its name', () => {
    const r = decide({ resource: rp({ AWS: `arn:aws:iam::${ACCOUNT}:role/service/app` }) }, { action: 's3:GetObject', resource: OBJECT, principal: SESSION });
    expect(r.decision).toBe('Allow');
  });

  it('a resource policy naming only the account delegates to identity policies', () => {
    for (const principal of [{ AWS: `arn:aws:iam::${ACCOUNT}:root` }, { AWS: ACCOUNT }]) {
      const none = decide({ identity: [], resource: rp(principal) }, { action: 's3:GetObject', resource: OBJECT });
      expect(none.decision).toBe('ImplicitDeny');
      expect(none.missing?.why).toContain('names only the account');
      expect(decide({ identity: [allowGet], resource: rp(principal) }, { action: 's3:GetObject', resource: OBJECT }).decision).toBe('Allow');
    }
  });

  it('a resource policy naming someone else grants nothing', () => {
    const r = decide({ resource: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }) }, { action: 's3:GetObject', resource: OBJECT });
    expect(r.decision).toBe('ImplicitDeny');
  });

  it('an identity Allow alone is enough (the resource policy may stay silent)', () => {
    expect(decide({ identity: [allowGet], resource: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }) }, { action: 's3:GetObject', resource: OBJECT }).decision).toBe('Allow');
  });

  it('a permissions boundary limits identity policies: both must allow', () => {
    const boundary = doc('b', { Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' });
    expect(decide({ identity: [allowAll], boundary }, { action: 's3:GetObject' }).decision).toBe('Allow');
    expect(decide({ identity: [allowAll], boundary }, { action: 'iam:CreateUser' }).missing?.layer).toBe('boundary');
    expect(decide({ identity: [], boundary }, { action: 's3:GetObject' }).missing?.layer).toBe('identity');
  });

  it('a session policy limits the role session: both must allow', () => {
    const session = doc('s', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(decide({ identity: [allowAll], session }, { action: 's3:GetObject', principal: SESSION }).decision).toBe('Allow');
    expect(decide({ identity: [allowAll], session }, { action: 's3:PutObject', principal: SESSION }).missing?.layer).toBe('session');
  });

  it('a service principal is allowed by a trust policy naming it, and by nothing else', () => {
    const trust = doc('trust', { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(decide({ resource: trust }, { action: 'sts:AssumeRole', resource: ROLE, principal: 'ec2.amazonaws.com' }).decision).toBe('Allow');
    expect(decide({ resource: trust }, { action: 'sts:AssumeRole', resource: ROLE, principal: 'lambda.amazonaws.com' }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [allowAll] }, { action: 'sts:AssumeRole', resource: ROLE, principal: 'ec2.amazonaws.com' }).decision).toBe('ImplicitDeny');
  });
});

describe('NotPrincipal', () => {
  const denyAllBut = (ids: string[]) => doc('rp', { Effect: 'Deny', NotPrincipal: { AWS: ids }, Action: 's3:*', Resource: '*' });

  it('denies everyone not listed', () => {
    expect(decide({ identity: [allowAll], resource: denyAllBut([`arn:aws:iam::${ACCOUNT}:user/bob`, `arn:aws:iam::${ACCOUNT}:root`]) }, { action: 's3:GetObject' }).decision).toBe('ExplicitDeny');
  });

  it('spares a user only when the account is listed too, as AWS documents', () => {
    expect(decide({ identity: [allowAll], resource: denyAllBut([USER]) }, { action: 's3:GetObject' }).decision).toBe('ExplicitDeny');
    expect(decide({ identity: [allowAll], resource: denyAllBut([USER, `arn:aws:iam::${ACCOUNT}:root`]) }, { action: 's3:GetObject' }).decision).toBe('Allow');
    expect(decide({ identity: [allowAll], resource: denyAllBut([USER, ACCOUNT]) }, { action: 's3:GetObject' }).decision).toBe('Allow');
  });

  it('spares a role session only when the session, its role and the account are all listed', () => {
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/app/i-0123`;
    const ask = (ids: string[]) => decide({ identity: [allowAll], resource: denyAllBut(ids) }, { action: 's3:GetObject', principal: session }).decision;
    expect(ask([session, ACCOUNT])).toBe('ExplicitDeny');
    expect(ask([session, ROLE])).toBe('ExplicitDeny');
    expect(ask([session, ROLE, `arn:aws:iam::${ACCOUNT}:root`])).toBe('Allow');
  });

  it('always denies a principal with a permissions boundary (AWS documents this trap)', () => {
    const boundary = doc('b', { Effect: 'Allow', Action: '*', Resource: '*' });
    expect(decide({ identity: [allowAll], boundary, resource: denyAllBut([USER, ACCOUNT]) }, { action: 's3:GetObject' }).decision).toBe('ExplicitDeny');
  });
});

describe('cross-account requests', () => {
  const otherUser = `arn:aws:iam::${OTHER}:user/carol`;
  const queue = `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`;
  const queuePolicy = (principal: unknown) => doc('queue-policy', { Effect: 'Allow', Principal: principal, Action: 'sqs:SendMessage', Resource: queue });
  const carolMaySend = doc('carol', { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' });

  it('needs both the identity policy in the caller account and the resource policy', () => {
    const both = decide({ identity: [carolMaySend], resource: queuePolicy({ AWS: OTHER }) }, { action: 'sqs:SendMessage', resource: queue, principal: otherUser });
    expect(both.decision).toBe('Allow');
    expect(both.scope).toBe('cross-account');
    expect(both.statements.map((s) => s.layer)).toEqual(['identity', 'resource']);
    expect(decide({ identity: [], resource: queuePolicy({ AWS: otherUser }) }, { action: 'sqs:SendMessage', resource: queue, principal: otherUser }).missing?.layer).toBe('identity');
    expect(decide({ identity: [carolMaySend] }, { action: 'sqs:SendMessage', resource: queue, principal: otherUser }).missing?.layer).toBe('resource');
    expect(decide({ identity: [carolMaySend], resource: queuePolicy({ AWS: ACCOUNT }) }, { action: 'sqs:SendMessage', resource: queue, principal: otherUser }).missing?.layer).toBe('resource');
  });

  it('takes the resource account from --resource-account when the ARN has none (S3)', () => {
    const r = decide({ identity: [allowGet] }, { action: 's3:GetObject', resource: OBJECT, principal: otherUser, resourceAccount: ACCOUNT });
    expect(r.scope).toBe('cross-account');
    expect(r.decision).toBe('ImplicitDeny');
    expect(decide({ identity: [allowGet] }, { action: 's3:GetObject', resource: OBJECT, principal: otherUser }).decision).toBe('Allow');
  });

  it('a boundary still limits the caller across accounts', () => {
    const boundary = doc('b', { Effect: 'Allow', Action: 's3:*', Resource: '*' });
    const r = decide({ identity: [carolMaySend], resource: queuePolicy({ AWS: otherUser }), boundary }, { action: 'sqs:SendMessage', resource: queue, principal: otherUser });
    expect(r.missing?.layer).toBe('boundary');
  });
});

describe('implicit context keys', () => {
  it('sets aws:PrincipalArn to the role ARN for a session, and aws:username for users only', () => {
    const byRole = doc('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE } } });
    expect(decide({ identity: [byRole] }, { action: 's3:GetObject', principal: SESSION }).decision).toBe('Allow');
    const byName = doc('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Null: { 'aws:username': 'false' } } });
    expect(decide({ identity: [byName] }, { action: 's3:GetObject' }).decision).toBe('Allow');
    expect(decide({ identity: [byName] }, { action: 's3:GetObject', principal: SESSION }).decision).toBe('ImplicitDeny');
  });
});
