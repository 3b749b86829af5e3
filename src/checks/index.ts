import { identityChecks } from './identity/index.js';
import { passwordPolicyChecks } from './password-policy/index.js';
import { rootChecks } from './root/index.js';
import type { Check } from './types.js';

/** Every check, in the order of CHECKS.md. */
export const allChecks: readonly Check[] = [...rootChecks, ...identityChecks, ...passwordPolicyChecks];
