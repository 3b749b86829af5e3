import { describe, expect, it } from 'vitest';
import { attach, customerPolicy, forceMfaDoc, group, options, report, snapshot, user, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { mfaEnforced } from './mfa-enforced.js';

const FORCE = customerPolicy('ForceMFA', forceMfaDoc);
const console_ = (name: string) => userRow(name, { passwordEnabled: true, mfaActive: true });

describe('mfa-enforced', () => {
  it('passes a console user whose group has the force-MFA policy, and names it', () => {
    const s = snapshot({
      iam: { users: [user('iamadmin', { groups: ['Everyone'] })], groups: [group('Everyone', { attachedPolicies: [attach(FORCE)] })], policies: [FORCE], credentialReport: report(console_('iamadmin')) },
    });
    expect(mfaEnforced.evaluate(s, options())).toEqual([
      { status: 'PASS', resource: 'arn:aws:iam::123456789012:user/iamadmin', message: 'console user iamadmin must use MFA: ForceMFA via group Everyone denies everything else without it' },
    ]);
  });

  it('passes an inline force-MFA policy on the user', () => {
    const s = snapshot({ iam: { users: [user('a', { inlinePolicies: [{ name: 'mfa', document: forceMfaDoc }] })], credentialReport: report(console_('a')) } });
    expect(mfaEnforced.evaluate(s, options())[0]?.status).toBe('PASS');
  });

  it('fails a console user without it, even with an MFA device (having is not needing)', () => {
    const s = snapshot({ iam: { users: [user('bob')], credentialReport: report(console_('bob')) } });
    const [r] = mfaEnforced.evaluate(s, options());
    expect(r).toMatchObject({ status: 'FAIL', message: expect.stringContaining('console user bob is not required to use MFA') });
    expect(r?.remediation?.cli).toContain('aws iam add-user-to-group --group-name <group> --user-name bob');
  });

  it('fails when the policy exists but does not reach the user', () => {
    const s = snapshot({ iam: { users: [user('bob')], groups: [group('Everyone', { attachedPolicies: [attach(FORCE)] })], policies: [FORCE], credentialReport: report(console_('bob')) } });
    expect(mfaEnforced.evaluate(s, options())[0]?.status).toBe('FAIL');
  });

  it('ignores users without a console password', () => {
    const s = snapshot({ iam: { users: [user('ci')], credentialReport: report(userRow('ci')) } });
    expect(mfaEnforced.evaluate(s, options())[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN for a report row missing from the authorization details', () => {
    const s = snapshot({ iam: { credentialReport: report(console_('gone')) } });
    expect(mfaEnforced.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', resource: 'arn:aws:iam::123456789012:user/gone' });
  });

  it('is UNKNOWN naming whichever source is missing', () => {
    const noReport = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GenerateCredentialReport', code: 'LimitExceeded' });
    expect(mfaEnforced.evaluate(noReport, options())[0]?.message).toBe('could not evaluate: iam:GenerateCredentialReport failed (LimitExceeded: User is not authorized)');
    const noAuth = withoutSection(snapshot(), 'users', { service: 'iam', operation: 'GetAccountAuthorizationDetails' });
    expect(mfaEnforced.evaluate(noAuth, options())[0]?.message).toContain('iam:GetAccountAuthorizationDetails failed (AccessDenied');
  });
});
