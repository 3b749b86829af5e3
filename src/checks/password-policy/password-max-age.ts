// password-max-age: seed 003 sets 90-day expiry (CIS no longer asks for it, hence low severity).
import { fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { judgePolicy, policyRemediation } from './policy.js';

export const passwordMaxAge: Check = {
  id: 'password-max-age',
  title: 'Password policy makes passwords expire',
  area: 'password-policy',
  severity: 'low',
  sources: ['seed 003'],
  remediation: policyRemediation(
    'Make passwords expire within 90 days. Expiry applies at once: users whose password is already older must change it at their next sign-in.',
  ),
  evaluate(snapshot, options) {
    const allowed = options.passwordMaxAgeDays;
    return judgePolicy(snapshot, (policy, resource) => {
      const age = policy.maxPasswordAge;
      // The API's 0 also means "never expires".
      if (age === null || age <= 0) return fail(resource, `passwords never expire; they must expire within ${allowed} days`);
      return age <= allowed
        ? pass(resource, `passwords expire after ${age} days (at most ${allowed} allowed)`)
        : fail(resource, `passwords expire after ${age} days; at most ${allowed} allowed`);
    });
  },
};
