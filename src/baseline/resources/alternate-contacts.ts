// Alternate contacts (CIS 2.1/2.2): AWS writes to them about abuse, a suspected compromise and billing. One step per
// type the spec gives; a type the spec leaves out is left as it is.
import { AccountClient, GetAlternateContactCommand, PutAlternateContactCommand, type AlternateContactType } from '@aws-sdk/client-account';
import { awsErrorCode } from '../../aws/errors.js';
import type { AlternateContact } from '../../inventory/snapshot.js';
import type { ApplyContext, Planner, Step } from '../types.js';
import { notCollected } from './iam-common.js';

const TYPES = [
  ['security', 'SECURITY'],
  ['billing', 'BILLING'],
  ['operations', 'OPERATIONS'],
] as const;
const ACTIONS = ['account:GetAlternateContact', 'account:PutAlternateContact'];

interface DesiredContact {
  name: string;
  title: string;
  email: string;
  phone: string;
}

const sameAs = (c: AlternateContact, d: DesiredContact): boolean => c.name === d.name && c.title === d.title && c.emailAddress === d.email;

/** The account's contact of that type, phone included; null when none is set. */
async function read(account: AccountClient, type: AlternateContactType) {
  try {
    return (await account.send(new GetAlternateContactCommand({ AlternateContactType: type }))).AlternateContact ?? null;
  } catch (err) {
    if (awsErrorCode(err) === 'ResourceNotFoundException') return null;
    throw err;
  }
}

const matches = (c: Awaited<ReturnType<typeof read>>, d: DesiredContact): boolean =>
  c !== null && c.Name === d.name && c.Title === d.title && c.EmailAddress === d.email && c.PhoneNumber === d.phone;

async function run(ctx: ApplyContext, type: AlternateContactType, desired: DesiredContact): Promise<string> {
  // Account Management is global; the session's home region signs it.
  const account = ctx.session.client(AccountClient);
  const before = await read(account, type);
  if (matches(before, desired)) return `${type} contact already ${desired.name} <${desired.email}>`;
  await account.send(
    new PutAlternateContactCommand({ AlternateContactType: type, Name: desired.name, Title: desired.title, EmailAddress: desired.email, PhoneNumber: desired.phone }),
  );
  if (!matches(await read(account, type), desired)) throw new Error(`the ${type} contact does not read back as set`);
  return `${type} contact ${before ? `changed from ${before.Name ?? '?'} to` : 'set to'} ${desired.name} <${desired.email}>`;
}

export const alternateContactsPlanner: Planner = {
  id: 'alternate-contacts',
  plan(ctx) {
    const spec = ctx.spec.alternateContacts;
    if (!spec) return [];
    const known = ctx.snapshot.alternateContacts;
    return TYPES.flatMap(([key, type]): Step[] => {
      const desired = spec[key];
      if (!desired) return [];
      const base = { id: `alternate-contact:${key}`, title: `${type} alternate contact`, actions: ACTIONS };
      const runnable = { ...base, run: (apply: ApplyContext) => run(apply, type, desired) };
      const current = known?.[type];
      const who = `${desired.name} <${desired.email}>`;
      if (current === undefined) return [{ ...runnable, kind: 'update', detail: notCollected(`the ${type} contact`) }];
      if (current === null) return [{ ...runnable, kind: 'create', detail: `set the ${type} contact to ${who}` }];
      // The snapshot leaves phone numbers out: a contact that differs only there is not seen here.
      if (sameAs(current, desired)) return [{ ...base, kind: 'noop', detail: `${type} contact is ${who}` }];
      return [{ ...runnable, kind: 'update', detail: `replace the ${type} contact ${current.name ?? '?'} <${current.emailAddress ?? '?'}> with ${who}` }];
    });
  },
};
