import { describe, expect, it } from 'vitest';
import { awsPolicy, customerPolicy, options, role, snapshot, user, withoutSection } from '../../../test/fixtures/snapshot.js';
import { policyValid } from './policy-valid.js';

const good = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
// Seed 003's ProductionAdminPolicy, as IAM would store it had it accepted it.
const seed003 = { Version: '2012-10-17', Statement: [{ Sid: 'AllowAllExceptRestricted', Effect: 'Allow', Action: '', Resource: '' }] };

describe('policy-valid', () => {
  it('passes valid customer-managed and inline policies and skips AWS managed ones', () => {
    const s = snapshot({ iam: { policies: [awsPolicy('Odd', { Statement: 'x' }), customerPolicy('good', good)], roles: [role('r', { inlinePolicies: [{ name: 'ok', document: good }] })] } });
    expect(policyValid.evaluate(s, options())).toEqual([
      { status: 'PASS', resource: 'arn:aws:iam::123456789012:policy/good', message: 'policy good: valid policy grammar' },
      { status: 'PASS', resource: 'arn:aws:iam::123456789012:role/r/inline/ok', message: 'inline policy ok of role r: valid policy grammar' },
    ]);
  });

  it('fails seed 003 ProductionAdminPolicy, naming the empty Action and Resource', () => {
    const out = policyValid.evaluate(snapshot({ iam: { policies: [customerPolicy('ProductionAdminPolicy', seed003)] } }), options());
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:policy/ProductionAdminPolicy' });
    expect(out[0]?.message).toContain('policy ProductionAdminPolicy: $.Statement[0].Action: Action is an empty string');
    expect(out[0]?.message).toContain('$.Statement[0].Resource: Resource is an empty string');
  });

  it('fails an unknown condition operator in an inline policy, and reads JSON text', () => {
    const doc = JSON.stringify({ ...good, Statement: [{ ...good.Statement[0], Condition: { StringEqualz: { 'aws:username': 'a' } } }] });
    const out = policyValid.evaluate(snapshot({ iam: { users: [user('alice', { inlinePolicies: [{ name: 'p', document: doc }] })] } }), options());
    expect(out[0]).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:user/alice/inline/p' });
    expect(out[0]?.message).toContain('unknown condition operator "StringEqualz" (did you mean "StringEquals"?)');
  });

  it('does not judge meaning: an unknown action is another check', () => {
    const doc = { ...good, Statement: [{ ...good.Statement[0], Action: 's3:GetObjcet' }] };
    expect(policyValid.evaluate(snapshot({ iam: { policies: [customerPolicy('p', doc)] } }), options())[0]?.status).toBe('PASS');
  });

  it('is NOT_APPLICABLE without customer policies and UNKNOWN without authorization details', () => {
    expect(policyValid.evaluate(snapshot(), options())[0]?.status).toBe('NOT_APPLICABLE');
    const s = withoutSection(snapshot(), 'policies', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(policyValid.evaluate(s, options())[0]?.status).toBe('UNKNOWN');
  });
});
