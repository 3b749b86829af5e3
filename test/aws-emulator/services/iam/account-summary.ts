// GetAccountSummary: counts and quotas, plus the only API view of root's MFA and root's access keys.
import { XmlMap } from '../../protocols/xml.js';
import type { QueryParams, RequestContext } from '../../service.js';
import { attachmentCount } from '../../world.js';

/** Default quotas of a new account, as GetAccountSummary reports them. */
const QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  PoliciesQuota: 1500,
  PolicyVersionsInUseQuota: 10000,
  ServerCertificatesQuota: 20,
  InstanceProfilesQuota: 1000,
  GroupsPerUserQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  AccessKeysPerUserQuota: 2,
  SigningCertificatesPerUserQuota: 2,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  AssumeRolePolicySizeQuota: 2048,
  PolicySizeQuota: 6144,
  VersionsPerPolicyQuota: 5,
};

export function getAccountSummary(_params: QueryParams, ctx: RequestContext) {
  const { world } = ctx;
  const userDevices = world.users.reduce((n, u) => n + u.mfaDevices.length, 0);
  const rootDevices = world.root.mfa === 'none' ? 0 : 1;
  const summary: Record<string, number> = {
    Users: world.users.length,
    Groups: world.groups.length,
    Roles: world.roles.length,
    Policies: world.policies.filter((p) => !p.awsManaged).length,
    PolicyVersionsInUse: world.policies.reduce((n, p) => n + attachmentCount(world, p.arn), 0),
    ServerCertificates: world.serverCertificates.length,
    InstanceProfiles: 0,
    Providers: 0,
    MFADevices: userDevices + rootDevices,
    MFADevicesInUse: userDevices + rootDevices,
    AccountMFAEnabled: rootDevices,
    AccountAccessKeysPresent: world.root.accessKeys.length > 0 ? 1 : 0,
    AccountPasswordPresent: 1,
    AccountSigningCertificatesPresent: 0,
    GlobalEndpointTokenVersion: 1,
    ...QUOTAS,
  };
  if (world.quirks.lieAboutRoot) {
    // Some AWS-compatible endpoints omit root's entries; the tool must then say UNKNOWN, not PASS.
    delete summary['AccountMFAEnabled'];
    delete summary['AccountAccessKeysPresent'];
  }
  return { SummaryMap: new XmlMap(summary) };
}
