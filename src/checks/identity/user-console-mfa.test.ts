import { describe, expect, it } from 'vitest';
import { options, report, snapshot, user, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { userConsoleMfa } from './user-console-mfa.js';

const run = (s: ReturnType<typeof snapshot>) => userConsoleMfa.evaluate(s, options());

describe('user-console-mfa', () => {
  it('passes a console user with MFA and fails one without, per user', () => {
    const out = run(snapshot({ iam: { credentialReport: report(userRow('alice', { passwordEnabled: true, mfaActive: true }), userRow('bob', { passwordEnabled: true })) } }));
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:user/alice', message: 'user alice has a console password and an MFA device' });
    expect(out[1]).toMatchObject({ status: 'FAIL', resource: 'arn:aws:iam::123456789012:user/bob', message: 'user bob has a console password and no MFA device' });
    expect(out[1]?.remediation?.cli[1]).toContain('--user-name bob --serial-number arn:aws:iam::123456789012:mfa/bob');
  });

  it('ignores users without a console password and the root row', () => {
    const out = run(snapshot({ iam: { credentialReport: report(userRow('ci')) } }));
    expect(out).toEqual([{ status: 'NOT_APPLICABLE', resource: 'arn:aws:::123456789012', message: 'no IAM user has a console password' }]);
  });

  it('is NOT_APPLICABLE with no IAM users at all', () => {
    expect(run(snapshot())[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN for a user created after the report', () => {
    const out = run(snapshot({ iam: { users: [user('new')], credentialReport: report() } }));
    expect(out).toEqual([
      { status: 'UNKNOWN', resource: 'arn:aws:iam::123456789012:user/new', message: expect.stringContaining('user new is not in the credential report generated 2026-06-15') },
    ]);
  });

  it('is UNKNOWN without the credential report, naming the call and the error code', () => {
    const [r, ...rest] = run(withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' }));
    expect(rest).toEqual([]);
    expect(r).toEqual({ status: 'UNKNOWN', resource: 'arn:aws:::123456789012', message: 'could not evaluate: iam:GetCredentialReport failed (AccessDenied: User is not authorized)' });
  });
});
