import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from './policy-document.js';

const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a b+c%' }] };

describe('parsePolicyDocument', () => {
  it('decodes the URL-encoded JSON IAM returns', () => {
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(DOC)))).toEqual(DOC);
  });

  it('takes JSON that arrives unencoded as it is, even with % in it', () => {
    expect(parsePolicyDocument(JSON.stringify(DOC))).toEqual(DOC);
  });

  it('keeps a document that is not JSON as text, for the linter', () => {
    expect(parsePolicyDocument(encodeURIComponent('{"Version": '))).toBe('{"Version": ');
    expect(parsePolicyDocument('%E0%A4%A')).toBe('%E0%A4%A');
    expect(parsePolicyDocument(undefined)).toBeNull();
  });
});
