import { describe, expect, it } from 'vitest';
import { customerPolicy, options, role, snapshot, user } from '../../../test/fixtures/snapshot.js';
import { policyResourceMissing } from './policy-resource-missing.js';

const doc = (resource: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: resource }] });

describe('policy-resource-missing', () => {
  it('fails an ARN naming a role that does not exist, suggesting the one that does', () => {
    const s = snapshot({ iam: { roles: [role('user-sessions-prod')], users: [user('deployer', { inlinePolicies: [{ name: 'pass', document: doc('arn:aws:iam::123456789012:role/user-session-prod') }] })] } });
    const out = policyResourceMissing.evaluate(s, options());
    expect(out).toEqual([
      expect.objectContaining({
        status: 'FAIL',
        resource: 'arn:aws:iam::123456789012:user/deployer/inline/pass',
        message: 'inline policy pass of user deployer: $.Statement[0].Resource: no IAM role named user-session-prod in account 123456789012 (did you mean user-sessions-prod?)',
      }),
    ]);
  });

  it('passes existing resources, and ARNs of kinds the snapshot does not list (DynamoDB tables)', () => {
    const s = snapshot({
      iam: {
        roles: [role('app')],
        policies: [customerPolicy('a', doc('arn:aws:iam::123456789012:role/app')), customerPolicy('b', doc('arn:aws:dynamodb:us-east-1:123456789012:table/user-session-prod'))],
      },
    });
    expect(policyResourceMissing.evaluate(s, options()).map((o) => o.status)).toEqual(['PASS', 'PASS']);
  });
});
