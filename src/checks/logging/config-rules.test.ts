import { describe, expect, it } from 'vitest';
import { ACCOUNT, configRecorder, configRule, loggingRegionFacts, loggingSnapshot, options, seedConfigRules, snapshot, withError } from '../../../test/fixtures/snapshot.js';
import type { ConfigRule, RegionFacts } from '../../inventory/schema/regional.js';
import { configRules } from './config-rules.js';

const run = (s: ReturnType<typeof snapshot>) => configRules.evaluate(s, options());
const regions = (us: Partial<RegionFacts>, eu: Partial<RegionFacts> = {}) =>
  loggingSnapshot({ regional: { 'us-east-1': loggingRegionFacts('us-east-1', us), 'eu-west-1': loggingRegionFacts('eu-west-1', eu) } });
const without = (...names: string[]): ConfigRule[] => seedConfigRules().filter((r) => !names.includes(r.name));
const S3_ONLY = seedConfigRules().filter((r) => r.name.startsWith('s3-'));

describe('config-rules', () => {
  it('passes every region Config records in that has the six rules', () => {
    expect(run(loggingSnapshot())).toEqual([
      { status: 'PASS', resource: 'us-east-1', message: 'Config rules of seed 003: all six here' },
      { status: 'PASS', resource: 'eu-west-1', message: 'Config rules of seed 003: all six here' },
    ]);
  });

  it('matches rules by managed identifier whatever their name (conformance packs, Security Hub)', () => {
    const renamed = seedConfigRules().map((r) => ({ ...r, name: `securityhub-${r.name}-a1b2c3` }));
    expect(run(regions({ configRules: renamed })).map((o) => o.status)).toEqual(['PASS', 'PASS']);
  });

  it('matches a custom rule by the seed name', () => {
    const custom = [...without('iam-password-policy'), configRule('iam-password-policy', null)];
    expect(run(regions({ configRules: custom }))[0]!.status).toBe('PASS');
  });

  it('wants the account-wide rules in one recording region only, saying where they are', () => {
    const out = run(regions({}, { configRules: S3_ONLY }));
    expect(out[1]).toEqual({
      status: 'PASS',
      resource: 'eu-west-1',
      message: 'Config rules of seed 003: the S3 rules here; root-access-key-check, mfa-enabled-for-iam-console-access, iam-password-policy and cloudtrail-enabled in us-east-1',
    });
  });

  it('fails the S3 rules in each region that lacks them', () => {
    const out = run(regions({}, { configRules: without('s3-bucket-public-write-prohibited') }));
    expect(out[1]).toMatchObject({ status: 'FAIL', resource: 'eu-west-1', message: 'missing Config rules in eu-west-1: s3-bucket-public-write-prohibited (needed in each region Config records)' });
    expect(out[1]!.remediation?.cli).toEqual([
      `aws configservice put-config-rule --region eu-west-1 --config-rule '{"ConfigRuleName":"s3-bucket-public-write-prohibited","Source":{"Owner":"AWS","SourceIdentifier":"S3_BUCKET_PUBLIC_WRITE_PROHIBITED"}}'`,
    ]);
  });

  it('fails an account-wide rule missing everywhere once, in the region recording global resources', () => {
    const out = run(regions({ configRules: without('iam-password-policy') }, { configRules: without('iam-password-policy') }));
    expect(out[0]).toMatchObject({ status: 'FAIL', resource: 'us-east-1', message: 'missing Config rules in us-east-1: iam-password-policy (in no region)' });
    expect(out[1]).toMatchObject({ status: 'PASS', message: 'Config rules of seed 003: the S3 rules here; iam-password-policy in no region (failed in us-east-1)' });
  });

  it('does not count rules being deleted', () => {
    const deleting = seedConfigRules().map((r) => (r.name === 's3-bucket-public-read-prohibited' ? { ...r, state: 'DELETING' } : r));
    expect(run(regions({ configRules: deleting }))[0]!.status).toBe('FAIL');
  });

  it('gives no result for a region without a recorder, and fails the account when Config records nowhere', () => {
    expect(run(regions({}, { configRecorders: [], configRules: [] })).map((o) => o.resource)).toEqual(['us-east-1']);
    expect(run(regions({ configRecorders: [], configRules: [] }, { configRecorders: [], configRules: [] }))).toEqual([
      { status: 'FAIL', resource: `arn:aws:::${ACCOUNT}`, message: 'AWS Config records in none of the 2 audited regions, so no rule can run; see config-recorder' },
    ]);
  });

  it('judges a region whose recorder is stopped (the rules exist; config-recorder fails the stop)', () => {
    expect(run(regions({}, { configRecorders: [configRecorder({ recording: false })] }))[1]!.status).toBe('PASS');
  });

  it('is UNKNOWN for a region whose rules could not be listed, naming the call and region', () => {
    const s = withError(regions({}, { configRules: undefined }), { service: 'config', operation: 'DescribeConfigRules', region: 'eu-west-1' });
    expect(run(s)[1]).toEqual({ status: 'UNKNOWN', resource: 'eu-west-1', message: 'could not evaluate: config:DescribeConfigRules failed in eu-west-1 (AccessDenied: User is not authorized)' });
  });

  it('is UNKNOWN rather than FAIL for an account-wide rule that may be in an unreadable region', () => {
    const s = withError(regions({ configRules: S3_ONLY }, { configRules: undefined }), { service: 'config', operation: 'DescribeConfigRules', region: 'eu-west-1' });
    const out = run(s);
    expect(out[0]).toMatchObject({ status: 'UNKNOWN', resource: 'us-east-1', message: expect.stringContaining('config:DescribeConfigRules failed in eu-west-1') });
    expect(out[0]!.message).toContain('found in no other region');
  });

  it('is UNKNOWN for a region whose recorders could not be listed', () => {
    const s = withError(regions({ configRecorders: undefined }), { service: 'config', operation: 'DescribeConfigurationRecorders', region: 'us-east-1' });
    expect(run(s)[0]).toMatchObject({ status: 'UNKNOWN', resource: 'us-east-1', message: expect.stringContaining('config:DescribeConfigurationRecorders failed in us-east-1') });
  });

  it('is UNKNOWN "not collected" without regions', () => {
    expect(run(snapshot())[0]!.status).toBe('UNKNOWN');
  });
});
