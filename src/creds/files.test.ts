import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsPaths } from './files.js';

describe('awsPaths', () => {
  it('follows HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH, as the SDK does', () => {
    expect(awsPaths({ HOME: '/h', USERPROFILE: '/u' })).toEqual({ home: '/h', config: join('/h', '.aws', 'config'), credentials: join('/h', '.aws', 'credentials'), stateDir: join('/h', '.aws', 'rampart') });
    expect(awsPaths({ USERPROFILE: '/u' }).credentials).toBe(join('/u', '.aws', 'credentials'));
    expect(awsPaths({ HOMEDRIVE: 'C:', HOMEPATH: '/Users/me' }).config).toBe(join('C:/Users/me', '.aws', 'config'));
  });

  it('takes AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (with ~/), and keeps its own files beside the credentials', () => {
    const paths = awsPaths({ HOME: '/h', AWS_CONFIG_FILE: '~/conf/aws', AWS_SHARED_CREDENTIALS_FILE: '/secrets/aws-creds' });
    expect(paths).toMatchObject({ config: join('/h', 'conf/aws'), credentials: '/secrets/aws-creds', stateDir: join('/secrets', 'rampart') });
  });
});
