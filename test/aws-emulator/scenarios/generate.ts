// A big, deterministic account for benchmarks (call counts, pagination, collector throughput):
// largeScenario({ users: 500, roles: 100, policies: 300 }). Same options, same account, every time.
import { seededRandom } from '../prng.js';
import type { Scenario } from '../scenario.js';

export interface LargeScenarioOptions {
  users?: number;
  roles?: number;
  /** Customer managed policies. */
  policies?: number;
  groups?: number;
  seed?: number;
  /** The account's id (to merge the identities into another scenario's account). */
  accountId?: string;
}

export const LARGE_ACCOUNT_ID = '345678901234';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'];
const SERVICES = ['s3', 'ec2', 'iam', 'lambda', 'dynamodb', 'sts'];
const AWS_MANAGED = ['ReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 'SecurityAudit', 'AWSSupportAccess', 'PowerUserAccess'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function largeScenario(opts: LargeScenarioOptions = {}): Scenario {
  const { users = 500, roles = 100, policies = 300, groups = 20, seed = 42, accountId = LARGE_ACCOUNT_ID } = opts;
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const acct = accountId;
  let keySerial = 0;

  const policyList: NonNullable<Scenario['policies']> = Array.from({ length: policies }, (_, i) => ({
    name: `policy-${pad(i + 1, 4)}`,
    path: i % 10 === 0 ? '/teams/' : '/',
    created: `-${int(10, 900)}d`,
    document: {
      Version: '2012-10-17',
      Statement: Array.from({ length: int(1, 4) }, (_unused, s) => ({
        Sid: `S${s}`,
        Effect: chance(0.9) ? 'Allow' : 'Deny',
        Action: [`${pick(SERVICES)}:Get*`, `${pick(SERVICES)}:List*`],
        Resource: chance(0.7) ? '*' : `arn:aws:s3:::bucket-${int(1, 50)}/*`,
      })),
    },
  }));
  const policyArns = policyList.map((p) => `arn:aws:iam::${acct}:policy${p.path ?? '/'}${p.name}`);
  const someCustomerPolicies = (max: number) =>
    policyArns.length === 0 ? [] : [...new Set(Array.from({ length: int(0, max) }, () => pick(policyArns)))];

  const groupList: NonNullable<Scenario['groups']> = Array.from({ length: groups }, (_, i) => ({
    name: `group-${pad(i + 1, 3)}`,
    created: `-${int(100, 900)}d`,
    attachedPolicies: [...someCustomerPolicies(3), ...(i === 0 ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : [])],
  }));

  const userList: NonNullable<Scenario['users']> = Array.from({ length: users }, (_, i) => {
    const age = int(1, 900);
    const hasConsole = chance(0.6);
    return {
      name: `user-${pad(i + 1, 4)}`,
      created: `-${age}d`,
      password: hasConsole
        ? { value: `CANARY-pw-large-${i}`, created: `-${int(0, age)}d`, lastUsed: chance(0.8) ? `-${int(0, age)}d` : undefined }
        : undefined,
      mfa: hasConsole && chance(0.7) ? [{ type: 'virtual' as const }] : [],
      accessKeys: Array.from({ length: int(0, 2) }, () => {
        keySerial++;
        const created = int(0, age);
        return {
          id: `AKIALARGE${pad(keySerial, 11)}`,
          secret: `CANARYsecretKEYlarge${pad(keySerial, 20)}`,
          status: chance(0.85) ? ('Active' as const) : ('Inactive' as const),
          created: `-${created}d`,
          lastUsed: chance(0.7) ? { date: `-${int(0, created)}d`, region: pick(REGIONS), service: pick(SERVICES) } : undefined,
        };
      }),
      groups: groups === 0 ? [] : [...new Set(Array.from({ length: int(0, 3) }, () => `group-${pad(int(1, groups), 3)}`))],
      attachedPolicies: [...someCustomerPolicies(2), ...(chance(0.05) ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : [])],
      inlinePolicies: chance(0.2)
        ? [{ name: 'inline', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }]
        : [],
      tags: chance(0.3) ? { team: `team-${int(1, 9)}` } : ({} as Record<string, string>),
    };
  });

  const roleList: NonNullable<Scenario['roles']> = Array.from({ length: roles }, (_, i) => ({
    name: `role-${pad(i + 1, 4)}`,
    path: i % 5 === 0 ? '/service-role/' : '/',
    created: `-${int(1, 900)}d`,
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: `${pick(['ec2', 'lambda', 'ecs-tasks'])}.amazonaws.com` }, Action: 'sts:AssumeRole' }],
    },
    attachedPolicies: [...someCustomerPolicies(2), ...(chance(0.3) ? [`arn:aws:iam::aws:policy/${pick(AWS_MANAGED)}`] : [])],
    lastUsed: chance(0.6) ? { date: `-${int(0, 200)}d`, region: pick(REGIONS) } : undefined,
  }));

  return {
    description: `Generated: ${users} users, ${roles} roles, ${policies} customer policies, ${groups} groups (seed ${seed}).`,
    account: { id: acct, alias: 'large-co', created: '-1000d' },
    root: { mfa: 'hardware', passwordLastUsed: '-200d' },
    users: userList,
    groups: groupList,
    roles: roleList,
    policies: policyList,
    passwordPolicy: { minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true, allowUsersToChangePassword: true },
    alternateContacts: {},
    serverCertificates: [],
  };
}
