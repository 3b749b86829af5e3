import { describe, expect, it } from 'vitest';
import { ACCOUNT, configRecorder as recorder, loggingRegionFacts, loggingSnapshot, options, snapshot, withError } from '../../../test/fixtures/snapshot.js';
import type { ConfigRecorder } from '../../inventory/schema/regional.js';
import { configRecorder } from './config-recorder.js';

const run = (s: ReturnType<typeof snapshot>) => configRecorder.evaluate(s, options());
const withRecorders = (us: ConfigRecorder[] | undefined, eu: ConfigRecorder[] | undefined = [recorder({ includeGlobalResourceTypes: false })]) =>
  loggingSnapshot({ regional: { 'us-east-1': loggingRegionFacts('us-east-1', { configRecorders: us }), 'eu-west-1': loggingRegionFacts('eu-west-1', { configRecorders: eu }) } });

describe('config-recorder', () => {
  it('passes each region recording everything, resource the region, saying where global types are recorded', () => {
    expect(run(loggingSnapshot())).toEqual([
      { status: 'PASS', resource: 'us-east-1', message: 'recorder default records all supported resource types and is recording; global resource types (IAM) included' },
      { status: 'PASS', resource: 'eu-west-1', message: 'recorder default records all supported resource types and is recording; global resource types (IAM) are recorded in us-east-1' },
    ]);
  });

  it('accepts the newer recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES with allSupported false', () => {
    expect(run(withRecorders([recorder({ allSupported: false, recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES' })]))[0]!.status).toBe('PASS');
  });

  it('does not fail a region for global resource types, but says no region records them', () => {
    const out = run(withRecorders([recorder({ includeGlobalResourceTypes: false })]));
    expect(out.map((o) => o.status)).toEqual(['PASS', 'PASS']);
    expect(out[0]!.message).toContain('no audited region records global resource types (IAM): CIS 4.3 wants them in one');
  });

  it('fails a region without a recorder, with the commands for that region', () => {
    const [o] = run(withRecorders([]));
    expect(o).toMatchObject({ status: 'FAIL', resource: 'us-east-1', message: 'AWS Config has no configuration recorder in us-east-1' });
    expect(o!.remediation?.cli).toContain('aws configservice start-configuration-recorder --configuration-recorder-name default --region us-east-1');
    expect(o!.remediation?.cli.join('\n')).toContain(`arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`);
  });

  it('fails a recorder limited to some types, or stopped, saying which', () => {
    const [o] = run(withRecorders([recorder({ allSupported: false, recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES', recording: false })]));
    expect(o).toMatchObject({ status: 'FAIL', message: 'recorder default in us-east-1 records only some resource types (INCLUSION_BY_RESOURCE_TYPES) and is not recording' });
    expect(run(withRecorders([recorder({ recording: false })]))[0]!.message).toBe('recorder default in us-east-1 is not recording');
  });

  it('notes a failing last recording status without failing', () => {
    const [o] = run(withRecorders([recorder({ lastStatus: 'FAILURE' })]));
    expect(o).toMatchObject({ status: 'PASS', message: expect.stringContaining('its last recording status is FAILURE') });
  });

  it('is UNKNOWN naming the status call when whether it records is unknown', () => {
    const s = withError(withRecorders([recorder({ recording: null })]), { service: 'config', operation: 'DescribeConfigurationRecorderStatus', region: 'us-east-1' });
    const [o] = run(s);
    expect(o).toMatchObject({ status: 'UNKNOWN', resource: 'us-east-1' });
    expect(o!.message).toContain('config:DescribeConfigurationRecorderStatus failed in us-east-1 (AccessDenied');
  });

  it('is UNKNOWN for the one region whose recorders could not be listed', () => {
    const s = withError(withRecorders(undefined), { service: 'config', operation: 'DescribeConfigurationRecorders', region: 'us-east-1' });
    const out = run(s);
    expect(out[0]).toEqual({ status: 'UNKNOWN', resource: 'us-east-1', message: 'could not evaluate: config:DescribeConfigurationRecorders failed in us-east-1 (AccessDenied: User is not authorized)' });
    expect(out[1]!.status).toBe('PASS');
  });

  it('is UNKNOWN for a region with no facts at all (it timed out)', () => {
    const s = loggingSnapshot({ regional: { 'us-east-1': loggingRegionFacts('us-east-1') } });
    expect(run(s)[1]).toEqual({ status: 'UNKNOWN', resource: 'eu-west-1', message: 'could not evaluate: config:DescribeConfigurationRecorders not collected in eu-west-1' });
  });

  it('is UNKNOWN "not collected" without regions', () => {
    expect(run(snapshot())).toHaveLength(1);
    expect(run(snapshot())[0]!.status).toBe('UNKNOWN');
  });
});
