import { describe, expect, it } from 'vitest';
import { customerPolicy, role, snapshot, user } from '../../../test/fixtures/snapshot.js';
import { tableRegionsNamed } from './tables.js';

const doc = (...Resource: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource }] });

describe('tableRegionsNamed', () => {
  it('names the regions of exact table ARNs of this account in customer-managed and inline policies', () => {
    const iam = snapshot({
      iam: {
        policies: [customerPolicy('Sessions', doc('arn:aws:dynamodb:us-east-1:123456789012:table/user-session-prod'))],
        users: [user('app', { inlinePolicies: [{ name: 'idx', document: doc('arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/by-date') }] })],
        roles: [role('lambda', { inlinePolicies: [{ name: 'x', document: JSON.stringify(doc('arn:aws:dynamodb:us-east-1:123456789012:table/other')) }] })],
      },
    }).iam;
    expect(tableRegionsNamed(iam, '123456789012')).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('asks nothing for wildcards, variables, other accounts or other services', () => {
    const iam = snapshot({
      iam: {
        policies: [
          customerPolicy(
            'P',
            doc(
              'arn:aws:dynamodb:us-east-1:123456789012:table/*',
              'arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}',
              'arn:aws:dynamodb:ap-south-1:999999999999:table/theirs',
              'arn:aws:s3:::bucket',
            ),
          ),
        ],
      },
    }).iam;
    expect(tableRegionsNamed(iam, '123456789012')).toEqual([]);
  });
});
