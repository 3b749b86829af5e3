// What only the management (or a delegated administrator) account can read: the member accounts, the SCPs and where
// they are attached, the delegated administrators.
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListPolicies,
  paginateListTargetsForPolicy,
} from '@aws-sdk/client-organizations';
import { awsErrorCode, describeAwsError } from '../aws/errors.js';
import type { Session } from '../aws/session.js';
import { RunError } from '../util/errors.js';
import type { OrgAccount, OrgFacts, OrgScp } from './types.js';

export async function listOrganizationAccounts(
  session: Session,
): Promise<{ organizationId: string; managementAccountId: string; partition: string; accounts: OrgAccount[] }> {
  const client = session.client(OrganizationsClient);
  try {
    const { Organization } = await client.send(new DescribeOrganizationCommand({}));
    const accounts: OrgAccount[] = [];
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const a of page.Accounts ?? []) accounts.push({ id: a.Id ?? '', name: a.Name ?? '', status: a.Status ?? 'ACTIVE' });
    }
    const partition = Organization?.Arn?.split(':')[1] ?? 'aws';
    return { organizationId: Organization?.Id ?? '', managementAccountId: Organization?.MasterAccountId ?? '', partition, accounts };
  } catch (err) {
    const code = awsErrorCode(err);
    if (code === 'AWSOrganizationsNotInUseException') throw new RunError('--org: this account is not in an organization');
    if (code === 'AccessDeniedException' || code === 'AccessDenied') {
      throw new RunError('--org: listing the accounts was denied: run it from the management account or a delegated administrator (organizations:ListAccounts)');
    }
    throw new RunError(`--org: cannot list the organization's accounts: ${describeAwsError(err).message}`);
  }
}

export async function collectOrgFacts(session: Session, organizationId: string, managementAccountId: string): Promise<OrgFacts> {
  const client = session.client(OrganizationsClient);
  const errors: string[] = [];
  const failed = (op: string) => (err: unknown): null => {
    errors.push(`organizations:${op}: ${describeAwsError(err).message}`);
    return null;
  };
  const scps = await readScps(client).catch(failed('ListPolicies'));
  const delegatedAdministrators = await readDelegatedAdmins(client).catch(failed('ListDelegatedAdministrators'));
  return { organizationId, managementAccountId, scps, delegatedAdministrators, errors };
}

async function readScps(client: OrganizationsClient): Promise<OrgScp[]> {
  const summaries = [];
  for await (const page of paginateListPolicies({ client }, { Filter: 'SERVICE_CONTROL_POLICY' })) summaries.push(...(page.Policies ?? []));
  return Promise.all(
    summaries.map(async (p): Promise<OrgScp> => {
      const { Policy } = await client.send(new DescribePolicyCommand({ PolicyId: p.Id }));
      const targets: OrgScp['targets'][number][] = [];
      for await (const page of paginateListTargetsForPolicy({ client }, { PolicyId: p.Id })) {
        for (const t of page.Targets ?? []) targets.push({ id: t.TargetId ?? '', type: (t.Type ?? 'ACCOUNT') as OrgScp['targets'][number]['type'] });
      }
      return { id: p.Id ?? '', name: p.Name ?? '', awsManaged: p.AwsManaged ?? false, document: parseJson(Policy?.Content), targets };
    }),
  );
}

async function readDelegatedAdmins(client: OrganizationsClient): Promise<NonNullable<OrgFacts['delegatedAdministrators']>> {
  const { DelegatedAdministrators = [] } = await client.send(new ListDelegatedAdministratorsCommand({}));
  return Promise.all(
    DelegatedAdministrators.map(async (a) => {
      const { DelegatedServices = [] } = await client.send(new ListDelegatedServicesForAccountCommand({ AccountId: a.Id }));
      return { accountId: a.Id ?? '', name: a.Name ?? '', services: DelegatedServices.map((s) => s.ServicePrincipal ?? '') };
    }),
  );
}


/** An SCP whose content is not JSON (AWS would not store one) is read as no statements. */
function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}
