import type { Check } from '../types.js';
import { accessKeyAge } from './access-key-age.js';
import { accessKeyInitialSetup } from './access-key-initial-setup.js';
import { accessKeyMultipleActive } from './access-key-multiple-active.js';
import { accessKeyUnused } from './access-key-unused.js';
import { adminAccessKeys } from './admin-access-keys.js';
import { adminStarPolicy } from './admin-star-policy.js';
import { adminUserExists } from './admin-user-exists.js';
import { adminViaGroup } from './admin-via-group.js';
import { cloudshellFullAccess } from './cloudshell-full-access.js';
import { mfaEnforced } from './mfa-enforced.js';
import { serverCertificatesExpired } from './server-certificates-expired.js';
import { supportRole } from './support-role.js';
import { userConsoleMfa } from './user-console-mfa.js';
import { userInactive } from './user-inactive.js';
import { userPoliciesViaGroups } from './user-policies-via-groups.js';

/** The identity checks, in the order of CHECKS.md. */
export const identityChecks: Check[] = [
  adminUserExists,
  adminViaGroup,
  userConsoleMfa,
  mfaEnforced,
  adminAccessKeys,
  userPoliciesViaGroups,
  userInactive,
  accessKeyUnused,
  accessKeyAge,
  accessKeyMultipleActive,
  accessKeyInitialSetup,
  adminStarPolicy,
  supportRole,
  serverCertificatesExpired,
  cloudshellFullAccess,
];
