// Each template's intent, proved by evaluating requests against what it renders.
import { describe, expect, it } from 'vitest';
import { toPolicy } from '../model.js';
import { decide } from '../../../test/fixtures/policy-eval.js';
import { findTemplate, renderTemplate, TEMPLATES, TemplateError } from './index.js';

const ACCOUNT = '111122223333';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;

function render(name: string, params: Record<string, string> = {}) {
  const t = findTemplate(name);
  if (!t) throw new Error(`no template ${name}`);
  return renderTemplate(t, params);
}
const policyOf = (name: string, params: Record<string, string> = {}, part = 'policy') => toPolicy(render(name, params)[part], name);
const mfa = { 'aws:MultiFactorAuthPresent': 'true' };
/** The AWS managed policy the administrator templates are attached beside. */
const ADMINISTRATOR_ACCESS = toPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'AdministratorAccess');
const noMfa = { 'aws:MultiFactorAuthPresent': 'false' };

describe('templates', () => {
  it('every template renders with its defaults plus required params into Version 2012-10-17 documents', () => {
    const required: Record<string, Record<string, string>> = {
      's3-bucket': { bucket: 'my-specific-bucket' },
      'source-ip-and-time': { actions: 's3:GetObject', cidrs: '203.0.113.0/24', start: '2025-01-01T00:00:00Z', end: '2025-12-31T23:59:59Z' },
      'ec2-s3-reader': { bucket: 'my-bucket' },
    };
    for (const t of TEMPLATES) {
      for (const doc of Object.values(renderTemplate(t, required[t.name] ?? {}))) {
        expect(doc.Version).toBe('2012-10-17');
        expect(() => toPolicy(doc)).not.toThrow();
      }
    }
  });

  it('force-mfa: without MFA only the self-service actions; with MFA the deny lifts', () => {
    const p = policyOf('force-mfa');
    expect(decide({ identity: [p] }, { action: 'iam:EnableMFADevice', resource: ALICE, context: noMfa }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 'iam:ChangePassword', resource: ALICE, context: noMfa }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 'iam:ChangePassword', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, context: noMfa }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [p] }, { action: 's3:ListAllMyBuckets' }).decision).toBe('ExplicitDeny');
    const admin = toPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'admin');
    expect(decide({ identity: [admin, p] }, { action: 's3:ListAllMyBuckets', context: noMfa }).decision).toBe('ExplicitDeny');
    expect(decide({ identity: [admin, p] }, { action: 's3:ListAllMyBuckets', context: mfa }).decision).toBe('Allow');
  });

  it('s3-bucket: the three object actions and ListBucket on that bucket only', () => {
    const p = policyOf('s3-bucket', { bucket: 'my-specific-bucket' });
    for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) {
      expect(decide({ identity: [p] }, { action, resource: 'arn:aws:s3:::my-specific-bucket/a/b.txt' }).decision).toBe('Allow');
    }
    expect(decide({ identity: [p] }, { action: 's3:ListBucket', resource: 'arn:aws:s3:::my-specific-bucket' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::other-bucket/a' }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [p] }, { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::my-specific-bucket' }).decision).toBe('ImplicitDeny');
    // ListBucket is on the bucket, not its objects; GetObject is on objects, not the bucket.
    expect(decide({ identity: [p] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::my-specific-bucket' }).decision).toBe('ImplicitDeny');
  });

  it('production-admin: with AdministratorAccess, never CloseAccount, destructive actions only with MFA', () => {
    const p = policyOf('production-admin');
    const ask = (action: string, context = {}) => decide({ identity: [ADMINISTRATOR_ACCESS, p] }, { action, context });
    expect(ask('ec2:RunInstances').decision).toBe('Allow');
    const noMfaDelete = ask('iam:DeleteUser');
    expect(noMfaDelete.decision).toBe('ExplicitDeny');
    expect(noMfaDelete.lines[0]).toContain('aws:MultiFactorAuthPresent is absent and BoolIfExists treats absent as match');
    expect(ask('iam:DeleteUser', noMfa).decision).toBe('ExplicitDeny');
    expect(ask('iam:DeleteUser', mfa).decision).toBe('Allow');
    expect(ask('ec2:TerminateInstances', mfa).decision).toBe('Allow');
    expect(ask('account:CloseAccount', mfa).decision).toBe('ExplicitDeny');
    expect(ask('organizations:LeaveOrganization', mfa).decision).toBe('ExplicitDeny');
  });

  it('read-only: describes and reads, never writes; optionally only in some regions', () => {
    const p = policyOf('read-only');
    expect(decide({ identity: [p] }, { action: 'ec2:DescribeInstances' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' }).decision).toBe('Allow');
    expect(decide({ identity: [p] }, { action: 'ec2:TerminateInstances' }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [p] }, { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }).decision).toBe('ImplicitDeny');
    const regional = policyOf('read-only', { regions: 'eu-west-1' });
    expect(decide({ identity: [regional] }, { action: 'ec2:DescribeInstances', context: { 'aws:RequestedRegion': 'eu-west-1' } }).decision).toBe('Allow');
    expect(decide({ identity: [regional] }, { action: 'ec2:DescribeInstances', context: { 'aws:RequestedRegion': 'us-east-1' } }).decision).toBe('ImplicitDeny');
  });

  it('break-glass: with AdministratorAccess, everything, with MFA, in the allowed regions only', () => {
    const p = policyOf('break-glass', { regions: 'us-east-1,us-west-2', 'max-mfa-age': '3600' });
    const ask = (context: Record<string, string>) => decide({ identity: [ADMINISTRATOR_ACCESS, p] }, { action: 'ec2:TerminateInstances', context }).decision;
    expect(ask({ ...mfa, 'aws:RequestedRegion': 'us-west-2', 'aws:MultiFactorAuthAge': '60' })).toBe('Allow');
    expect(ask({ ...noMfa, 'aws:RequestedRegion': 'us-west-2', 'aws:MultiFactorAuthAge': '60' })).toBe('ExplicitDeny');
    expect(ask({ 'aws:RequestedRegion': 'us-west-2' })).toBe('ExplicitDeny');
    expect(ask({ ...mfa, 'aws:RequestedRegion': 'eu-west-1', 'aws:MultiFactorAuthAge': '60' })).toBe('ExplicitDeny');
    expect(ask({ ...mfa, 'aws:RequestedRegion': 'us-east-1', 'aws:MultiFactorAuthAge': '7200' })).toBe('ExplicitDeny');
    // the guard rails alone grant nothing
    expect(decide({ identity: [p] }, { action: 'ec2:TerminateInstances', context: { ...mfa, 'aws:RequestedRegion': 'us-west-2', 'aws:MultiFactorAuthAge': '60' } }).decision).toBe('ImplicitDeny');
  });

  it('source-ip-and-time: only from the networks and inside the window', () => {
    const p = policyOf('source-ip-and-time', { actions: 's3:GetObject', cidrs: '203.0.113.0/24,2001:db8::/32', start: '2025-01-01T00:00:00Z', end: '2025-12-31T23:59:59Z' });
    const ask = (ip: string, time: string) => decide({ identity: [p] }, { action: 's3:GetObject', context: { 'aws:SourceIp': ip, 'aws:CurrentTime': time } }).decision;
    expect(ask('203.0.113.10', '2025-06-01T12:00:00Z')).toBe('Allow');
    expect(ask('2001:db8::7', '2025-06-01T12:00:00Z')).toBe('Allow');
    expect(ask('192.0.2.1', '2025-06-01T12:00:00Z')).toBe('ImplicitDeny');
    expect(ask('203.0.113.10', '2026-01-02T00:00:00Z')).toBe('ImplicitDeny');
    expect(ask('203.0.113.10', '2024-12-31T23:00:00Z')).toBe('ImplicitDeny');
  });

  it('ec2-s3-reader: EC2 may assume the role, and the role reads its bucket only', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/reader`;
    const trust = policyOf('ec2-s3-reader', { bucket: 'my-bucket' }, 'trust');
    expect(decide({ resource: trust }, { action: 'sts:AssumeRole', resource: role, principal: 'ec2.amazonaws.com' }).decision).toBe('Allow');
    expect(decide({ resource: trust }, { action: 'sts:AssumeRole', resource: role, principal: 'lambda.amazonaws.com' }).decision).toBe('ImplicitDeny');
    expect(decide({ resource: trust }, { action: 'sts:AssumeRole', resource: role, principal: ALICE }).decision).toBe('ImplicitDeny');
    const perms = policyOf('ec2-s3-reader', { bucket: 'my-bucket', prefix: 'reports/' }, 'permissions');
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/reader/i-0abc`;
    expect(decide({ identity: [perms] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::my-bucket/reports/q1.csv', principal: session }).decision).toBe('Allow');
    expect(decide({ identity: [perms] }, { action: 's3:GetObject', resource: 'arn:aws:s3:::my-bucket/secrets/k', principal: session }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [perms] }, { action: 's3:PutObject', resource: 'arn:aws:s3:::my-bucket/reports/q1.csv', principal: session }).decision).toBe('ImplicitDeny');
    expect(decide({ identity: [perms] }, { action: 's3:ListBucket', resource: 'arn:aws:s3:::my-bucket', principal: session, context: { 's3:prefix': 'reports/2025' } }).decision).toBe('Allow');
    expect(decide({ identity: [perms] }, { action: 's3:ListBucket', resource: 'arn:aws:s3:::my-bucket', principal: session, context: { 's3:prefix': 'secrets/' } }).decision).toBe('ImplicitDeny');
  });

  it("seed 003's ProductionAdminPolicy as written grants nothing (\"Action\": \"\"), which is why the template differs", () => {
    const seed = toPolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AllowAllExceptRestricted', Effect: 'Allow', Action: '', Resource: '' },
          { Sid: 'RequireMFAForCriticalActions', Effect: 'Deny', Action: ['ec2:TerminateInstances'], Resource: '', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
        ],
      },
      'seed-003',
    );
    const r = decide({ identity: [seed] }, { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', context: mfa });
    expect(r.decision).toBe('ImplicitDeny');
    expect(decide({ identity: [ADMINISTRATOR_ACCESS, policyOf('production-admin')] }, { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', context: mfa }).decision).toBe('Allow');
  });

  it.each([
    ['s3-bucket', {}, 'needs --param bucket'],
    ['s3-bucket', { bucket: 'My_Bucket' }, '--param bucket: "My_Bucket" is not an S3 bucket name'],
    ['s3-bucket', { bucket: 'b-1', colour: 'red' }, 'has no parameter "colour"'],
    ['break-glass', { regions: 'mars-1' }, '--param regions: "mars-1" is not a region name'],
    ['source-ip-and-time', { actions: 's3:GetObject', cidrs: '10.0.0.0/33', start: '2025-01-01T00:00:00Z', end: '2025-02-01T00:00:00Z' }, 'is not a CIDR block'],
    ['source-ip-and-time', { actions: 's3:GetObject', cidrs: '10.0.0.0/8', start: '2025-03-01T00:00:00Z', end: '2025-02-01T00:00:00Z' }, 'must be before'],
    ['source-ip-and-time', { actions: 's3:GetObject', cidrs: '10.0.0.0/8', start: 'yesterday', end: '2025-02-01T00:00:00Z' }, 'is not an ISO 8601 time'],
    ['production-admin', { deny: 'not an action' }, 'is not an action'],
  ])('%s with %j is refused: %s', (name, params, message) => {
    const run = () => render(name, params);
    expect(run).toThrow(TemplateError);
    expect(run).toThrow(message);
  });
});
