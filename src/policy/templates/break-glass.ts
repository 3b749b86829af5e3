// Seed 003's EmergencyAccessPolicy: full access, only from an MFA session and only in the allowed regions; optionally
// only with an MFA sign-in younger than a limit. The access itself is the AWS managed AdministratorAccess attached to the
// break-glass role; this policy is the guard rails, as Deny statements, so no Allow of `*` on `*` hides in it.
import { regions, text } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

export const breakGlass: PolicyTemplate = {
  name: 'break-glass',
  description: 'guard rails for emergency access (attach with AdministratorAccess): only with MFA and only in the allowed regions',
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
          { Sid: 'DenyWithoutMfa', Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
          { Sid: 'DenyOutsideAllowedRegions', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': v.regions as string[] } } },
          ...(age !== ''
            ? [{ Sid: 'DenyStaleMfa', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NumericGreaterThanIfExists: { 'aws:MultiFactorAuthAge': age } } }]
            : []),
        ],
      },
    };
  },
};
