import { describe, expect, it } from 'vitest';
import { key, noKey, report, snapshot, userRow, withoutSection } from '../../../test/fixtures/snapshot.js';
import { activeKeys, fill, missing, reportRows } from './users.js';

describe('identity data helpers', () => {
  it('missing names only the calls behind the sections that are absent', () => {
    const noReport = withoutSection(snapshot(), 'credentialReport', { service: 'iam', operation: 'GetCredentialReport' });
    expect(missing(noReport, ['report', 'authorization']).message).toBe('could not evaluate: iam:GetCredentialReport failed (AccessDenied: User is not authorized)');
    const neither = withoutSection(noReport, 'users', { service: 'iam', operation: 'GetAccountAuthorizationDetails', code: 'Throttling' });
    expect(missing(neither, ['report', 'authorization']).message).toBe(
      'could not evaluate: iam:GetCredentialReport failed (AccessDenied: User is not authorized); iam:GetAccountAuthorizationDetails failed (Throttling: User is not authorized)',
    );
    // A section absent without a recorded error (an old snapshot) still says which calls it needed.
    const { credentialReport: _gone, ...iam } = snapshot().iam;
    expect(missing({ ...snapshot(), iam }, ['report']).message).toBe('could not evaluate: the snapshot has no data from iam:GenerateCredentialReport, iam:GetCredentialReport');
  });

  it("reportRows leaves out root's row; activeKeys numbers the slots", () => {
    const rows = reportRows(snapshot({ iam: { credentialReport: report(userRow('a', { accessKeys: [noKey, key()] })) } }));
    expect(rows.map((r) => r.user)).toEqual(['a']);
    const [row] = rows;
    expect(row && activeKeys(row).map((k) => k.resource)).toEqual(['arn:aws:iam::123456789012:user/a/access-key-2']);
  });

  it('fill replaces known placeholders and leaves the others', () => {
    const r = fill({ summary: 'fix <user>', console: ['<user> in <group>'], cli: ['aws iam x --user-name <user> --id <access-key-id>'] }, { user: 'bob' });
    expect(r).toEqual({ summary: 'fix bob', console: ['bob in <group>'], cli: ['aws iam x --user-name bob --id <access-key-id>'] });
  });
});
