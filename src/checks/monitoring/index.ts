import type { Check } from '../types.js';
import { alarmUnauthorizedApiCalls } from './alarm-unauthorized-api-calls.js';
import { alarmConsoleLoginWithoutMfa } from './alarm-console-login-without-mfa.js';
import { alarmRootUsage } from './alarm-root-usage.js';
import { alarmIamPolicyChanges } from './alarm-iam-policy-changes.js';
import { alarmCloudtrailChanges } from './alarm-cloudtrail-changes.js';
import { alarmConsoleAuthFailures } from './alarm-console-auth-failures.js';
import { alarmKmsCmkDeletion } from './alarm-kms-cmk-deletion.js';
import { alarmS3BucketPolicyChanges } from './alarm-s3-bucket-policy-changes.js';
import { alarmConfigChanges } from './alarm-config-changes.js';
import { alarmSecurityGroupChanges } from './alarm-security-group-changes.js';
import { alarmNaclChanges } from './alarm-nacl-changes.js';
import { alarmNetworkGatewayChanges } from './alarm-network-gateway-changes.js';
import { alarmRouteTableChanges } from './alarm-route-table-changes.js';
import { alarmVpcChanges } from './alarm-vpc-changes.js';
import { alarmOrganizationsChanges } from './alarm-organizations-changes.js';

/** In the order of CHECKS.md (CIS 5.1 to 5.15). */
export const monitoringChecks: Check[] = [
  alarmUnauthorizedApiCalls,
  alarmConsoleLoginWithoutMfa,
  alarmRootUsage,
  alarmIamPolicyChanges,
  alarmCloudtrailChanges,
  alarmConsoleAuthFailures,
  alarmKmsCmkDeletion,
  alarmS3BucketPolicyChanges,
  alarmConfigChanges,
  alarmSecurityGroupChanges,
  alarmNaclChanges,
  alarmNetworkGatewayChanges,
  alarmRouteTableChanges,
  alarmVpcChanges,
  alarmOrganizationsChanges,
];
