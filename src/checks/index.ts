import { costChecks } from './cost/index.js';
import { exposureChecks } from './exposure/index.js';
import { identityChecks } from './identity/index.js';
import { loggingChecks } from './logging/index.js';
import { monitoringChecks } from './monitoring/index.js';
import { passwordPolicyChecks } from './password-policy/index.js';
import { policyChecks } from './policy/index.js';
import { rootChecks } from './root/index.js';
import type { Check } from './types.js';

/** Every check, in the order of CHECKS.md. */
export const allChecks: readonly Check[] = [
  ...rootChecks,
  ...identityChecks,
  ...passwordPolicyChecks,
  ...costChecks,
  ...loggingChecks,
  ...monitoringChecks,
  ...exposureChecks,
  ...policyChecks,
];
