import { describe, expect, it } from 'vitest';
import { ALL_USERS, AUTHENTICATED_USERS, PAB_OFF, PAB_ON, cloudTrailBucketPolicy, loggingSnapshot, trailBucket } from '../../../test/fixtures/snapshot.js';
import { exposure, publicGrants, publicStatements } from './buckets.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const allow = (over: Record<string, unknown>) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...over });

describe('publicStatements', () => {
  it('finds Allow to Principal "*", {"AWS": "*"} and NotPrincipal', () => {
    expect(publicStatements(doc(allow({ Sid: 'Star', Principal: '*' })))).toEqual(['statement "Star" (s3:GetObject)']);
    expect(publicStatements(doc(allow({ Principal: { AWS: ['*'] } })))).toEqual(['statement #1 (s3:GetObject)']);
    expect(publicStatements(doc(allow({ NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } })))).toHaveLength(1);
  });

  it('does not count service principals, accounts, or Deny', () => {
    expect(publicStatements(cloudTrailBucketPolicy())).toEqual([]);
    expect(publicStatements(doc(allow({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })))).toEqual([]);
    expect(publicStatements(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))).toEqual([]);
  });

  it('accepts conditions that pin the caller: SourceArn, SourceAccount, PrincipalOrgID, SourceVpce', () => {
    for (const [op, key, value] of [
      ['StringEquals', 'aws:SourceArn', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/x'],
      ['StringEquals', 'aws:SourceAccount', '123456789012'],
      ['StringEquals', 'aws:PrincipalOrgID', 'o-abc123'],
      ['StringEquals', 'aws:sourcevpce', 'vpce-1a2b3c4d'],
      ['ArnLike', 'aws:SourceArn', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/x'],
      ['IpAddress', 'aws:SourceIp', '203.0.113.0/24'],
    ]) {
      expect(publicStatements(doc(allow({ Principal: '*', Condition: { [op!]: { [key!]: value } } }))), `${op} ${key}`).toEqual([]);
    }
  });

  it('does not accept conditions that pin nothing: wildcards, negations, IfExists, unrelated keys', () => {
    for (const condition of [
      { StringLike: { 'aws:SourceArn': '*' } },
      { StringNotEquals: { 'aws:SourceAccount': '111122223333' } },
      { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } },
      { Bool: { 'aws:SecureTransport': 'true' } },
      { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    ]) {
      expect(publicStatements(doc(allow({ Principal: '*', Condition: condition }))), JSON.stringify(condition)).toHaveLength(1);
    }
  });

  it('reads a policy given as JSON text and survives junk', () => {
    expect(publicStatements(JSON.stringify(doc(allow({ Principal: '*' }))))).toHaveLength(1);
    expect(publicStatements('not json')).toEqual([]);
    expect(publicStatements(null)).toEqual([]);
  });
});

describe('publicGrants', () => {
  it('finds grants to AllUsers and AuthenticatedUsers only', () => {
    expect(publicGrants([{ grantee: ALL_USERS, permission: 'READ' }, { grantee: AUTHENTICATED_USERS, permission: 'WRITE' }, { grantee: 'abc123', permission: 'FULL_CONTROL' }])).toEqual([
      'READ to AllUsers',
      'WRITE to AuthenticatedUsers',
    ]);
  });
});

describe('exposure', () => {
  const open = trailBucket(undefined, { publicAccessBlock: null, policy: doc(allow({ Principal: '*' })), aclGrants: [{ grantee: ALL_USERS, permission: 'READ' }] });

  it('is public by policy and ACL when no block applies', () => {
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: null });
    expect(exposure(s, open)).toEqual({ status: 'public', reasons: ['the policy lets anyone in through statement #1 (s3:GetObject)', 'the ACL grants READ to AllUsers'] });
  });

  it("is private when the account's block restricts public buckets and ignores public ACLs", () => {
    expect(exposure(loggingSnapshot(), open)).toMatchObject({ status: 'private', notes: [expect.stringContaining('account restrictPublicBuckets'), expect.stringContaining('account ignorePublicAcls')] });
  });

  it('does not count BlockPublicPolicy alone: it only refuses new public policies', () => {
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: { ...PAB_OFF, blockPublicPolicy: true, ignorePublicAcls: true } });
    expect(exposure(s, open)).toMatchObject({ status: 'public', reasons: [expect.stringContaining('policy')] });
  });

  it('is unknown when the policy is missing and nothing blocks it, and names the call', () => {
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: null });
    expect(exposure(s, trailBucket(undefined, { publicAccessBlock: null, policy: undefined }))).toEqual({ status: 'unknown', missing: ['s3:GetBucketPolicy'] });
    // The bucket's own block covers a policy it cannot read.
    expect(exposure(s, trailBucket(undefined, { publicAccessBlock: PAB_ON, policy: undefined })).status).toBe('private');
  });

  it('is unknown when a public policy meets an unknown public access block', () => {
    const s = loggingSnapshot({ s3AccountPublicAccessBlock: undefined });
    expect(exposure(s, { ...open, aclGrants: [] })).toEqual({ status: 'unknown', missing: ['s3control:GetPublicAccessBlock'] });
  });
});
