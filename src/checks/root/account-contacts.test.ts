import { describe, expect, it } from 'vitest';
import { ACCOUNT, contact, options, snapshot, withoutAlternateContacts } from '../../../test/fixtures/snapshot.js';
import { accountContacts } from './account-contacts.js';

const ACCOUNT_RESOURCE = `arn:aws:::${ACCOUNT}`;
const run = (s: ReturnType<typeof snapshot>) => {
  const outcomes = accountContacts.evaluate(s, options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const allSet = { SECURITY: contact('Security Team'), BILLING: contact('Finance'), OPERATIONS: contact('Ops') };

describe('account-contacts', () => {
  it('passes when security, billing and operations contacts are all set', () => {
    expect(run(snapshot({ alternateContacts: allSet }))).toEqual({
      status: 'PASS',
      resource: ACCOUNT_RESOURCE,
      message: 'alternate contacts set: SECURITY, BILLING, OPERATIONS',
    });
  });

  it('fails naming every missing contact', () => {
    const o = run(snapshot());
    expect(o).toMatchObject({ status: 'FAIL', resource: ACCOUNT_RESOURCE });
    expect(o.message).toBe('alternate contacts not set: SECURITY, BILLING, OPERATIONS');
  });

  it('fails naming only the missing one', () => {
    const o = run(snapshot({ alternateContacts: { ...allSet, SECURITY: null } }));
    expect(o.message).toBe('alternate contacts not set: SECURITY');
  });

  it('counts a contact without an email address as not set', () => {
    const o = run(snapshot({ alternateContacts: { ...allSet, OPERATIONS: { name: 'Ops', emailAddress: null, title: null } } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toBe('alternate contacts not set: OPERATIONS');
  });

  it('never prints contact details', () => {
    for (const o of [run(snapshot({ alternateContacts: allSet })), run(snapshot({ alternateContacts: { ...allSet, BILLING: null } }))]) {
      expect(o.message).not.toContain('@example.com');
    }
  });

  it('is UNKNOWN naming GetAlternateContact when the contacts were not collected', () => {
    const o = run(withoutAlternateContacts(snapshot()));
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('account:GetAlternateContact failed (AccessDenied');
  });

  it('is UNKNOWN, naming the type, when one contact could not be read and the rest are set', () => {
    const s = snapshot({ alternateContacts: { SECURITY: allSet.SECURITY, BILLING: allSet.BILLING } });
    const o = run({ ...s, errors: [{ service: 'account', operation: 'GetAlternateContact', code: 'TooManyRequestsException', message: 'Rate exceeded', region: null }] });
    expect(o.status).toBe('UNKNOWN');
    expect(o.message).toContain('account:GetAlternateContact failed (TooManyRequestsException');
    expect(o.message).toContain('OPERATIONS contact not read');
  });

  it('still fails on a missing contact when another could not be read', () => {
    const o = run(snapshot({ alternateContacts: { SECURITY: null, BILLING: allSet.BILLING } }));
    expect(o.status).toBe('FAIL');
    expect(o.message).toBe('alternate contacts not set: SECURITY; OPERATIONS could not be read');
  });
});
