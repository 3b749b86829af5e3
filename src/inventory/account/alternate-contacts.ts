// The billing, security and operations alternate contacts. Each is asked on its own so that one
// refused call leaves the other two known; an unset contact answers ResourceNotFoundException (null).
import { GetAlternateContactCommand, type AccountClient } from '@aws-sdk/client-account';
import { awsErrorCode } from '../../aws/errors.js';
import { attempt, RecordedFailure, type FailureLog } from '../context.js';
import type { AlternateContact } from '../snapshot.js';

export const CONTACT_TYPES = ['BILLING', 'SECURITY', 'OPERATIONS'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export type AlternateContacts = Partial<Record<ContactType, AlternateContact | null>>;

const OPERATION = { service: 'account', operation: 'GetAlternateContact' } as const;

async function contact(account: AccountClient, type: ContactType): Promise<AlternateContact | null> {
  try {
    const { AlternateContact: c } = await account.send(new GetAlternateContactCommand({ AlternateContactType: type }));
    // The phone number is left out on purpose: no check needs it.
    return c ? { name: c.Name ?? null, emailAddress: c.EmailAddress ?? null, title: c.Title ?? null } : null;
  } catch (err) {
    if (awsErrorCode(err) === 'ResourceNotFoundException') return null;
    throw err;
  }
}

/** The contacts that could be read; throws RecordedFailure only when none could. */
export async function collectAlternateContacts(account: AccountClient, failures: FailureLog): Promise<AlternateContacts> {
  const answers = await Promise.all(CONTACT_TYPES.map((type) => attempt(failures, OPERATION, () => contact(account, type))));
  const contacts: AlternateContacts = {};
  answers.forEach((answer, i) => {
    if (answer) contacts[CONTACT_TYPES[i]!] = answer.value;
  });
  if (Object.keys(contacts).length === 0) {
    const last = failures.entries.findLast((e) => e.service === OPERATION.service && e.operation === OPERATION.operation);
    if (last) throw new RecordedFailure(last);
  }
  return contacts;
}
