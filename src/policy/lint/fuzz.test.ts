// Whatever JSON (or text) comes in, the linter answers with findings or one InputError: it never crashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { lintDocument, lintText } from './index.js';

const ELEMENTS = ['Version', 'Statement', 'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];
const words = fc.constantFrom('Allow', 'Deny', '*', '', 's3:GetObject', 'iam:*', 's3:Get*Foo', 'arn:aws:s3:::b/*', 'arn:aws:iam::12:user/x', 'arn:', 'aws:SourceIp', 'StringEqualz', 'ForAllValues:StringEquals', 'BoolIfExists', 'aws:MultiFactorAuthPresent', '2012-10-17', '${aws:username}');
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), words, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...ELEMENTS), words, fc.string()), tie('v'), { maxKeys: 5 })),
})).v;
const statement = fc.dictionary(fc.constantFrom(...ELEMENTS), value, { maxKeys: 8 });
const policyish = fc.record({ Version: fc.oneof(words, value), Statement: fc.oneof(statement, fc.array(fc.oneof(statement, value), { maxLength: 4 }), value) }, { requiredKeys: [] });

describe('lint never throws', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(Array.isArray(lintDocument(v, { kind: 'identity', requireMfa: true }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on random policy-shaped documents, for every kind', () => {
    fc.assert(
      fc.property(policyish, fc.constantFrom('identity', 'resource', 'trust', 'scp') as fc.Arbitrary<'identity'>, (doc, kind) => {
        for (const f of lintDocument(doc, { kind, requireMfa: true })) {
          expect(f.rule).not.toBe('');
          expect(f.path.startsWith('$')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on random text: findings or one InputError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, Math.max(1, j.length - 3)))), (text) => {
        try {
          lintText(text, 'fuzz.json');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect((err as Error).message).toMatch(/^fuzz\.json:\d+:\d+: /);
        }
      }),
      { numRuns: 300 },
    );
  });
});
