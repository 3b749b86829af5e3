// root-hardware-mfa: a virtual (authenticator app) device lives on a phone that can be lost, cloned or backed up to
// a cloud account; CIS asks for a security key or hardware token on root.
import { notApplicable, fail, pass, rootArn, unknown } from '../support.js';
import type { Check } from '../types.js';
import { cannotEvaluate, count, day, rootMfa } from './evidence.js';

/** The serial AWS gives root's virtual device when created from the old console flow. */
const ROOT_VIRTUAL_SERIAL_SUFFIX = 'mfa/root-account-mfa-device';

export const rootHardwareMfa: Check = {
  id: 'root-hardware-mfa',
  title: "Root user's MFA is not a virtual device",
  area: 'root',
  severity: 'low',
  sources: ['seed 003', 'seed 004', 'CIS 2.5'],
  remediation: {
    summary:
      'Register a FIDO security key or a hardware TOTP token for root, then remove the virtual MFA device. ' +
      'Root MFA can only be managed in the console, signed in as root; the CLI command lists virtual devices to verify.',
    console: [
      'Sign in to the AWS console as the root user',
      'Click the account name (top right), then Security credentials',
      'Under Multi-factor authentication (MFA), click Assign MFA device and pick Passkey or security key, or Hardware TOTP token',
      'Follow the prompts to register the device, then sign out and back in with it',
      'Back in Security credentials, select the virtual (authenticator app) device and click Remove',
    ],
    cli: ['aws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[].[SerialNumber,User.Arn]"'],
  },
  evaluate(snapshot) {
    const resource = rootArn(snapshot);
    const mfa = rootMfa(snapshot);
    if (!mfa.known) return [cannotEvaluate(resource, mfa.reasons)];
    // No MFA at all is root-mfa's critical finding; failing here too would count one problem twice.
    if (!mfa.enabled) return [notApplicable(resource, 'root has no MFA; see root-mfa')];
    const devices = snapshot.iam.virtualMfaDevices;
    if (!devices) return [unknown(snapshot, resource, ['iam:ListVirtualMFADevices'])];
    // userArn is the reliable link; the serial suffix catches a device whose user the listing left out.
    const virtual = devices.find((d) => d.userArn === resource || d.serialNumber.endsWith(ROOT_VIRTUAL_SERIAL_SUFFIX));
    if (virtual) {
      const since = virtual.enableDate ? `, enabled ${day(virtual.enableDate)}` : '';
      return [fail(resource, `root's MFA is a virtual device (${virtual.serialNumber}${since})`)];
    }
    return [pass(resource, `root's MFA is not a virtual device (none of the account's ${count(devices.length, 'virtual MFA device')} is root's)`)];
  },
};
