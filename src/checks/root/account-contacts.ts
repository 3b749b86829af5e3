// account-contacts: AWS writes to the alternate contacts about abuse, a suspected compromise and billing; unset,
// those mails go only to the root email address, which nobody may be reading.
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check } from '../types.js';

const CONTACT_TYPES = ['SECURITY', 'BILLING', 'OPERATIONS'] as const;
const OPERATIONS = ['account:GetAlternateContact'];

type Contacts = NonNullable<AccountSnapshot['alternateContacts']>;

export const accountContacts: Check = {
  id: 'account-contacts',
  title: 'Security, billing and operations contacts are set',
  area: 'root',
  severity: 'low',
  sources: ['CIS 2.1', 'CIS 2.2'],
  remediation: {
    summary:
      'Set the security, billing and operations alternate contacts, preferably to team addresses rather than one person\'s, ' +
      'so AWS reaches someone about abuse, compromise and charges.',
    console: [
      'Click the account name (top right), then Account',
      'Under Alternate contacts, click Edit',
      'Fill in Billing, Operations and Security contact (name, title, email, phone), then Update',
    ],
    cli: [
      'aws account put-alternate-contact --alternate-contact-type SECURITY --name "<name>" --title "<title>" --email-address <email> --phone-number "<phone>"',
      'aws account put-alternate-contact --alternate-contact-type BILLING --name "<name>" --title "<title>" --email-address <email> --phone-number "<phone>"',
      'aws account put-alternate-contact --alternate-contact-type OPERATIONS --name "<name>" --title "<title>" --email-address <email> --phone-number "<phone>"',
      'aws account get-alternate-contact --alternate-contact-type SECURITY',
    ],
  },
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const contacts: Contacts | undefined = snapshot.alternateContacts;
    if (!contacts) return [unknown(snapshot, resource, OPERATIONS)];
    // null: AWS said not set. undefined: that type's call was not collected. A contact without an email reaches nobody.
    const missing = CONTACT_TYPES.filter((t) => {
      const contact = contacts[t];
      return contact === null || (contact !== undefined && !contact.emailAddress);
    });
    const unread = CONTACT_TYPES.filter((t) => contacts[t] === undefined);
    const unreadNote = unread.length ? `; ${unread.join(', ')} could not be read` : '';
    if (missing.length) return [fail(resource, `alternate contacts not set: ${missing.join(', ')}${unreadNote}`)];
    if (unread.length) {
      const outcome = unknown(snapshot, resource, OPERATIONS);
      return [{ ...outcome, message: `${outcome.message} (${unread.join(', ')} contact not read)` }];
    }
    return [pass(resource, `alternate contacts set: ${CONTACT_TYPES.join(', ')}`)];
  },
};
