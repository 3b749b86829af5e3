// Seed 003's EmergencyAccessPolicy: full access, only from an MFA session and only in the allowed regions; optionally
// only with an MFA sign-in younger than a limit.
import { regions, text } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

export const breakGlass: PolicyTemplate = {
  name: 'break-glass',
  description: 'emergency full access, only with MFA and only in the allowed regions',
  params: [
    regions('allowed regions, comma-separated', 'us-east-1,us-west-2'),
    text('max-mfa-age', 'seconds since the MFA sign-in (empty: no limit)', /^(\d{1,6})?$/, 'a number of seconds', ''),
  ],
  render(v) {
    const age = v['max-mfa-age'] as string;
    return {
      policy: {
        Version: VERSION,
        Statement: [
          {
            Sid: 'BreakGlassWithMfaInAllowedRegions',
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: {
              Bool: { 'aws:MultiFactorAuthPresent': 'true' },
              StringEquals: { 'aws:RequestedRegion': v.regions as string[] },
              ...(age !== '' ? { NumericLessThan: { 'aws:MultiFactorAuthAge': age } } : {}),
            },
          },
        ],
      },
    };
  },
};
