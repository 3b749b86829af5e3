// AWS Organizations: awsJson1_1, `AWSOrganizationsV20161128.Op`. Whether the account is in an organization and, from
// the management account of an emulated organization (organization.ts), its accounts, SCPs and delegated admins.
import { ApiError } from '../errors.js';
import { ROOT_ID } from '../organization.js';
import type { JsonService, RequestContext } from '../service.js';

/** Only the management account reads the organization's structure; members get AccessDenied, as in AWS. */
function managementOnly(ctx: RequestContext) {
  const org = ctx.world.logging.organization;
  if (!org) throw new ApiError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  if (org.managementAccountId !== ctx.world.account.id) {
    throw new ApiError('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  }
  return org;
}

function page<T>(items: readonly T[], input: Readonly<Record<string, unknown>>, max = 20): { page: T[]; NextToken?: string } {
  const start = typeof input.NextToken === 'string' ? Number(input.NextToken) : 0;
  const size = Math.min(typeof input.MaxResults === 'number' ? input.MaxResults : max, max);
  const next = start + size;
  return { page: items.slice(start, next), ...(next < items.length ? { NextToken: String(next) } : {}) };
}

export const organizations: JsonService = {
  name: 'organizations',
  signingName: 'organizations',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSOrganizationsV20161128',
  operations: {
    DescribeOrganization(_input, ctx) {
      const org = ctx.world.logging.organization;
      if (!org) throw new ApiError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
      const { partition } = ctx.world.account;
      const management = org.managementAccountId;
      return {
        Organization: {
          Id: org.id,
          Arn: `arn:${partition}:organizations::${management}:organization/${org.id}`,
          FeatureSet: org.featureSet,
          MasterAccountArn: `arn:${partition}:organizations::${management}:account/${org.id}/${management}`,
          MasterAccountId: management,
          MasterAccountEmail: org.managementAccountEmail,
          AvailablePolicyTypes: org.featureSet === 'ALL' ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
        },
      };
    },
    ListAccounts(input, ctx) {
      const org = managementOnly(ctx);
      const { partition } = ctx.world.account;
      const management = { Id: org.managementAccountId, Name: ctx.world.account.alias ?? 'management', Email: org.managementAccountEmail, Status: 'ACTIVE' };
      const members = (ctx.org?.members ?? []).map((m) => ({ Id: m.id, Name: m.name, Email: m.email ?? `aws+${m.id}@example.com`, Status: m.status ?? 'ACTIVE' }));
      const { page: accounts, NextToken } = page([management, ...members], input);
      return {
        Accounts: accounts.map((a) => ({ ...a, Arn: `arn:${partition}:organizations::${org.managementAccountId}:account/${org.id}/${a.Id}`, JoinedMethod: a.Id === org.managementAccountId ? 'CREATED' : 'INVITED', JoinedTimestamp: ctx.now })),
        ...(NextToken ? { NextToken } : {}),
      };
    },
    ListRoots(_input, ctx) {
      const org = managementOnly(ctx);
      return {
        Roots: [{ Id: ROOT_ID, Name: 'Root', Arn: `arn:${ctx.world.account.partition}:organizations::${org.managementAccountId}:root/${org.id}/${ROOT_ID}`, PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] }],
      };
    },
    ListPolicies(input, ctx) {
      managementOnly(ctx);
      if (input.Filter !== 'SERVICE_CONTROL_POLICY') return { Policies: [] };
      const { page: policies, NextToken } = page(ctx.org?.policies ?? [], input);
      return { Policies: policies.map((p) => ({ Id: p.id, Name: p.name, Type: 'SERVICE_CONTROL_POLICY', AwsManaged: p.awsManaged ?? false })), ...(NextToken ? { NextToken } : {}) };
    },
    DescribePolicy(input, ctx) {
      managementOnly(ctx);
      const policy = ctx.org?.policies.find((p) => p.id === input.PolicyId);
      if (!policy) throw new ApiError('PolicyNotFoundException', 'We can\'t find a policy with the PolicyId that you specified.', 400);
      return { Policy: { PolicySummary: { Id: policy.id, Name: policy.name, Type: 'SERVICE_CONTROL_POLICY', AwsManaged: policy.awsManaged ?? false }, Content: JSON.stringify(policy.content) } };
    },
    ListTargetsForPolicy(input, ctx) {
      managementOnly(ctx);
      const policy = ctx.org?.policies.find((p) => p.id === input.PolicyId);
      if (!policy) throw new ApiError('PolicyNotFoundException', 'We can\'t find a policy with the PolicyId that you specified.', 400);
      const { page: targets, NextToken } = page(policy.targets, input);
      return {
        Targets: targets.map((t) => ({ TargetId: t === 'root' ? ROOT_ID : t, Name: t, Type: t === 'root' ? 'ROOT' : /^\d{12}$/.test(t) ? 'ACCOUNT' : 'ORGANIZATIONAL_UNIT' })),
        ...(NextToken ? { NextToken } : {}),
      };
    },
    ListDelegatedAdministrators(input, ctx) {
      managementOnly(ctx);
      const admins = ctx.org?.delegatedAdministrators ?? [];
      const wanted = typeof input.ServicePrincipal === 'string' ? admins.filter((a) => a.servicePrincipal === input.ServicePrincipal) : admins;
      const ids = [...new Set(wanted.map((a) => a.accountId))];
      return { DelegatedAdministrators: ids.map((id) => ({ Id: id, Name: ctx.org?.members.find((m) => m.id === id)?.name ?? id, Status: 'ACTIVE' })) };
    },
    ListDelegatedServicesForAccount(input, ctx) {
      managementOnly(ctx);
      const services = (ctx.org?.delegatedAdministrators ?? []).filter((a) => a.accountId === input.AccountId);
      return { DelegatedServices: services.map((a) => ({ ServicePrincipal: a.servicePrincipal })) };
    },
  },
};
