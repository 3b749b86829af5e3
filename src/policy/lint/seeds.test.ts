// The seeds' policies (test/fixtures/policies, copied from /work/shared/seeds): the findings a reader of each needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from './index.js';

const lint = (name: string, kind: 'identity' | 'resource' = 'identity', requireMfa = false) =>
  lintText(readFileSync(new URL(`../../../test/fixtures/policies/${name}`, import.meta.url), 'utf8'), name, { kind, requireMfa }).map((f) => [`${f.line}:${f.column}`, f.rule, f.path]);

describe('seed policies', () => {
  it('seed 003 ProductionAdminPolicy: the lost "*"s are empty strings and "billing:"', () => {
    expect(lint('production-admin-seed003.json')).toEqual([
      ['4:71', 'empty-value', '$.Statement[0].Action'],
      ['4:87', 'empty-value', '$.Statement[0].Resource'],
      ['8:42', 'action-element', '$.Statement[1].Action[1]'],
      ['8:54', 'action-element', '$.Statement[1].Action[2]'],
      ['9:19', 'empty-value', '$.Statement[1].Resource'],
      ['15:19', 'empty-value', '$.Statement[2].Resource'],
    ]);
  });

  it('seed 003 ProductionReadOnlyPolicy: every action lost its "*"', () => {
    const found = lint('production-readonly-seed003.json');
    expect(found.filter(([, rule]) => rule === 'action-unknown')).toHaveLength(11);
    expect(found.filter(([, rule]) => rule === 'empty-value')).toEqual([['7:19', 'empty-value', '$.Statement[0].Resource']]);
  });

  it('seed 003 DevOps group policy: iam:PassRole with ec2:* and cloudformation:* is privilege escalation', () => {
    expect(lint('devops-group-seed003.json')).toEqual([
      ['10:1', 'privilege-escalation', '$.Statement[0].Action[3]'],
      ['10:1', 'privilege-escalation', '$.Statement[0].Action[3]'],
    ]);
  });

  it('seed 003 custom admin: "*" on "*", and account:GetAccountSummary does not exist', () => {
    expect(lint('custom-admin-seed003.json').map(([, rule]) => rule)).toEqual(['star-on-star', 'action-unknown']);
  });

  it('seed 003 break-glass: "*" on "*" even behind MFA and regions', () => {
    expect(lint('emergency-access-seed003.json').map(([, rule]) => rule)).toEqual(['star-on-star']);
  });

  it('seed 003 policy anatomy: Principal is wrong in an identity policy, right in a bucket policy', () => {
    expect(lint('bucket-anatomy-seed003.json').map(([, rule]) => rule)).toEqual(['principal-element']);
    expect(lint('bucket-anatomy-seed003.json', 'resource')).toEqual([]);
  });

  it('seed 002 custom policy (one bucket, three object actions + ListBucket) lints clean, even with --require-mfa off', () => {
    expect(lint('custom-s3-seed002.json')).toEqual([]);
  });

  it('seed 002 custom policy with --require-mfa: s3:DeleteObject without MFA', () => {
    expect(lint('custom-s3-seed002.json', 'identity', true)).toEqual([['9:2', 'mfa-missing', '$.Statement[0].Action[2]']]);
  });
});

describe('duplicate keys', () => {
  it('are a finding at the second key, and the last value is the one linted (as IAM would read it)', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*", "Effect": "Allow"}\n}';
    const found = lintText(text, 'dup.json').map((f) => [`${f.line}:${f.column}`, f.rule, f.path]);
    expect(found).toEqual([['3:88', 'duplicate-key', '$.Statement.Effect']]);
  });
});
