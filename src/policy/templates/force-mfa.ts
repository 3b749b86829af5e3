// Seeds 001/003: users manage their own MFA, and everything else is denied until they sign in with it. The document
// is the baseline's (src/baseline/resources/force-mfa.ts), so the two can never drift apart.
import { forceMfaDocument } from '../../baseline/resources/force-mfa.js';
import { partition } from './params.js';
import type { PolicyTemplate } from './template.js';

export const forceMfa: PolicyTemplate = {
  name: 'force-mfa',
  description: 'MFA self-service for the user, and deny everything else while the session has no MFA',
  params: [partition()],
  render: (v) => ({ policy: forceMfaDocument(v.partition as string) }),
};
