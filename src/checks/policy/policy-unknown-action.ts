// Seed 002: a misspelt action (s3:GetObjcet) grants nothing and fails with a bare "Access Denied".
import { actionUnknown } from '../../policy/lint/rules/actions.js';
import { DEFAULT_LINT_OPTIONS } from '../../policy/lint/index.js';
import type { Check, Remediation } from '../types.js';
import { lintEach } from './documents.js';

const remediation: Remediation = {
  summary: 'Correct the action names the message lists (the closest real actions are suggested); `rampart policy lint` shows where each one is.',
  console: ['IAM > Policies > the policy > Edit (JSON): correct the action; the visual editor lists the real actions of each service.'],
  cli: ['aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://policy.json --set-as-default'],
};

export const policyUnknownAction: Check = {
  id: 'policy-unknown-action',
  title: 'Every policy action names a real service action',
  area: 'policy',
  severity: 'medium',
  sources: ['seed 002'],
  remediation,
  evaluate: (snapshot) => lintEach(snapshot, [actionUnknown], DEFAULT_LINT_OPTIONS, 'every action exists', remediation),
};
