// Seed 003's ProductionAdminPolicy ("Action": "") shows how a policy can look right and grant nothing (or, with
// "*" restored, everything). Grammar: what IAM rejects or reads differently from what was meant.
import { conditionOperator, conditionValue } from '../../policy/lint/rules/conditions.js';
import { grammarRules } from '../../policy/lint/rules/grammar.js';
import { DEFAULT_LINT_OPTIONS } from '../../policy/lint/index.js';
import type { Check, Remediation } from '../types.js';
import { lintEach } from './documents.js';

const remediation: Remediation = {
  summary: 'Fix the policy grammar the message names; `rampart policy lint` on the document shows each problem with its line and a fix.',
  console: ['IAM > Policies (or the user, group or role > Permissions) > the policy > Edit (JSON): the editor marks the same errors; fix them and Save changes.'],
  cli: [
    'aws iam get-policy-version --policy-arn <policy-arn> --version-id <version> --query PolicyVersion.Document > policy.json && rampart policy lint policy.json',
    'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://policy.json --set-as-default',
  ],
};

const rules = [...grammarRules, conditionOperator, conditionValue];

export const policyValid: Check = {
  id: 'policy-valid',
  title: 'Every customer policy is valid policy grammar',
  area: 'policy',
  severity: 'high',
  sources: ['seed 003'],
  remediation,
  evaluate: (snapshot) => lintEach(snapshot, rules, DEFAULT_LINT_OPTIONS, 'valid policy grammar', remediation),
};
