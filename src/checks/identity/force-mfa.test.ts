import { describe, expect, it } from 'vitest';
import { forceMfaDoc } from '../../../test/fixtures/snapshot.js';
import { forceMfaPolicy, forcesMfa, isMfaAbsentCondition } from './force-mfa.js';

const SELF_SERVICE = ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'];
const deny = (over: Record<string, unknown> = {}) => ({
  Statement: [{ Effect: 'Deny', NotAction: SELF_SERVICE, Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, ...over }],
});

describe('the force-MFA detector', () => {
  it("recognises AWS's example policy", () => {
    expect(forcesMfa(forceMfaDoc)).toBe(true);
  });

  it.each([
    ['Bool instead of BoolIfExists', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }],
    ['operator and key in other case', { boolifexists: { 'AWS:multiFactorAuthPresent': 'FALSE' } }],
    ['boolean false', { BoolIfExists: { 'aws:MultiFactorAuthPresent': false } }],
    ['an array value', { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } }],
  ])('judges the condition by meaning: %s', (_name, Condition) => {
    expect(forcesMfa(deny({ Condition }))).toBe(true);
  });

  it.each([
    ['"true" (denies the MFA users instead)', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }],
    ['another key', { Bool: { 'aws:SecureTransport': 'false' } }],
    ['an extra operator (ANDed: narrower)', { Bool: { 'aws:MultiFactorAuthPresent': 'false' }, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }],
    ['a different operator', { StringEquals: { 'aws:MultiFactorAuthPresent': 'false' } }],
    ['no condition (that is deny-all)', undefined],
  ])('rejects the condition %s', (_name, Condition) => {
    expect(forcesMfa(deny({ Condition }))).toBe(false);
  });

  it('accepts Action "*" (denies even MFA setup, but still forces MFA)', () => {
    expect(forcesMfa(deny({ NotAction: undefined, Action: '*' }))).toBe(true);
  });

  it('accepts a shorter list of self-service exemptions, in any case', () => {
    expect(forcesMfa(deny({ NotAction: 'IAM:EnableMFADevice' }))).toBe(true);
  });

  it.each([
    ['an exemption beyond MFA self-service', { NotAction: [...SELF_SERVICE, 's3:*'] }],
    ['a wildcard exemption', { NotAction: ['iam:*'] }],
    ['only some actions denied', { NotAction: undefined, Action: ['ec2:TerminateInstances', 's3:DeleteBucket'] }],
    ['one resource', { Resource: 'arn:aws:s3:::bucket' }],
    ['an Allow', { Effect: 'Allow' }],
  ])('rejects %s', (_name, over) => {
    expect(forcesMfa(deny(over))).toBe(false);
  });

  it('rejects odd condition shapes without throwing', () => {
    expect(isMfaAbsentCondition(null)).toBe(false);
    expect(isMfaAbsentCondition({ Bool: 'false' })).toBe(false);
    expect(isMfaAbsentCondition({ Bool: { 'aws:MultiFactorAuthPresent': [] } })).toBe(false);
  });

  it('finds the policy among several', () => {
    const refs = [
      { kind: 'inline' as const, name: 'other', arn: null, via: null, document: {} },
      { kind: 'managed' as const, name: 'ForceMFA', arn: 'arn:aws:iam::123456789012:policy/ForceMFA', via: 'Everyone', document: forceMfaDoc },
    ];
    expect(forceMfaPolicy(refs)?.name).toBe('ForceMFA');
    expect(forceMfaPolicy(refs.slice(0, 1))).toBeNull();
  });
});
