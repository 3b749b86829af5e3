// CIS 2.18: an expired certificate left in IAM can still be deployed to a load balancer by mistake. One result per
// certificate (expired at or before the snapshot's time fails); one PASS for the account when there are none.
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { day, fill, undetermined } from './users.js';

const remediation: Remediation = {
  summary: 'Delete expired server certificates from IAM (after checking no load balancer or CloudFront distribution still uses them). Prefer AWS Certificate Manager, which renews certificates itself.',
  console: ['IAM server certificates have no console page: use the CLI.'],
  cli: ['aws iam list-server-certificates', 'aws iam delete-server-certificate --server-certificate-name <certificate>'],
};

export const serverCertificatesExpired: Check = {
  id: 'server-certificates-expired',
  title: 'No expired IAM server certificates',
  area: 'identity',
  severity: 'low',
  sources: ['CIS 2.18'],
  remediation,
  evaluate(snapshot, options) {
    const certificates = snapshot.iam.serverCertificates;
    if (!certificates) return [unknown(snapshot, accountResource(snapshot), ['iam:ListServerCertificates'])];
    if (certificates.length === 0) return [pass(accountResource(snapshot), 'no IAM server certificates')];
    return certificates.map((c) => {
      if (c.expiration === null) return undetermined(c.arn, `server certificate ${c.name}: ListServerCertificates gives no expiration date`);
      return Date.parse(c.expiration) <= options.now.getTime()
        ? fail(c.arn, `server certificate ${c.name} expired ${day(c.expiration)}`, fill(remediation, { certificate: c.name }))
        : pass(c.arn, `server certificate ${c.name} expires ${day(c.expiration)}`);
    });
  },
};
