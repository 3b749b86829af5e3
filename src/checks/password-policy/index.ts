import type { Check } from '../types.js';

export const passwordPolicyChecks: Check[] = [];
