// Random policies and requests: the evaluator never throws anything but PolicyShapeError (a document AWS would
// reject, reported as bad input), always decides one of the three outcomes, and keeps two invariants of the logic:
// an applicable Deny always wins, and adding a statement never turns an explicit deny into an allow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyShapeError, toPolicy } from '../model.js';
import type { Policy } from '../types.js';
import { compileInputs, evaluate, type PolicyInputs } from './evaluate.js';
import { explain } from './explain.js';
import { OPERATORS } from './operators.js';
import { prepareRequest } from './request.js';

const operatorNames = [...OPERATORS.keys(), 'Null'];
const operator = fc.tuple(fc.constantFrom('', 'ForAllValues:', 'ForAnyValue:'), fc.constantFrom(...operatorNames), fc.boolean()).map(([set, base, ifExists]) => `${set}${base}${ifExists ? 'IfExists' : ''}`);
const key = fc.constantFrom('aws:SourceIp', 'aws:CurrentTime', 'aws:MultiFactorAuthPresent', 'aws:PrincipalTag/team', 'aws:TagKeys', 's3:prefix', 'aws:username', 'aws:SourceArn', 'X:Weird');
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('true', 'false', '10', '-1.5', '2025-01-01T00:00:00Z', '1700000000', '10.0.0.0/8', '2001:db8::/32', '::1', 'arn:aws:s3:::b/*', '${aws:username}', "${aws:PrincipalTag/x, 'd'}", '${*}', 'a*b?', '*'),
);
const values = fc.oneof(value, fc.array(value, { maxLength: 3 }));
const action = fc.constantFrom('*', 's3:*', 's3:GetObject', 'S3:get*', 'iam:?reateUser', 'ec2:Describe*', 'sts:AssumeRole');
const resource = fc.constantFrom('*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/${aws:username}/*', 'arn:aws:iam::111122223333:user/*', 'arn:aws:sqs:*:444455556666:q');
const principal = fc.oneof(
  fc.constant('*'),
  fc.record({ AWS: fc.constantFrom('*', '111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:role/app', 'arn:aws:iam::444455556666:root') }),
  fc.record({ Service: fc.constantFrom('ec2.amazonaws.com', 'lambda.amazonaws.com') }),
);
const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 5 }),
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.oneof(action, fc.array(action, { maxLength: 3 })),
    Resource: fc.oneof(resource, fc.array(resource, { maxLength: 2 })),
    Principal: principal,
    Condition: fc.dictionary(operator, fc.dictionary(key, values, { maxKeys: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: ['Effect', 'Action'] },
);
const policyDoc = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: fc.array(statement, { minLength: 1, maxLength: 4 }) });
const request = fc.record({
  action: fc.constantFrom('s3:GetObject', 'iam:CreateUser', 'ec2:DescribeInstances', 'sts:AssumeRole', 'x:Y'),
  resource: fc.constantFrom('*', 'arn:aws:s3:::b/alice/k', 'arn:aws:sqs:us-east-1:444455556666:q', 'arn:aws:iam::111122223333:user/alice'),
  principal: fc.constantFrom(
    'arn:aws:iam::111122223333:user/alice',
    'arn:aws:sts::111122223333:assumed-role/app/s',
    'arn:aws:iam::444455556666:user/carol',
    '111122223333',
    'ec2.amazonaws.com',
  ),
  context: fc.dictionary(key, fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 4 }),
});

/** toPolicy, or undefined when the document is one AWS would reject (a PolicyShapeError). */
function policyOrShapeError(doc: unknown): Policy | undefined {
  try {
    return toPolicy(doc, 'fuzz');
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyShapeError);
    return undefined;
  }
}

function decideOrShapeError(inputs: PolicyInputs, req: Parameters<typeof prepareRequest>[0]) {
  let compiled;
  try {
    compiled = compileInputs(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyShapeError);
    return undefined;
  }
  const prepared = prepareRequest(req);
  const result = evaluate(compiled, prepared);
  expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(result.decision);
  expect(explain(compiled, result, prepared).lines.length).toBeGreaterThan(result.decision === 'ImplicitDeny' ? 0 : result.statements.length - 1);
  return result;
}

describe('evaluator fuzz', () => {
  it('any JSON value as a policy: a PolicyShapeError or a decision, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), policyDoc), request, (doc, req) => {
        const p = policyOrShapeError(doc);
        if (p) decideOrShapeError({ identity: [p], resource: p, boundary: p, session: p, scps: [[p]], rcps: [[p]] }, req);
      }),
      { numRuns: 400 },
    );
  });

  it('an applicable Deny of everything always wins', () => {
    const denyAll = toPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }, 'deny-all');
    fc.assert(
      fc.property(policyDoc, request, (doc, req) => {
        const p = policyOrShapeError(doc);
        if (!p || req.principal === 'ec2.amazonaws.com') return;
        const r = decideOrShapeError({ identity: [p, denyAll], resource: p }, req);
        if (r) expect(r.decision).toBe('ExplicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('adding a statement never turns an explicit deny into an allow', () => {
    fc.assert(
      fc.property(policyDoc, policyDoc, request, (a, b, req) => {
        const pa = policyOrShapeError(a);
        const pb = policyOrShapeError(b);
        if (!pa || !pb) return;
        const before = decideOrShapeError({ identity: [pa] }, req);
        const after = decideOrShapeError({ identity: [pa, pb] }, req);
        if (before?.decision === 'ExplicitDeny' && after) expect(after.decision).toBe('ExplicitDeny');
      }),
      { numRuns: 300 },
    );
  });
});
