import { describe, expect, it } from 'vitest';
import { daysAgo, options, report, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { userInactive } from './user-inactive.js';

const run = (...rows: ReturnType<typeof userRow>[]) => userInactive.evaluate(snapshot({ iam: { credentialReport: report(...rows) } }), options());
const consoleUser = (name: string, over: Parameters<typeof userRow>[1]) => userRow(name, { passwordEnabled: true, ...over });

describe('user-inactive', () => {
  it('fails at exactly 45 days unused and passes at 44 (CIS: "45 days or more")', () => {
    const [at45, at44] = run(consoleUser('old', { passwordLastUsed: daysAgo(45) }), consoleUser('recent', { passwordLastUsed: daysAgo(44) }));
    expect(at45).toMatchObject({
      status: 'FAIL',
      resource: 'arn:aws:iam::123456789012:user/old',
      message: 'user old last used its console password 2026-05-01, 45 days ago (limit 45)',
    });
    expect(at45?.remediation?.cli).toEqual(['aws iam delete-login-profile --user-name old']);
    expect(at44).toEqual({ status: 'PASS', resource: 'arn:aws:iam::123456789012:user/recent', message: 'user recent last used its console password 2026-05-02, 44 days ago (limit 45)' });
  });

  it('counts from creation when the password was never used', () => {
    const [fresh, stale] = run(consoleUser('fresh', { userCreationTime: daysAgo(44) }), consoleUser('stale', { userCreationTime: daysAgo(45) }));
    expect(fresh).toMatchObject({ status: 'PASS', message: 'user fresh has never used its console password (created 2026-05-02), 44 days ago (limit 45)' });
    expect(stale?.status).toBe('FAIL');
  });

  it('follows the userUnusedDays option', () => {
    const s = snapshot({ iam: { credentialReport: report(consoleUser('u', { passwordLastUsed: daysAgo(30) })) } });
    expect(userInactive.evaluate(s, options({ userUnusedDays: 30 }))[0]?.status).toBe('FAIL');
    expect(userInactive.evaluate(s, options({ userUnusedDays: 31 }))[0]?.status).toBe('PASS');
  });

  it('ignores users without a console password', () => {
    expect(run(userRow('ci', { userCreationTime: daysAgo(900) }))[0]?.status).toBe('NOT_APPLICABLE');
  });

  it('is UNKNOWN without the credential report', () => {
    const s = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport', code: 'ReportNotPresent' });
    expect(userInactive.evaluate(s, options())[0]).toMatchObject({ status: 'UNKNOWN', message: expect.stringContaining('iam:GetCredentialReport failed (ReportNotPresent') });
  });
});
