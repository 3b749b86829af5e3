// root-mfa: the one setting every seed puts first. A leaked root password without MFA hands over the whole account.
import { fail, pass, rootArn } from '../support.js';
import type { Check } from '../types.js';
import { cannotEvaluate, rootMfa as readRootMfa } from './evidence.js';

export const rootMfa: Check = {
  id: 'root-mfa',
  title: 'Root user has MFA',
  area: 'root',
  severity: 'critical',
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'CIS 2.4'],
  remediation: {
    summary:
      'Sign in as the root user and assign an MFA device. There is no CLI or API for this: root MFA can only be managed ' +
      'in the console, signed in as root. The CLI command below verifies it (1 means enabled).',
    console: [
      'Sign in to the AWS console as the root user (the account email address and password)',
      'Click the account name (top right), then Security credentials',
      'Under Multi-factor authentication (MFA), click Assign MFA device',
      'Name the device, pick Authenticator app (or a security key / hardware TOTP token), then Next',
      'Scan the QR code with the authenticator app, enter two consecutive codes, then click Add MFA',
      'Sign out and back in as root to confirm the MFA prompt appears',
    ],
    cli: ['aws iam get-account-summary --query SummaryMap.AccountMFAEnabled'],
  },
  evaluate(snapshot) {
    const resource = rootArn(snapshot);
    const mfa = readRootMfa(snapshot);
    if (!mfa.known) return [cannotEvaluate(resource, mfa.reasons)];
    return mfa.enabled
      ? [pass(resource, `root has MFA (${mfa.evidence})`)]
      : [fail(resource, `root has no MFA (${mfa.evidence})`)];
  },
};
