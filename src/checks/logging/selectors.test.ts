import { describe, expect, it } from 'vitest';
import { fieldAccepts, managementCoverage, s3DataScopes } from './selectors.js';

const mgmt = (...extra: { field: string; equals?: string[]; notEquals?: string[] }[]) => ({ name: null, fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }, ...extra] });

describe('fieldAccepts', () => {
  it('ANDs the operators given and ORs the values of each', () => {
    expect(fieldAccepts({ field: 'eventName', equals: ['PutObject', 'GetObject'] }, 'GetObject')).toBe(true);
    expect(fieldAccepts({ field: 'eventName', startsWith: ['Put'], notEquals: ['PutObjectAcl'] }, 'PutObjectAcl')).toBe(false);
    expect(fieldAccepts({ field: 'resources.ARN', notStartsWith: ['arn:aws:s3:::logs/'] }, 'arn:aws:s3:::data/x')).toBe(true);
    expect(fieldAccepts({ field: 'resources.ARN', endsWith: ['.csv'] }, 'arn:aws:s3:::data/x.json')).toBe(false);
    expect(fieldAccepts({ field: 'readOnly', equals: [] }, 'true')).toBe(true);
  });
});

describe('managementCoverage', () => {
  it('reads basic selectors, ignoring those without management events', () => {
    expect(managementCoverage({ basic: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [] }], advanced: [] })).toMatchObject({ read: false, write: false });
    expect(managementCoverage({ basic: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] }], advanced: [] })).toMatchObject({ read: false, write: true });
  });

  it('reads advanced readOnly as Equals true (read), false (write), absent (both)', () => {
    expect(managementCoverage({ basic: [], advanced: [mgmt({ field: 'readOnly', equals: ['true'] })] })).toMatchObject({ read: true, write: false });
    expect(managementCoverage({ basic: [], advanced: [mgmt()] })).toEqual({ read: true, write: true, exclusions: [] });
  });

  it('does not count an advanced selector without eventCategory, or a Data one', () => {
    expect(managementCoverage({ basic: [], advanced: [{ name: null, fieldSelectors: [{ field: 'readOnly', equals: ['false'] }] }] })).toMatchObject({ read: false, write: false });
    expect(managementCoverage({ basic: [], advanced: [{ name: null, fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }] }] })).toMatchObject({ read: false, write: false });
  });
});

describe('s3DataScopes', () => {
  it('ignores other data resource types (Lambda) and empty value lists', () => {
    expect(
      s3DataScopes({ basic: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }, { type: 'AWS::S3::Object', values: [] }] }], advanced: [] }),
    ).toEqual([]);
  });

  it('knows all buckets in any partition', () => {
    const scopes = s3DataScopes({ basic: [{ readWriteType: 'ReadOnly', includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws-us-gov:s3'] }] }], advanced: [] });
    expect(scopes).toEqual([{ read: true, write: false, allBuckets: true, limits: [] }]);
  });

  it('does not count an advanced selector for another resource type', () => {
    const lambda = { name: null, fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::Lambda::Function'] }] };
    expect(s3DataScopes({ basic: [], advanced: [lambda] })).toEqual([]);
  });
});
