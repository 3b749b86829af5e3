import type { Check } from '../types.js';
import { passwordAllowChange } from './password-allow-change.js';
import { passwordComplexity } from './password-complexity.js';
import { passwordMaxAge } from './password-max-age.js';
import { passwordMinLength } from './password-min-length.js';
import { passwordPolicyExists } from './password-policy-exists.js';
import { passwordReuse } from './password-reuse.js';

/** In the order of CHECKS.md. */
export const passwordPolicyChecks: Check[] = [
  passwordPolicyExists,
  passwordMinLength,
  passwordComplexity,
  passwordReuse,
  passwordMaxAge,
  passwordAllowChange,
];
