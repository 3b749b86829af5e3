// Sessions of different accounts sharing their SDK clients (audit --org): every call is signed with, and counted for,
// the session that sends it, however the calls of the sessions interleave on one client.
import { CostAndUsageReportServiceClient, DescribeReportDefinitionsCommand } from '@aws-sdk/client-cost-and-usage-report-service';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { afterEach, describe, expect, it } from 'vitest';
import { useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import { CLEAN_ACCOUNT, CLEAN_CI_KEY, readScenario } from '../../test/aws-emulator/test-helpers.js';
import { createSession, createSharedClients, type ClientConstructor, type Session } from './session.js';
import type { SharedClients } from './shared-clients.js';

const MEMBER = '388888888888';
const aws = useEmulatedEnvironment();
const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

/** The management account (the clean scenario, the caller's keys) and a member (the leaky scenario, an assumed role). */
async function twoAccounts(shared: SharedClients): Promise<{ management: Session; member: Session }> {
  await aws.emulate(
    { ...readScenario('clean-account'), organization: { id: 'o-shared00001', managementAccountId: CLEAN_ACCOUNT, managementAccountEmail: 'root@clean.example', featureSet: 'ALL' } },
    CLEAN_CI_KEY,
    // Today's clock: the sessions it hands out are not expired for the SDK.
    { now: new Date(), organization: { members: [{ id: MEMBER, name: 'side-project', scenario: readScenario('leaky-account') }] } },
  );
  const management = createSession({ region: 'us-east-1', shared });
  const credentials = fromTemporaryCredentials({
    masterCredentials: management.credentials,
    params: { RoleArn: `arn:aws:iam::${MEMBER}:role/OrganizationAccountAccessRole`, RoleSessionName: 'shared-test' },
    clientConfig: { region: 'us-east-1' },
  });
  const member = createSession({ region: 'us-east-1', credentials, shared });
  open.push(management, member, shared);
  return { management, member };
}

describe('shared clients', () => {
  it("sign each call with its session's credentials and count it in its session, however the calls interleave", async () => {
    const { management, member } = await twoAccounts(createSharedClients());
    // One SDK client under both sessions' views.
    expect(Object.getPrototypeOf(management.client(STSClient))).toBe(Object.getPrototypeOf(member.client(STSClient)));
    const who = (s: Session) => s.client(STSClient).send(new GetCallerIdentityCommand({})).then((r) => r.Account);
    const alias = (s: Session) => s.client(IAMClient).send(new ListAccountAliasesCommand({})).then((r) => r.AccountAliases?.[0] ?? null);
    const rounds = Array.from({ length: 10 }, () => Promise.all([who(management), who(member), alias(member), alias(management)]));
    for (const answers of await Promise.all(rounds)) expect(answers).toEqual([CLEAN_ACCOUNT, MEMBER, null, 'clean-co']);
    expect(management.calls()).toEqual({ 'iam:ListAccountAliases': 10, 'sts:GetCallerIdentity': 10 });
    expect(member.calls()).toEqual({ 'iam:ListAccountAliases': 10, 'sts:GetCallerIdentity': 10 });
  });

  it('are not used for a legacy client, which would keep the first credentials it saw: each session has its own', async () => {
    const { management, member } = await twoAccounts(createSharedClients());
    const Cur = CostAndUsageReportServiceClient as unknown as ClientConstructor<CostAndUsageReportServiceClient>;
    const reports = (s: Session) => s.client(Cur).send(new DescribeReportDefinitionsCommand({})).then((r) => (r.ReportDefinitions ?? []).map((d) => d.ReportName));
    expect(await reports(management)).toEqual(['clean-co-cur']);
    expect(await reports(member)).toEqual([]);
    expect(management.client(Cur)).not.toBe(member.client(Cur));
  });

  it('outlive the sessions that close: only closing the shared clients ends them', async () => {
    const shared = createSharedClients();
    const { management, member } = await twoAccounts(shared);
    await member.client(STSClient).send(new GetCallerIdentityCommand({}));
    member.close();
    expect((await management.client(STSClient).send(new GetCallerIdentityCommand({}))).Account).toBe(CLEAN_ACCOUNT);
  });
});
