import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { DescribePolicyCommand, ListAccountsCommand, ListPoliciesCommand, ListTargetsForPolicyCommand, OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { CLEAN_ACCOUNT, CLEAN_CI_KEY, NOW, readScenario } from './test-helpers.js';

let emu: Emulator;
const management = { accessKeyId: CLEAN_CI_KEY, secretAccessKey: 'x' };
const config = (credentials: unknown) => ({ endpoint: emu.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }) as never;
const members = Array.from({ length: 45 }, (_, i) => ({ id: String(300000000000 + i), name: `member-${i}` }));

beforeAll(async () => {
  emu = await startEmulator({
    scenario: { ...readScenario('clean-account'), organization: { id: 'o-exampleorg1', managementAccountId: CLEAN_ACCOUNT, managementAccountEmail: 'root@clean.example', featureSet: 'ALL' } },
    now: NOW,
    organization: {
      members: [...members, { id: '399999999999', name: 'locked', roles: [] }, { id: '388888888888', name: 'leaky', scenario: 'test/aws-emulator/scenarios/leaky-account.json' }],
      policies: [{ name: 'deny-leave', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }, targets: ['root'] }],
    },
  });
});
afterAll(() => emu.close());

describe('an emulated organization', () => {
  it('lists the management account and every member, 20 a page', async () => {
    const client = new OrganizationsClient(config(management));
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client }, {})) ids.push(...(page.Accounts ?? []).map((a) => a.Id!));
    expect(ids).toHaveLength(48);
    expect(ids[0]).toBe(CLEAN_ACCOUNT);
    expect(emu.calls()['organizations:ListAccounts']).toBe(3);
  });

  it("answers a member's calls from the member's own account once a role is assumed", async () => {
    const credentials = fromTemporaryCredentials({
      masterCredentials: management,
      params: { RoleArn: 'arn:aws:iam::388888888888:role/OrganizationAccountAccessRole', RoleSessionName: 'rampart-audit' },
      clientConfig: { endpoint: emu.endpoint, region: 'us-east-1' },
    });
    const who = await new STSClient(config(credentials)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::388888888888:assumed-role/OrganizationAccountAccessRole/rampart-audit');
    const users = await new IAMClient(config(credentials)).send(new ListUsersCommand({}));
    expect(users.Users?.map((u) => u.Arn)).toContain('arn:aws:iam::388888888888:user/dev-admin');
    // a member cannot read the organization's structure
    await expect(new OrganizationsClient(config(credentials)).send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('refuses a role the member does not offer, and accounts outside the organization', async () => {
    const sts = new STSClient(config(management));
    for (const RoleArn of ['arn:aws:iam::399999999999:role/OrganizationAccountAccessRole', 'arn:aws:iam::777777777777:role/OrganizationAccountAccessRole']) {
      await expect(sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'x1' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    }
  });

  it('serves SCPs with their content and targets', async () => {
    const client = new OrganizationsClient(config(management));
    const { Policies } = await client.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(Policies?.map((p) => p.Name)).toEqual(['deny-leave']);
    const { Policy } = await client.send(new DescribePolicyCommand({ PolicyId: Policies![0]!.Id! }));
    expect(JSON.parse(Policy!.Content!).Statement[0].Action).toBe('organizations:LeaveOrganization');
    const { Targets } = await client.send(new ListTargetsForPolicyCommand({ PolicyId: Policies![0]!.Id! }));
    expect(Targets).toEqual([expect.objectContaining({ Type: 'ROOT' })]);
  });
});
