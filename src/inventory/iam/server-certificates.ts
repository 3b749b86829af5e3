// IAM server certificates (the pre-ACM way to serve TLS): names and expiry, for the expired-certificate check.
import { paginateListServerCertificates, type IAMClient } from '@aws-sdk/client-iam';
import { call, type FailureLog } from '../context.js';
import { isoOrNull } from '../dates.js';

export interface ServerCertificate {
  name: string;
  arn: string;
  expiration: string | null;
}

export async function collectServerCertificates(iam: IAMClient, failures: FailureLog, pageSize: number): Promise<ServerCertificate[]> {
  return call(failures, { service: 'iam', operation: 'ListServerCertificates' }, async () => {
    const certificates: ServerCertificate[] = [];
    for await (const page of paginateListServerCertificates({ client: iam, pageSize }, {})) {
      for (const c of page.ServerCertificateMetadataList ?? []) {
        certificates.push({ name: c.ServerCertificateName ?? '', arn: c.Arn ?? '', expiration: isoOrNull(c.Expiration) });
      }
    }
    return certificates;
  });
}
