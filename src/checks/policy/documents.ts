// The policies the policy-* checks lint: every customer-managed policy (resource: its ARN) and every inline policy of
// a user, group or role (resource: `<principal ARN>/inline/<name>`, as admin-star-policy names them).
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { lintDocument } from '../../policy/lint/index.js';
import type { Finding, LintOptions, LintRule } from '../../policy/lint/types.js';
import { fail, pass } from '../support.js';
import { authorization, missing, orNotApplicable } from '../identity/users.js';
import type { Outcome, Remediation } from '../types.js';

export interface PolicyDocumentRef {
  readonly resource: string;
  /** `policy ReadLogs`, `inline policy deploy of user alice`. */
  readonly label: string;
  readonly document: unknown;
}

export function policyDocuments(snapshot: AccountSnapshot): PolicyDocumentRef[] | null {
  const auth = authorization(snapshot);
  if (!auth) return null;
  const inline = (kind: string, holders: { name: string; arn: string; inlinePolicies: { name: string; document: unknown }[] }[]) =>
    holders.flatMap((h) => h.inlinePolicies.map((p) => ({ resource: `${h.arn}/inline/${p.name}`, label: `inline policy ${p.name} of ${kind} ${h.name}`, document: p.document })));
  return [
    ...auth.policies.filter((p) => !p.awsManaged).map((p) => ({ resource: p.arn, label: `policy ${p.name}`, document: p.document })),
    ...inline('user', auth.users),
    ...inline('group', auth.groups),
    ...inline('role', auth.roles),
  ];
}

/** A check's evaluate(): lint each document with `rules`; PASS without findings, FAIL naming the first few. */
export function lintEach(snapshot: AccountSnapshot, rules: readonly LintRule[], options: LintOptions, what: string, remediation: Remediation): Outcome[] {
  const docs = policyDocuments(snapshot);
  if (!docs) return [missing(snapshot, ['authorization'])];
  const outcomes = docs.map((d) => {
    // Documents in a snapshot are JSON IAM accepted (or text that is not); positions are not known here, paths are.
    const document = typeof d.document === 'string' ? safeParse(d.document) : d.document;
    const findings = lintDocument(document, options, undefined, rules);
    if (findings.length === 0) return pass(d.resource, `${d.label}: ${what}`);
    return fail(d.resource, `${d.label}: ${describe(findings)}`, remediation);
  });
  return orNotApplicable(snapshot, outcomes, 'no customer-managed or inline policies');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const describe = (findings: readonly Finding[]): string =>
  findings
    .slice(0, 3)
    .map((f) => `${f.path}: ${f.message}`)
    .join('; ') + (findings.length > 3 ? `; and ${findings.length - 3} more` : '');
