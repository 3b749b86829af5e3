// AWS Account Management: restJson1. Alternate contacts (BILLING, SECURITY, OPERATIONS): read and set.
import { ApiError } from '../errors.js';
import { parseJsonBody } from '../protocols/json.js';
import type { RestJsonService, RestRequest } from '../service.js';
import type { ContactType } from '../world.js';

const TYPES: readonly ContactType[] = ['BILLING', 'SECURITY', 'OPERATIONS'];

function contactType(req: RestRequest): ContactType {
  const type = parseJsonBody(req.body)['AlternateContactType'];
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    throw new ApiError('ValidationException', `Invalid AlternateContactType: expected one of ${TYPES.join(', ')}`, 400, 'Sender', {
      reason: 'fieldValidationFailed',
    });
  }
  return type as ContactType;
}

export const account: RestJsonService = {
  name: 'account',
  signingName: 'account',
  protocol: 'restJson1',
  routes: [
    {
      method: 'POST',
      path: '/getAlternateContact',
      operation: 'GetAlternateContact',
      handler(req, ctx) {
        const type = contactType(req);
        const contact = ctx.world.alternateContacts[type];
        if (!contact) throw new ApiError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
        return {
          body: {
            AlternateContact: {
              AlternateContactType: type,
              Name: contact.name,
              Title: contact.title,
              EmailAddress: contact.emailAddress,
              PhoneNumber: contact.phoneNumber,
            },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/putAlternateContact',
      operation: 'PutAlternateContact',
      handler(req, ctx) {
        const type = contactType(req);
        const body = parseJsonBody(req.body);
        const field = (key: string, max: number): string => {
          const value = body[key];
          if (typeof value !== 'string' || value.length < 1 || value.length > max) {
            throw new ApiError('ValidationException', `Invalid ${key}`, 400, 'Sender', { reason: 'fieldValidationFailed' });
          }
          return value;
        };
        // Setting a contact replaces the one of that type.
        ctx.world.alternateContacts[type] = {
          name: field('Name', 64),
          title: field('Title', 50),
          emailAddress: field('EmailAddress', 254),
          phoneNumber: field('PhoneNumber', 25),
        };
        return {};
      },
    },
  ],
};
