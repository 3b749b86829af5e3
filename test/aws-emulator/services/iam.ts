// IAM: awsQuery, API version 2010-05-08, global (signed for us-east-1). The operation table is the whole
// service; handlers live in iam/ by topic.
import type { QueryService } from '../service.js';
import { getAccountSummary } from './iam/account-summary.js';
import { createAccountAlias, getAccountPasswordPolicy, listAccountAliases, listServerCertificates, updateAccountPasswordPolicy } from './iam/account-settings.js';
import { getAccountAuthorizationDetails } from './iam/authorization-details.js';
import { generateCredentialReport, getCredentialReport } from './iam/credential-report.js';
import { createPolicy, getPolicy, getPolicyVersion, listPolicies } from './iam/managed-policies.js';
import {
  addUserToGroup,
  attachGroupPolicy,
  attachRolePolicy,
  createGroup,
  createLoginProfile,
  createRole,
  createUser,
  getGroup,
  getLoginProfile,
  getRole,
  getUser,
  listAttachedGroupPolicies,
  listAttachedRolePolicies,
  listGroupsForUser,
} from './iam/principals.js';
import { createAccessKey, deleteAccessKey, updateAccessKey } from './iam/access-keys.js';
import { createServiceLinkedRole, getRolePolicy, putRolePolicy } from './iam/role-policies.js';
import { getAccessKeyLastUsed, listAccessKeys, listMfaDevices, listUsers, listVirtualMfaDevices } from './iam/users.js';

export const iam: QueryService = {
  name: 'iam',
  signingName: 'iam',
  protocol: 'awsQuery',
  version: '2010-05-08',
  xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
  operations: {
    GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
    GenerateCredentialReport: generateCredentialReport,
    GetCredentialReport: getCredentialReport,
    GetAccountSummary: getAccountSummary,
    GetAccountPasswordPolicy: getAccountPasswordPolicy,
    ListAccountAliases: listAccountAliases,
    ListServerCertificates: listServerCertificates,
    ListVirtualMFADevices: listVirtualMfaDevices,
    ListMFADevices: listMfaDevices,
    ListUsers: listUsers,
    ListAccessKeys: listAccessKeys,
    GetAccessKeyLastUsed: getAccessKeyLastUsed,
    // What apply writes, and the reads it verifies with (iam/principals.ts, iam/managed-policies.ts).
    UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
    CreateAccountAlias: createAccountAlias,
    CreateGroup: createGroup,
    GetGroup: getGroup,
    AttachGroupPolicy: attachGroupPolicy,
    ListAttachedGroupPolicies: listAttachedGroupPolicies,
    CreateUser: createUser,
    GetUser: getUser,
    AddUserToGroup: addUserToGroup,
    ListGroupsForUser: listGroupsForUser,
    CreateLoginProfile: createLoginProfile,
    GetLoginProfile: getLoginProfile,
    CreateRole: createRole,
    GetRole: getRole,
    AttachRolePolicy: attachRolePolicy,
    ListAttachedRolePolicies: listAttachedRolePolicies,
    CreatePolicy: createPolicy,
    GetPolicy: getPolicy,
    GetPolicyVersion: getPolicyVersion,
    ListPolicies: listPolicies,
    // CloudTrail's CloudWatch Logs role and AWS Config's service-linked role (iam/role-policies.ts).
    PutRolePolicy: putRolePolicy,
    GetRolePolicy: getRolePolicy,
    CreateServiceLinkedRole: createServiceLinkedRole,
    // What `rampart creds rotate` writes (iam/access-keys.ts).
    CreateAccessKey: createAccessKey,
    UpdateAccessKey: updateAccessKey,
    DeleteAccessKey: deleteAccessKey,
  },
};
