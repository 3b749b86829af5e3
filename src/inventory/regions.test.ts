import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { ALWAYS_ENABLED_REGIONS, chooseRegions } from './regions.js';

const listing = { enabled: ['us-east-1', 'eu-west-1', 'eu-south-1'], notEnabled: ['ap-east-1', 'me-south-1'] };

describe('chooseRegions', () => {
  it('audits every enabled region by default, opted-in ones included', () => {
    expect(chooseRegions(listing, undefined)).toEqual({
      enabled: ['us-east-1', 'eu-west-1', 'eu-south-1'],
      notEnabled: ['ap-east-1', 'me-south-1'],
      audited: ['us-east-1', 'eu-west-1', 'eu-south-1'],
      notes: [],
    });
  });

  it('limits to --regions, skipping with a note a requested region the account has not enabled', () => {
    const regions = chooseRegions(listing, ['eu-west-1', 'ap-east-1', 'eu-west-1']);
    expect(regions.audited).toEqual(['eu-west-1']);
    expect(regions.notes).toEqual(['ap-east-1 was requested but is an opt-in region this account has not enabled: skipped']);
  });

  it('refuses region names that do not exist, naming each with a suggestion', () => {
    const error = (() => {
      try {
        chooseRegions(listing, ['us-east-1', 'eu-wset-1', 'mars-1']);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('--regions: unknown regions "eu-wset-1" (did you mean "eu-west-1"?), "mars-1"');
  });

  it('without DescribeRegions: the regions every account has, or the requested ones unchecked', () => {
    const fallback = chooseRegions(undefined, undefined, 'UnauthorizedOperation: denied');
    expect(fallback.audited).toEqual(ALWAYS_ENABLED_REGIONS);
    expect(fallback.audited).toHaveLength(17);
    expect(fallback.notes).toEqual([
      'ec2:DescribeRegions failed (UnauthorizedOperation: denied): auditing the regions every account has; opt-in regions were not considered',
    ]);
    expect(chooseRegions(undefined, ['ap-east-1']).audited).toEqual(['ap-east-1']);
    expect(() => chooseRegions(undefined, ['not a region'])).toThrow(InputError);
  });
});
