// What to do about a leaked credential. Deleting it from the code does not make it safe: it is in the history,
// in clones, in CI logs; it must be made useless at AWS. Key ids are shown masked here as everywhere (the full id is
// at the finding's location): a report can be pasted into a ticket without handing anyone a key id + account.
import type { Verification } from './report.js';
import type { SecretFinding } from './types.js';

export function nextSteps(f: SecretFinding, verification?: Verification): string[] {
  if (verification?.status === 'invalid') return ['STS rejected this pair: it is not live (deleted, inactive or expired). Remove it from the code anyway.'];
  const userName = verification?.status === 'live' ? /:user\/(?:.*\/)?([^/]+)$/.exec(verification.arn)?.[1] : undefined;
  const user = userName ? ` --user-name ${userName}` : '';
  const id = f.accessKeyId ? maskId(f.accessKeyId) : undefined;
  if (f.kind === 'bedrock-api-key') {
    return f.secret.startsWith('ABSK')
      ? [
          'deactivate the long-term Bedrock API key: aws iam list-service-specific-credentials --service-name bedrock.amazonaws.com, then aws iam update-service-specific-credential --service-specific-credential-id <id> --status Inactive',
          'check CloudTrail for its use by the BedrockAPIKey-* user it belongs to: rampart trail hunt',
          'issue a new key only if still needed, and keep it out of the code (a secrets manager, an environment variable)',
        ]
      : ['short-term Bedrock keys live up to 12 hours: revoke the sessions of the principal that made it (IAM console: Revoke active sessions) if that is too long'];
  }
  if (!id) return ['find the access key id this secret belongs to, deactivate it (aws iam update-access-key --status Inactive) and check CloudTrail for its use'];
  if (id.startsWith('ASIA')) {
    return [
      `temporary credentials (${id}) expire on their own; to cut them off now, revoke the role's active sessions (IAM console: Roles > Revoke active sessions)`,
      `check CloudTrail for their use: rampart trail hunt --access-key ${id}`,
    ];
  }
  return [
    `deactivate it now: aws iam update-access-key --access-key-id ${id} --status Inactive${user} (the full id is at the location above)`,
    `check CloudTrail for its use: rampart trail hunt --access-key ${id}`,
    `rotate: create a new key for whoever needs one, then aws iam delete-access-key --access-key-id ${id}${user}`,
  ];
}

/** A key id as every output shows it: the prefix and the last four characters. */
export const maskId = (id: string): string => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
