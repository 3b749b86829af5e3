import { describe, expect, it } from 'vitest';
import { parseAmount, parseEmails, parseRegions, parseUserName, specYaml } from './answers.js';

describe('init answers', () => {
  it('emails: one or more, commas or spaces, each checked', () => {
    expect(parseEmails('a@example.com, b@example.com a@example.com')).toEqual({ ok: true, value: ['a@example.com', 'b@example.com'] });
    expect(parseEmails('')).toEqual({ ok: false, problem: 'expected at least one email address' });
    expect(parseEmails('a@example.com, nope')).toEqual({ ok: false, problem: '"nope" is not an email address' });
  });

  it('amount: empty is the default 20; positive numbers with at most cents', () => {
    expect(parseAmount('')).toEqual({ ok: true, value: 20 });
    expect(parseAmount('$35.50')).toEqual({ ok: true, value: 35.5 });
    expect(parseAmount('0').ok).toBe(false);
    expect(parseAmount('-5').ok).toBe(false);
    expect(parseAmount('ten').ok).toBe(false);
  });

  it('user name: empty is admin; IAM characters only', () => {
    expect(parseUserName('')).toEqual({ ok: true, value: 'admin' });
    expect(parseUserName('alice.smith@corp')).toEqual({ ok: true, value: 'alice.smith@corp' });
    expect(parseUserName('alice smith').ok).toBe(false);
  });

  it('regions: all or empty is every enabled one; names checked against the enabled ones', () => {
    expect(parseRegions('all', ['us-east-1'])).toEqual({ ok: true, value: null });
    expect(parseRegions('', undefined)).toEqual({ ok: true, value: null });
    expect(parseRegions('us-east-1, eu-west-1', ['us-east-1', 'eu-west-1'])).toEqual({ ok: true, value: ['us-east-1', 'eu-west-1'] });
    expect(parseRegions('useast1', undefined)).toEqual({ ok: false, problem: '"useast1" is not a region name (such as us-east-1)' });
    expect(parseRegions('ap-east-1', ['us-east-1'])).toEqual({ ok: false, problem: 'ap-east-1 is not enabled for this account (enabled: us-east-1)' });
  });

  it('the spec: only the answers, over the seeds defaults', () => {
    const { text, spec } = specYaml({ alertEmails: ['a@example.com'], budgetAmount: 35, adminUser: 'alice', regions: null });
    expect(text).not.toContain('regions');
    expect(spec.alertEmails).toEqual(['a@example.com']);
    expect(spec.budget).toMatchObject({ amount: 35, currency: 'USD', actualAlerts: [50, 80, 100] });
    expect(spec.admins).toMatchObject({ group: 'admins', users: ['alice'] });
    expect(spec.regions).toBeUndefined();
    const noAdmin = specYaml({ alertEmails: ['a@example.com'], budgetAmount: 20, adminUser: null, regions: ['us-east-1'] });
    expect(noAdmin.spec.admins).toMatchObject({ users: [] });
    expect(noAdmin.spec.regions).toEqual(['us-east-1']);
  });
});
