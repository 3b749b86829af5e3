import type { Check } from '../types.js';
import { accountContacts } from './account-contacts.js';
import { rootAccessKeys } from './root-access-keys.js';
import { rootHardwareMfa } from './root-hardware-mfa.js';
import { rootMfa } from './root-mfa.js';
import { rootRecentUse } from './root-recent-use.js';

/** In the order of CHECKS.md. */
export const rootChecks: Check[] = [rootMfa, rootHardwareMfa, rootAccessKeys, rootRecentUse, accountContacts];
