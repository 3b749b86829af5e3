import { describe, expect, it } from 'vitest';
import { NOW, daysAgo, options, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import { serverCertificatesExpired } from './server-certificates-expired.js';

const cert = (name: string, expiration: string | null) => ({ name, arn: `arn:aws:iam::123456789012:server-certificate/${name}`, expiration });

describe('server-certificates-expired', () => {
  it('passes with no certificates', () => {
    expect(serverCertificatesExpired.evaluate(snapshot(), options())).toEqual([{ status: 'PASS', resource: 'arn:aws:::123456789012', message: 'no IAM server certificates' }]);
  });

  it('fails each expired certificate (expiring at the snapshot time counts) and passes valid ones', () => {
    const s = snapshot({ iam: { serverCertificates: [cert('old', daysAgo(10)), cert('now', NOW.toISOString()), cert('valid', daysAgo(-30))] } });
    const out = serverCertificatesExpired.evaluate(s, options());
    expect(out[0]).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:server-certificate/old', message: 'server certificate old expired 2026-06-05' });
    expect(out[0]?.remediation?.cli).toContain('aws iam delete-server-certificate --server-certificate-name old');
    expect(out[1]?.status).toBe('FAIL');
    expect(out[2]).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:server-certificate/valid', message: 'server certificate valid expires 2026-07-15' });
  });

  it('is UNKNOWN for a certificate without an expiration date', () => {
    expect(serverCertificatesExpired.evaluate(snapshot({ iam: { serverCertificates: [cert('x', null)] } }), options())[0]?.status).toBe('UNKNOWN');
  });

  it('is UNKNOWN when the certificates could not be listed', () => {
    const s = withoutSection(snapshot(), 'serverCertificates', { service: 'iam', operation: 'ListServerCertificates' });
    expect(serverCertificatesExpired.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:ListServerCertificates failed (AccessDenied') });
  });
});
