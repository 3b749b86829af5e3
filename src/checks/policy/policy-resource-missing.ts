// Seed 002 lost an afternoon to user-session-prod for user-sessions-prod: an ARN that names nothing is "Access Denied"
// with no hint. Judged only for kinds the snapshot lists completely (see snapshot-index.ts); others pass unjudged.
import { resourceMissing } from '../../policy/lint/rules/account.js';
import { indexSnapshot } from '../../policy/lint/snapshot-index.js';
import type { Check, Remediation } from '../types.js';
import { lintEach } from './documents.js';

const remediation: Remediation = {
  summary: 'Correct the ARN the message names (the closest existing resource is suggested), or remove it if the resource is gone.',
  console: ['Open the resource in its console, copy its ARN, and paste it into the policy: IAM > Policies > the policy > Edit (JSON).'],
  cli: ['aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://policy.json --set-as-default'],
};

export const policyResourceMissing: Check = {
  id: 'policy-resource-missing',
  title: 'Policy ARNs name resources that exist',
  area: 'policy',
  severity: 'low',
  sources: ['seed 002'],
  remediation,
  evaluate: (snapshot) =>
    lintEach(snapshot, [resourceMissing], { kind: 'identity', requireMfa: false, snapshot: indexSnapshot(snapshot) }, 'every ARN the snapshot can check names an existing resource', remediation),
};
