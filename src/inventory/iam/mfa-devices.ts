// Virtual MFA devices of the whole account, root's included (serial `mfa/root-account-mfa-device`).
// Only serial, owner and date are kept: the listing type also has fields for the seed and QR code.
import { paginateListVirtualMFADevices, type IAMClient } from '@aws-sdk/client-iam';
import { call, type FailureLog } from '../context.js';
import { isoOrNull } from '../dates.js';

export interface VirtualMfaDevice {
  serialNumber: string;
  userArn: string | null;
  enableDate: string | null;
}

export async function collectVirtualMfaDevices(iam: IAMClient, failures: FailureLog, pageSize: number): Promise<VirtualMfaDevice[]> {
  return call(failures, { service: 'iam', operation: 'ListVirtualMFADevices' }, async () => {
    const devices: VirtualMfaDevice[] = [];
    for await (const page of paginateListVirtualMFADevices({ client: iam, pageSize }, { AssignmentStatus: 'Any' })) {
      for (const d of page.VirtualMFADevices ?? []) {
        devices.push({ serialNumber: d.SerialNumber ?? '', userArn: d.User?.Arn ?? null, enableDate: isoOrNull(d.EnableDate) });
      }
    }
    return devices;
  });
}
