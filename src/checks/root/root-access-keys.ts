// root-access-keys: a root key is the credential nobody can scope down or put MFA on; the seeds say delete it.
// Two sources: GetAccountSummary (live, counts inactive keys too) and the credential report's root row (per key, may lag).
import { fail, pass, rootArn } from '../support.js';
import type { Check } from '../types.js';
import { cannotEvaluate, count, reportGap, reportName, rootRow, summaryFlag, summaryGap } from './evidence.js';

export const rootAccessKeys: Check = {
  id: 'root-access-keys',
  title: 'Root user has no access keys',
  area: 'root',
  severity: 'critical',
  sources: ['seed 002', 'seed 003', 'seed 004', 'CIS 2.3'],
  remediation: {
    summary:
      'Delete the root access keys: deactivate first, check nothing breaks, then delete. Move whatever used them to an ' +
      'IAM user or role. Only root can delete its own keys: run the CLI signed in as root (e.g. in CloudShell), then verify (0 means none).',
    console: [
      'Sign in to the AWS console as the root user',
      'Click the account name (top right), then Security credentials',
      'Under Access keys, note each key\'s Last used, then choose Actions > Deactivate',
      'Once nothing depends on it, choose Actions > Delete and confirm',
    ],
    cli: [
      'aws iam list-access-keys',
      'aws iam update-access-key --access-key-id <root-access-key-id> --status Inactive',
      'aws iam delete-access-key --access-key-id <root-access-key-id>',
      'aws iam get-account-summary --query SummaryMap.AccountAccessKeysPresent',
    ],
  },
  evaluate(snapshot) {
    const resource = rootArn(snapshot);
    const flag = summaryFlag(snapshot, 'AccountAccessKeysPresent');
    const row = rootRow(snapshot);
    if (flag === undefined && !row) {
      return [cannotEvaluate(resource, [summaryGap(snapshot, 'AccountAccessKeysPresent'), reportGap(snapshot)])];
    }
    // A report slot with a rotation date holds a key even when inactive; an empty slot has neither.
    const keys = row ? row.accessKeys.filter((k) => k.active || k.lastRotated !== null) : [];
    const active = keys.filter((k) => k.active).length;
    const evidence = [
      flag === undefined ? summaryGap(snapshot, 'AccountAccessKeysPresent') : `AccountAccessKeysPresent = ${flag}`,
      row ? `${reportName(snapshot)}: ${count(keys.length, 'key')}, ${active} active` : reportGap(snapshot),
    ].join('; ');
    // Either source saying "a key" is enough: the summary may see a key created after the report, the report one the summary lost.
    return (flag ?? 0) > 0 || active > 0
      ? [fail(resource, `root has access keys (${evidence})`)]
      : [pass(resource, `root has no access keys (${evidence})`)];
  },
};
