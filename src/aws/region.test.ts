import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iniSection, resolveRegion } from './region.js';

function awsFiles(config: string, credentials = ''): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-region-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
}

const CONFIG = `
[default]
region = eu-west-1

[profile dev]
# a comment
region=eu-central-1
s3 =
  max_concurrent_requests = 4

[profile noregion]
output = json
`;

describe('resolveRegion', () => {
  it('prefers the flag, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const files = awsFiles(CONFIG);
    expect(resolveRegion('ap-south-1', 'dev', { ...files, AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-east-2' })).toBe('ap-south-1');
    expect(resolveRegion(undefined, 'dev', { ...files, AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-east-2' })).toBe('us-west-2');
    expect(resolveRegion(undefined, 'dev', { ...files, AWS_DEFAULT_REGION: 'us-east-2' })).toBe('us-east-2');
  });

  it("then the profile's region (the flag's profile, else AWS_PROFILE, else default)", () => {
    const files = awsFiles(CONFIG);
    expect(resolveRegion(undefined, 'dev', files)).toBe('eu-central-1');
    expect(resolveRegion(undefined, undefined, { ...files, AWS_PROFILE: 'dev' })).toBe('eu-central-1');
    expect(resolveRegion(undefined, undefined, files)).toBe('eu-west-1');
  });

  it('then the credentials file, then us-east-1', () => {
    const files = awsFiles(CONFIG, '[noregion]\nregion = sa-east-1\n');
    expect(resolveRegion(undefined, 'noregion', files)).toBe('sa-east-1');
    expect(resolveRegion(undefined, 'nosuchprofile', files)).toBe('us-east-1');
    expect(resolveRegion(undefined, undefined, { AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c' })).toBe(
      'us-east-1',
    );
  });
});

describe('iniSection', () => {
  it('skips sub-properties and comments', () => {
    expect(iniSection(CONFIG, 'profile dev')).toEqual({ region: 'eu-central-1', s3: '' });
    expect(iniSection(CONFIG, 'profile none')).toBeUndefined();
  });
});
