// IAM: awsQuery, API version 2010-05-08, global (signed for us-east-1). The operation table is the whole
// service; handlers live in iam/ by topic.
import type { QueryService } from '../service.js';
import { getAccountSummary } from './iam/account-summary.js';
import { getAccountPasswordPolicy, listAccountAliases, listServerCertificates } from './iam/account-settings.js';
import { getAccountAuthorizationDetails } from './iam/authorization-details.js';
import { generateCredentialReport, getCredentialReport } from './iam/credential-report.js';
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
  },
};
