// CIS 2.15 / seeds 002, 003: a hand-written policy that allows `*` on `*` is AdministratorAccess under another name,
// invisible to anyone looking for AdministratorAccess. One result per customer-managed policy (resource: its ARN,
// attached or not: an unattached one is one click from use) and per inline policy of a user, group or role
// (resource: `<principal ARN>/inline/<name>`). Conditions do not save a statement, as in CIS.
import { fail, pass } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import { allowsStarOnStar, type PolicyHolder } from './permissions.js';
import { authorization, missing, orNotApplicable, removeCommand } from './users.js';

const remediation: Remediation = {
  summary:
    'Replace the statement that allows "*" on "*" with the actions and resources the principal needs. Where full administration is really meant, use the AWS managed AdministratorAccess policy on an administrators group, so it is visible as such.',
  console: [
    'IAM > Policies > the policy > Edit (JSON): replace "Action": "*", "Resource": "*" with the actions and ARNs needed; Save changes creates the new default version.',
    'For an inline policy: IAM > Users (or User groups, Roles) > the principal > Permissions > the inline policy > Edit, or Remove it and attach a managed policy instead.',
  ],
  cli: [
    'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default',
    'aws iam put-user-policy --user-name <user> --policy-name <inline-policy> --policy-document file://least-privilege.json',
    'aws iam delete-user-policy --user-name <user> --policy-name <inline-policy>',
  ],
};

type Kind = 'user' | 'group' | 'role';

function inlineOutcomes(kind: Kind, holder: PolicyHolder & { name: string; arn: string }): Outcome[] {
  return holder.inlinePolicies.map((p) => {
    const resource = `${holder.arn}/inline/${p.name}`;
    if (!allowsStarOnStar(p.document)) return pass(resource, `inline policy ${p.name} of ${kind} ${holder.name} does not allow "*" on "*"`);
    return fail(resource, `inline policy ${p.name} of ${kind} ${holder.name} allows "*" on "*": full administrator access`, {
      ...remediation,
      cli: [
        `aws iam put-${kind}-policy --${kind}-name ${holder.name} --policy-name ${p.name} --policy-document file://least-privilege.json`,
        removeCommand(kind, holder.name, { name: p.name, arn: null }),
      ],
    });
  });
}

export const adminStarPolicy: Check = {
  id: 'admin-star-policy',
  title: 'No customer policy allows "*" on "*"',
  area: 'identity',
  severity: 'high',
  sources: ['seed 002', 'seed 003', 'CIS 2.15'],
  remediation,
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];
    const managed = auth.policies
      .filter((p) => !p.awsManaged)
      .map((p) => {
        if (!allowsStarOnStar(p.document)) return pass(p.arn, `policy ${p.name} does not allow "*" on "*"`);
        const attached = p.attachmentCount === 0 ? 'not attached yet' : `attached to ${p.attachmentCount} principal${p.attachmentCount === 1 ? '' : 's'}`;
        return fail(p.arn, `policy ${p.name} (version ${p.defaultVersionId}, ${attached}) allows "*" on "*": full administrator access`, {
          ...remediation,
          cli: [`aws iam create-policy-version --policy-arn ${p.arn} --policy-document file://least-privilege.json --set-as-default`],
        });
      });
    const inline = [
      ...auth.users.flatMap((u) => inlineOutcomes('user', u)),
      ...auth.groups.flatMap((g) => inlineOutcomes('group', g)),
      ...auth.roles.flatMap((r) => inlineOutcomes('role', r)),
    ];
    return orNotApplicable(snapshot, [...managed, ...inline], 'no customer-managed or inline policies');
  },
};
