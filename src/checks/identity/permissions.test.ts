import { describe, expect, it } from 'vitest';
import { ADMIN_ARN, adminDoc, attach, awsPolicy, customerPolicy, group, user } from '../../../test/fixtures/snapshot.js';
import {
  adminGrant,
  allowsStarOnStar,
  asList,
  describePolicy,
  holderPolicies,
  isAdministrative,
  isAwsPolicy,
  statementsOf,
  userPolicies,
  type PolicyRef,
} from './permissions.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const inline = (document: unknown, via: string | null = null): PolicyRef => ({ kind: 'inline', name: 'p', arn: null, via, document });
const managed = (arn: string, document?: unknown): PolicyRef => ({ kind: 'managed', name: arn.split('/').pop() ?? arn, arn, via: null, document });

describe('reading policy documents', () => {
  it('takes Statement as an object or an array, and JSON text', () => {
    const s = { Effect: 'Allow', Action: '*', Resource: '*' };
    expect(statementsOf({ Statement: s })).toEqual([s]);
    expect(statementsOf({ Statement: [s, 'junk'] })).toEqual([s]);
    expect(statementsOf(JSON.stringify({ Statement: [s] }))).toEqual([s]);
    expect(statementsOf('not json')).toEqual([]);
    expect(statementsOf(undefined)).toEqual([]);
  });

  it('takes elements as a string or an array', () => {
    expect(asList('*')).toEqual(['*']);
    expect(asList(['s3:GetObject', 7])).toEqual(['s3:GetObject']);
    expect(asList(undefined)).toEqual([]);
  });
});

describe('allowsStarOnStar', () => {
  it.each([
    ['Action "*" on "*"', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), true],
    ['"*" inside an Action array', doc({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] }), true],
    ['"*:*"', doc({ Effect: 'Allow', Action: '*:*', Resource: '*' }), true],
    ['a conditional allow (CIS still flags it)', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), true],
    ['lower-case element names', { statement: { effect: 'allow', action: '*', resource: '*' } }, true],
    ['a single-statement object', { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }, true],
    ['NotAction', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), false],
    ['NotResource', doc({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' }), false],
    ['one resource', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }), false],
    ['a service wildcard', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), false],
    ['iam:* (admin, but not "*" on "*")', doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }), false],
    ['a Deny', doc({ Effect: 'Deny', Action: '*', Resource: '*' }), false],
  ])('%s', (_name, document, expected) => {
    expect(allowsStarOnStar(document)).toBe(expected);
  });
});

describe('isAdministrative', () => {
  it('knows AdministratorAccess and IAMFullAccess by ARN, in any partition, without their documents', () => {
    expect(isAdministrative([managed(ADMIN_ARN)])).toBe(true);
    expect(isAdministrative([managed('arn:aws:iam::aws:policy/IAMFullAccess')])).toBe(true);
    expect(isAdministrative([managed('arn:aws-us-gov:iam::aws:policy/AdministratorAccess')])).toBe(true);
    expect(isAdministrative([managed('arn:aws:iam::aws:policy/ReadOnlyAccess')])).toBe(false);
    // A customer policy named like the AWS one is judged by its document.
    expect(isAdministrative([managed('arn:aws:iam::123456789012:policy/AdministratorAccess', doc())])).toBe(false);
  });

  it('counts an inline "*" or "iam:*" on "*", conditions or not', () => {
    expect(isAdministrative([inline(adminDoc)])).toBe(true);
    expect(isAdministrative([inline(doc({ Effect: 'Allow', Action: ['IAM:*'], Resource: '*' }))])).toBe(true);
    expect(isAdministrative([inline(doc({ Effect: 'Allow', Action: ['ec2:*', '*'], Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))])).toBe(true);
  });

  it('does not count NotAction, narrower actions or narrower resources', () => {
    expect(isAdministrative([inline(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))])).toBe(false);
    expect(isAdministrative([inline(doc({ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }))])).toBe(false);
    expect(isAdministrative([inline(doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }))])).toBe(false);
    expect(isAdministrative([])).toBe(false);
  });

  it('is negated by an unconditional Deny of "*" on "*" anywhere in the set, not by a conditional one', () => {
    const denyAll = inline(doc({ Effect: 'Deny', Action: '*', Resource: '*' }), 'Quarantine');
    expect(isAdministrative([managed(ADMIN_ARN), denyAll])).toBe(false);
    const denyWithoutMfa = inline(doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }));
    expect(isAdministrative([managed(ADMIN_ARN), denyWithoutMfa])).toBe(true);
    const denyNarrow = inline(doc({ Effect: 'Deny', Action: 'account:CloseAccount', Resource: '*' }));
    expect(isAdministrative([managed(ADMIN_ARN), denyNarrow])).toBe(true);
  });

  it('returns the granting policy', () => {
    const readOnly = managed('arn:aws:iam::aws:policy/ReadOnlyAccess');
    const admin = { ...managed(ADMIN_ARN), via: 'Admins' };
    expect(adminGrant([readOnly, admin])).toBe(admin);
    expect(describePolicy(admin)).toBe('AdministratorAccess via group Admins');
    expect(describePolicy(inline(adminDoc))).toBe('inline policy p');
  });
});

describe("a user's effective policies", () => {
  const star = customerPolicy('star', adminDoc);
  const groups = [group('Admins', { attachedPolicies: [attach(awsPolicy('AdministratorAccess'))] }), group('Devs', { attachedPolicies: [attach(star)] })];

  it('include its groups, with the group named, and resolve managed documents by ARN', () => {
    const refs = userPolicies(user('alice', { groups: ['Devs'], inlinePolicies: [{ name: 'own', document: {} }] }), groups, [star]);
    expect(refs.map(describePolicy)).toEqual(['inline policy own', 'star via group Devs']);
    expect(refs[1]?.document).toEqual(adminDoc);
    expect(isAdministrative(refs)).toBe(true);
  });

  it('admin via group', () => {
    const refs = userPolicies(user('bob', { groups: ['Admins', 'Missing'] }), groups, []);
    expect(adminGrant(refs)?.via).toBe('Admins');
  });

  it('a managed policy missing from the snapshot has no document', () => {
    const refs = holderPolicies({ attachedPolicies: [{ name: 'x', arn: 'arn:aws:iam::123456789012:policy/x' }], inlinePolicies: [] }, []);
    expect(refs[0]?.document).toBeUndefined();
    expect(isAdministrative(refs)).toBe(false);
  });

  it('isAwsPolicy matches the exact AWS managed name', () => {
    expect(isAwsPolicy(ADMIN_ARN, 'AdministratorAccess')).toBe(true);
    expect(isAwsPolicy('arn:aws:iam::aws:policy/job-function/AdministratorAccess', 'AdministratorAccess')).toBe(false);
    expect(isAwsPolicy(null, 'AdministratorAccess')).toBe(false);
  });
});
