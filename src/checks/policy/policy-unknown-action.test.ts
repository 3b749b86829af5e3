import { describe, expect, it } from 'vitest';
import { customerPolicy, group, options, snapshot } from '../../../test/fixtures/snapshot.js';
import { policyUnknownAction } from './policy-unknown-action.js';

const doc = (...actions: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });

describe('policy-unknown-action', () => {
  it('passes real actions and wildcards that match some', () => {
    const out = policyUnknownAction.evaluate(snapshot({ iam: { policies: [customerPolicy('ok', doc('s3:GetObject', 'ec2:Describe*', 'iam:*'))] } }), options());
    expect(out).toEqual([{ status: 'PASS', resource: 'arn:aws:iam::123456789012:policy/ok', message: 'policy ok: every action exists' }]);
  });

  it('fails s3:GetObjcet with the closest real action, and a wildcard that matches nothing', () => {
    const out = policyUnknownAction.evaluate(snapshot({ iam: { groups: [group('devs', { inlinePolicies: [{ name: 'read', document: doc('s3:GetObjcet', 's3:Get*Foo') }] })] } }), options());
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:group/devs/inline/read' });
    expect(out[0]?.message).toBe(
      'inline policy read of group devs: $.Statement[0].Action[0]: unknown action s3:GetObjcet (did you mean s3:GetObject?); $.Statement[0].Action[1]: s3:Get*Foo matches no s3 action',
    );
  });
});
