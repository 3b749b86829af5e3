// CIS 2.21: AWSCloudShellFullAccess lets its holder upload and download files to a shell with their credentials,
// a ready channel for data exfiltration. One result for the account: the policy is attached to no user, group or role
// (read from each principal's attachments, and from the policy's AttachmentCount in case a principal is missing).
import { accountResource, fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { isAwsPolicy, type PolicyHolder } from './permissions.js';
import { authorization, missing, removeCommand } from './users.js';

const NAME = 'AWSCloudShellFullAccess';

const remediation: Remediation = {
  summary: `Detach ${NAME} from every user, group and role; grant the narrower CloudShell actions a person needs instead (without cloudshell:GetFileUploadUrls / GetFileDownloadUrls).`,
  console: [`IAM > Policies > ${NAME} > Entities attached: select each entity > Detach.`],
  cli: [
    `aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/${NAME}`,
    `aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/${NAME}`,
    `aws iam detach-group-policy --group-name <group> --policy-arn arn:aws:iam::aws:policy/${NAME}`,
    `aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/${NAME}`,
  ],
};

const attachment = (h: PolicyHolder) => h.attachedPolicies.find((p) => isAwsPolicy(p.arn, NAME));

export const cloudshellFullAccess: Check = {
  id: 'cloudshell-full-access',
  title: `${NAME} is not attached`,
  area: 'identity',
  severity: 'low',
  sources: ['CIS 2.21'],
  remediation,
  evaluate(snapshot) {
    const auth = authorization(snapshot);
    if (!auth) return [missing(snapshot, ['authorization'])];
    const resource = accountResource(snapshot);
    const holders = [
      ...auth.users.map((h) => ({ kind: 'user' as const, name: h.name, policy: attachment(h) })),
      ...auth.groups.map((h) => ({ kind: 'group' as const, name: h.name, policy: attachment(h) })),
      ...auth.roles.map((h) => ({ kind: 'role' as const, name: h.name, policy: attachment(h) })),
    ].flatMap((h) => (h.policy ? [{ ...h, policy: h.policy }] : []));
    const count = auth.policies.find((p) => isAwsPolicy(p.arn, NAME))?.attachmentCount ?? 0;
    if (holders.length === 0 && count === 0) return [pass(resource, `${NAME} is attached to no user, group or role`)];
    if (holders.length === 0) return [fail(resource, `${NAME} has ${count} attachment${count === 1 ? '' : 's'} (the snapshot does not show which principals)`)];
    return [
      fail(resource, `${NAME} is attached to ${holders.map((h) => `${h.kind} ${h.name}`).join(', ')}`, {
        ...remediation,
        cli: holders.map((h) => removeCommand(h.kind, h.name, { name: NAME, arn: h.policy.arn })),
      }),
    ];
  },
};
