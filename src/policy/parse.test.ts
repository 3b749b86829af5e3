import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { parsePolicyText } from './parse.js';

const json = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:GetObjcet"],
      "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "true"}}
    }
  ]
}
`;

describe('parsePolicyText', () => {
  it('gives the value and the line:column of any JSON path', () => {
    const p = parsePolicyText(json, 'p.json');
    expect(p.value).toEqual(JSON.parse(json));
    expect(p.positionOf('$.Statement[0].Action[1]')).toEqual({ line: 6, column: 34 });
    expect(p.positionOf('$.Statement[0].Effect')).toEqual({ line: 5, column: 17 });
    expect(p.positionOf('$.Statement[0].Action')).toEqual({ line: 6, column: 7 });
    expect(p.positionOf('$.Statement[0].Condition.Bool["aws:SecureTransport"]')).toEqual({ line: 8, column: 53 });
  });

  it('falls back to the nearest parent for a path that is not in the text', () => {
    expect(parsePolicyText(json, 'p.json').positionOf('$.Statement[0].NotResource')).toEqual({ line: 4, column: 5 });
  });

  it('reads YAML with the same paths', () => {
    const p = parsePolicyText('Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - s3:GetObject\n    Resource: "*"\n', 'p.yaml');
    expect(p.value).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] });
    expect(p.positionOf('$.Statement[0].Action[0]')).toEqual({ line: 5, column: 9 });
  });

  it("reads IAM's URL-encoded form", () => {
    expect(parsePolicyText(encodeURIComponent('{"Version":"2012-10-17","Statement":[]}'), 'iam').value).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('reports duplicate keys, keeping the last value as JSON.parse does', () => {
    const p = parsePolicyText('{"Statement": {"Effect": "Deny", "Effect": "Allow"}}', 'd.json');
    expect(p.value).toEqual({ Statement: { Effect: 'Allow' } });
    expect(p.duplicateKeys).toEqual(['$.Statement.Effect']);
  });

  it.each([
    ['{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow",, } ]\n}', 'bad.json:3:37'],
    ['{"Version": "2012-10-17"', 'bad.json:1:25'],
    ['', 'bad.json:1:1: empty document'],
    ['{"Version": "2012-10-17", // a comment\n "Statement": []}', 'bad.json:1:27: not valid JSON: comments are not allowed'],
    ['{"Statement": [1,]}', 'bad.json:1:18: not valid JSON: expected a value'],
    ['Version: [\n', 'bad.json:2:1: not valid JSON or YAML: Flow sequence'],
    ['Statement: *nothing\n', 'bad.json:1:12: not valid JSON or YAML'],
  ])('a syntax error is one InputError naming file:line:col (%#)', (text, where) => {
    expect(() => parsePolicyText(text, 'bad.json')).toThrow(InputError);
    expect(() => parsePolicyText(text, 'bad.json')).toThrow(where);
  });
});
