import { describe, expect, it } from 'vitest';
import type { Trail } from '../inventory/schema/logging.js';
import { judgeOrganization } from './judge.js';
import type { OrgFacts, OrgScp } from './types.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const scp = (name: string, document: unknown, targets: OrgScp['targets'] = [{ id: 'r-exam', type: 'ROOT' }]): OrgScp => ({ id: `p-${name}`, name, awsManaged: false, document, targets });
const facts = (scps: OrgScp[] | null, errors: string[] = []): OrgFacts => ({ organizationId: 'o-x', managementAccountId: '111111111111', scps, delegatedAdministrators: [], errors });
const statusOf = (f: OrgFacts, id: string, trails: Trail[] | null = []) => judgeOrganization(f, trails).find((x) => x.id === id);

const denyLeave = doc({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });
const denyRoot = doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:root'] } } });
const denyRegions = doc({ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } });

describe('organization guard rails', () => {
  it.each([
    ['org-scp-deny-leave', denyLeave],
    ['org-scp-deny-root', denyRoot],
    ['org-scp-region-deny', denyRegions],
  ])('%s passes when an SCP on the root has it', (id, document) => {
    expect(statusOf(facts([scp('guard', document)]), id)).toMatchObject({ status: 'PASS', message: expect.stringContaining('guard, on the root') });
  });

  it('fails when the SCP is attached only to some OUs, naming them', () => {
    expect(statusOf(facts([scp('guard', denyLeave, [{ id: 'ou-abcd-1', type: 'ORGANIZATIONAL_UNIT' }])]), 'org-scp-deny-leave')).toMatchObject({
      status: 'FAIL',
      message: expect.stringContaining('only where attached (ou-abcd-1)'),
    });
  });

  it('does not count an allow, a conditional leave-deny, a detached policy or a root deny limited to one action', () => {
    const f = facts([
      scp('allow', doc({ Effect: 'Allow', Action: 'organizations:LeaveOrganization', Resource: '*' })),
      scp('conditional', doc({ Effect: 'Deny', Action: 'organizations:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': '1' } } })),
      scp('detached', denyLeave, []),
      scp('narrow-root', doc({ Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } } })),
    ]);
    expect(statusOf(f, 'org-scp-deny-leave')?.status).toBe('FAIL');
    expect(statusOf(f, 'org-scp-deny-root')?.status).toBe('FAIL');
  });

  it('matches actions with wildcards, case-insensitively', () => {
    expect(statusOf(facts([scp('g', doc({ Effect: 'Deny', Action: ['Organizations:Leave*'], Resource: '*' }))]), 'org-scp-deny-leave')?.status).toBe('PASS');
  });

  it('is UNKNOWN with the reason when the SCPs could not be read', () => {
    expect(statusOf(facts(null, ['organizations:ListPolicies: AccessDenied']), 'org-scp-deny-root')).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('AccessDenied') });
  });
});

describe('org-trail', () => {
  const trail = (over: Partial<Trail>): Trail => ({
    name: 't', arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/t', homeRegion: 'us-east-1', isMultiRegion: true, isOrganizationTrail: true,
    s3BucketName: 'b', s3KeyPrefix: null, kmsKeyId: null, logFileValidation: true, cloudWatchLogsLogGroupArn: null, cloudWatchLogsRoleArn: null,
    isLogging: true, eventSelectors: null, ...over,
  });
  it.each<[Trail[] | null, string]>([
    [[trail({})], 'PASS'],
    [[trail({ isOrganizationTrail: false })], 'FAIL'],
    [[trail({ isLogging: false })], 'FAIL'],
    [[trail({ isMultiRegion: false })], 'FAIL'],
    [[], 'FAIL'],
    [null, 'UNKNOWN'],
  ])('%j -> %s', (trails, status) => {
    expect(statusOf(facts([]), 'org-trail', trails)?.status).toBe(status);
  });
});
