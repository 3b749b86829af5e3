// Shared by the creds tests: an account whose users sign with the keys planted in a temporary HOME's ~/.aws,
// every secret a canary that no output may contain.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../aws-emulator/index.js';

export const ACCOUNT = '123456789012';
export const DEV_KEY = 'AKIADEVKEY0000000001';
export const DEV_SECRET = 'CANARYdevSECRETkeyNEVERprinted0000000001';
export const OPS_KEY1 = 'AKIAOPSKEY0000000001';
export const OPS_SECRET1 = 'CANARYopsSECRETkeyNEVERprinted0000000001';
export const OPS_KEY2 = 'AKIAOPSKEY0000000002';
export const OPS_SECRET2 = 'CANARYopsSECRETkeyNEVERprinted0000000002';
export const ROOT_KEY = 'AKIAROOTKEY000000001';
export const ROOT_SECRET = 'CANARYrootSECRETkeyNEVERprinted000000001';
export const DEV_MFA = `arn:aws:iam::${ACCOUNT}:mfa/dev`;
export const PROD_ROLE = `arn:aws:iam::${ACCOUNT}:role/ProdAdmin`;
export const CODE = '123456';

export const CANARIES = [DEV_SECRET, OPS_SECRET1, OPS_SECRET2, ROOT_SECRET];

export function credsScenario(extra: Partial<Scenario> = {}): Scenario {
  return {
    account: { id: ACCOUNT },
    root: { mfa: 'virtual', accessKeys: [{ id: ROOT_KEY, secret: ROOT_SECRET, active: true, created: '-400d' }] },
    users: [
      { name: 'dev', created: '-500d', mfa: [{ type: 'virtual' }], accessKeys: [{ id: DEV_KEY, secret: DEV_SECRET, status: 'Active', created: '-200d', lastUsed: { date: '-1d', region: 'us-east-1', service: 'sts' } }] },
      {
        name: 'ops',
        created: '-500d',
        accessKeys: [
          { id: OPS_KEY1, secret: OPS_SECRET1, status: 'Active', created: '-30d' },
          { id: OPS_KEY2, secret: OPS_SECRET2, status: 'Inactive', created: '-10d' },
        ],
      },
    ],
    roles: [
      {
        name: 'ProdAdmin',
        created: '-300d',
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
        },
      },
    ],
    ...extra,
  };
}

export interface Home {
  readonly dir: string;
  readonly aws: string;
  readonly config: string;
  readonly credentials: string;
  /** The environment rampart gets: this HOME, the emulator, nothing of the machine's. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  read(file?: 'credentials' | 'config'): string;
}

/** A temporary HOME with ~/.aws (0700) holding `credentials` and `config` (0600). */
export function makeHome(files: { credentials?: string; config?: string }, endpoint?: string): Home {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-creds-'));
  const aws = join(dir, '.aws');
  mkdirSync(aws, { mode: 0o700 });
  chmodSync(aws, 0o700);
  const config = join(aws, 'config');
  const credentials = join(aws, 'credentials');
  writeFileSync(config, files.config ?? '', { mode: 0o600 });
  writeFileSync(credentials, files.credentials ?? '', { mode: 0o600 });
  return {
    dir,
    aws,
    config,
    credentials,
    env: (extra = {}) => ({
      HOME: dir,
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {}),
      ...extra,
    }),
    read: (file = 'credentials') => readFileSync(file === 'credentials' ? credentials : config, 'utf8'),
  };
}

export const devCredentials = `# my keys
[default]
region = us-east-1

[dev]
aws_access_key_id = ${DEV_KEY}
aws_secret_access_key = ${DEV_SECRET}
`;
