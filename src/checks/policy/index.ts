import type { Check } from '../types.js';
import { policyPrivilegeEscalation } from './policy-privilege-escalation.js';
import { policyResourceMissing } from './policy-resource-missing.js';
import { policyUnknownAction } from './policy-unknown-action.js';
import { policyValid } from './policy-valid.js';

/** In the order of CHECKS.md. */
export const policyChecks: Check[] = [policyValid, policyUnknownAction, policyResourceMissing, policyPrivilegeEscalation];
