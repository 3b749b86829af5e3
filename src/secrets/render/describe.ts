// Words every renderer shares: what a rule finds, and where a finding came from.
import type { Verification } from '../report.js';
import type { RuleId } from '../detect.js';
import type { SecretFinding } from '../types.js';

export const RULE_TEXT: Record<RuleId, { name: string; description: string }> = {
  'aws-access-key-id': { name: 'AWS access key id', description: 'An AWS access key id (AKIA, ASIA and the other documented prefixes).' },
  'aws-secret-access-key': { name: 'AWS secret access key', description: 'A 40-character AWS secret access key, behind a telling name or near an access key id.' },
  'aws-session-token': { name: 'AWS session token', description: 'An AWS session token (temporary credentials) behind an aws_session_token-like name.' },
  'aws-bedrock-api-key': { name: 'Amazon Bedrock API key', description: 'An Amazon Bedrock API key: long-term (ABSK...) or short-term (bedrock-api-key-...).' },
};

export const ruleName = (rule: string): string => RULE_TEXT[rule as RuleId]?.name ?? rule;

/** `in commit abc1234 by Ann on 2024-05-01, no longer in HEAD` */
export function commitText(f: SecretFinding): string | undefined {
  const c = f.location.commit;
  if (!c) return undefined;
  return `in commit ${c.commit.slice(0, 12)} by ${c.author} on ${c.date.slice(0, 10)}, ${c.inHead ? 'still in HEAD' : 'no longer in HEAD (but still in the history)'}`;
}

export function verificationText(v: Verification | undefined): string | undefined {
  if (!v) return undefined;
  if (v.status === 'live') return `LIVE: ${v.arn} (account ${v.account})`;
  if (v.status === 'invalid') return `not live (${v.reason})`;
  return `could not verify (${v.reason})`;
}
